/**
 * Reply keyboards: `/start` shows a keyboard of two rows; pressing a button sends its text,
 * which a `{ text }`-style `func` filter recognises; "Share my phone" asks for the contact with
 * `request_contact`; "Done" removes the keyboard with `ReplyKeyboardRemove`.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/reply-keyboard-bot.ts
 */
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const FRUITS = ['🍎 Apple', '🍌 Banana', '🍒 Cherry'];

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['start'] }, async (message) => {
    const keyboard = new types.ReplyKeyboardMarkup({
      rowWidth: 3,
      resize_keyboard: true,
      input_field_placeholder: 'Pick a fruit',
    });
    keyboard.add(...FRUITS); // one row of three
    keyboard.row(new types.KeyboardButton('📱 Share my phone', { request_contact: true }), 'Done');
    await bot.sendMessage(message.chat.id, 'Which fruit do you like?', { reply_markup: keyboard });
  });

  bot.handleMsg({ func: (m) => FRUITS.includes(m.text) }, async (message) => {
    await bot.replyTo(message, `${message.text.split(' ')[1]} it is!`);
  });

  bot.handleMsg({ contentTypes: ['contact'] }, async (message) => {
    // message.contact is typed as Contact here, thanks to the contentTypes filter.
    await bot.replyTo(message, `Thanks, I got ${message.contact.phone_number}.`);
  });

  bot.handleMsg({ func: (m) => m.text === 'Done' }, async (message) => {
    await bot.sendMessage(message.chat.id, 'Keyboard hidden.', { reply_markup: new types.ReplyKeyboardRemove() });
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
