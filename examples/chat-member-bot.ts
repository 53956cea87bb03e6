/**
 * Chat member updates and join requests (make the bot an admin of the group):
 * - `myChatMemberHandler`: the bot itself was added to or removed from a chat;
 * - `chatMemberHandler`: someone joined or left (greets newcomers) — Telegram sends these only
 *   when `chat_member` is in `allowedUpdates`, so the bot asks for it when it starts polling;
 * - `chatJoinRequestHandler`: someone asked to join through an invite link that needs approval:
 *   users whose first name is on a block list are declined, everyone else approved and greeted.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/chat-member-bot.ts
 */
import { Botte, logger, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** The update types this bot needs; `chat_member` is opt-in at Telegram. */
export const ALLOWED_UPDATES = ['message', 'my_chat_member', 'chat_member', 'chat_join_request'];

const BLOCKED_NAMES = new Set(['spammer']);

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.myChatMemberHandler(undefined, async (update) => {
    const { status } = update.new_chat_member;
    logger.info(`I am now "${status}" in ${update.chat.title ?? update.chat.id}`);
    if (status === 'member' || status === 'administrator') {
      await bot.sendMessage(update.chat.id, 'Thanks for adding me! Make me an admin so that I can greet newcomers.');
    }
  });

  bot.chatMemberHandler(undefined, async (update) => {
    const was = update.old_chat_member.status;
    const now = update.new_chat_member.status;
    const joined = (was === 'left' || was === 'kicked') && (now === 'member' || now === 'restricted');
    if (joined) await bot.sendMessage(update.chat.id, `Welcome, ${update.new_chat_member.user.first_name}!`);
  });

  bot.chatJoinRequestHandler(undefined, async (request) => {
    if (BLOCKED_NAMES.has(request.from.first_name.toLowerCase())) {
      await bot.declineChatJoinRequest(request.chat.id, request.from.id);
      return;
    }
    await bot.approveChatJoinRequest(request.chat.id, request.from.id);
    // user_chat_id lets the bot write to the user, within 5 minutes of the request.
    await bot.sendMessage(request.user_chat_id, `You are in! Welcome to ${request.chat.title ?? 'the group'}.`);
  });

  return bot;
}

if (isMain(import.meta.url))
  await createBot(tokenFromEnv()).runthebot({ handleSignals: true, allowedUpdates: ALLOWED_UPDATES });
