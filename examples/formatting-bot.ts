/**
 * Formatting: the same greeting in HTML (`formatting.hbold`, escaping user input with
 * `escapeHtml`), in MarkdownV2 (`mbold`, `escapeMarkdownV2`) and as text plus entities built
 * with `formatting.fmt` (nested styles, no escaping needed at all); `/long` sends a text longer
 * than Telegram's 4096-character limit in pieces cut at line ends by `util.smartSplit`.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/formatting-bot.ts
 */
import { Botte, formatting, util, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const { fmt, bold, italic, link, code } = formatting;

/** A text of `lines` numbered lines, to show `smartSplit`. */
export function longText(lines = 300): string {
  return Array.from({ length: lines }, (_, i) => `Line ${i + 1}: the quick brown fox jumps over the lazy dog.`).join(
    '\n',
  );
}

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['html'] }, async (message) => {
    const name = message.from!.first_name; // user input: may contain <, > or &
    const text = formatting.formatText(formatting.hbold(`Hello, ${name}!`), formatting.hitalic('Welcome to <Botte>'), {
      separator: '\n',
    });
    await bot.sendMessage(message.chat.id, text, { parse_mode: 'HTML' });
  });

  bot.handleMsg({ commands: ['markdown'] }, async (message) => {
    const name = message.from!.first_name;
    const text = `${formatting.mbold(`Hello, ${name}!`)}\n${formatting.escapeMarkdownV2('Prices: 1.5 (incl. tax) - see docs.')}`;
    await bot.sendMessage(message.chat.id, text, { parse_mode: 'MarkdownV2' });
  });

  bot.handleMsg({ commands: ['entities'] }, async (message) => {
    // Entities instead of a parse mode: styles nest, and nothing needs escaping.
    const text = fmt`${bold(fmt`Hello, ${italic(message.from!.first_name)}!`)} Read ${link('the guide', 'https://core.telegram.org/bots')} or run ${code('npm test')}.`;
    await bot.sendMessage(message.chat.id, text.text, { entities: text.entities });
  });

  bot.handleMsg({ commands: ['long'] }, async (message) => {
    for (const part of util.smartSplit(longText(), 4096)) await bot.sendMessage(message.chat.id, part);
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
