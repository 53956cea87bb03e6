/**
 * Editing and deleting messages: `/countdown` sends "3" and edits it down to "Go!"
 * (`editMessageText`), `/secret` sends a message and deletes it again after a moment
 * (`deleteMessage`), and when a user edits one of their messages the bot notices
 * (`editedHandleMsg`) and answers with the new text.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/edit-delete-bot.ts
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { Botte, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot; `stepMs` is the pause between edits (tests make it short). */
export function createBot(token: string, options: BotteOptions = {}, stepMs = 1000): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['countdown'] }, async (message) => {
    const sent = await bot.sendMessage(message.chat.id, '3');
    for (const text of ['2', '1', 'Go!']) {
      await sleep(stepMs);
      await bot.editMessageText(text, message.chat.id, sent.message_id);
    }
  });

  bot.handleMsg({ commands: ['secret'] }, async (message) => {
    const sent = await bot.sendMessage(message.chat.id, 'This message self-destructs.');
    await sleep(stepMs);
    await bot.deleteMessage(message.chat.id, sent.message_id);
    await bot.deleteMessage(message.chat.id, message.message_id); // the /secret command itself
  });

  bot.editedHandleMsg({ contentTypes: ['text'] }, async (message) => {
    await bot.replyTo(message, `You changed your message to: ${message.text}`);
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
