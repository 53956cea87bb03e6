/**
 * Inline keyboards with callback data: `/list` shows a paginated list (five items a page)
 * with ◀ and ▶ buttons; pressing one edits the same message to the other page
 * (`editMessageText`) and answers the callback query so the button stops spinning.
 * The callback data is small and self-describing (`page:3`), and `callbackData` filters on it.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/pagination-bot.ts
 */
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const ITEMS = Array.from({ length: 23 }, (_, i) => `Item ${i + 1}`);
const PAGE_SIZE = 5;
const PAGES = Math.ceil(ITEMS.length / PAGE_SIZE);

/** The text and keyboard of page `page` (0-based). */
export function renderPage(page: number): { text: string; markup: types.InlineKeyboardMarkup } {
  const items = ITEMS.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const markup = new types.InlineKeyboardMarkup();
  const buttons: types.InlineKeyboardButton[] = [];
  if (page > 0) buttons.push(new types.InlineKeyboardButton('◀', { callback_data: `page:${page - 1}` }));
  buttons.push(new types.InlineKeyboardButton(`${page + 1}/${PAGES}`, { callback_data: 'noop' }));
  if (page < PAGES - 1) buttons.push(new types.InlineKeyboardButton('▶', { callback_data: `page:${page + 1}` }));
  markup.row(...buttons);
  return { text: items.join('\n'), markup };
}

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['list'] }, async (message) => {
    const { text, markup } = renderPage(0);
    await bot.sendMessage(message.chat.id, text, { reply_markup: markup });
  });

  bot.callbackQueryHandler({ callbackData: /^page:\d+$/ }, async (call) => {
    const page = Number(call.data!.split(':')[1]);
    const { text, markup } = renderPage(page);
    if (call.message)
      await bot.editMessageText(text, call.message.chat.id, call.message.message_id, { reply_markup: markup });
    await bot.answerCallbackQuery(call.id);
  });

  bot.callbackQueryHandler({ callbackData: 'noop' }, (call) =>
    bot.answerCallbackQuery(call.id, 'That is the page number.'),
  );

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
