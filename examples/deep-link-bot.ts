/**
 * Deep linking: a link such as https://t.me/yourbot?start=ref-42 opens the bot and sends
 * `/start ref-42`; the payload after the command says where the user came from. `/invite`
 * builds such a link for the user (the bot's username comes from `getMe`).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/deep-link-bot.ts
 */
import { Botte, util, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['start'] }, async (message) => {
    const payload = util.extractArguments(message.text) ?? ''; // '' for a plain /start
    if (payload.startsWith('ref-')) {
      await bot.replyTo(message, `Welcome! You were invited by user ${payload.slice(4)}.`);
    } else if (payload) {
      await bot.replyTo(message, `Welcome! You came with the payload "${payload}".`);
    } else {
      await bot.replyTo(message, 'Welcome! Send /invite to get your invitation link.');
    }
  });

  bot.handleMsg({ commands: ['invite'] }, async (message) => {
    const me = await bot.getMe();
    // Payloads may hold A-Z, a-z, 0-9, _ and -, up to 64 characters.
    await bot.replyTo(message, `Share this link: https://t.me/${me.username}?start=ref-${message.from!.id}`);
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
