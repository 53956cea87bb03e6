/**
 * An inline calendar: `/date` shows the current month as a grid of day buttons with ◀ ▶ to
 * change month; navigating edits the keyboard in place (`editMessageReplyMarkup`), picking a day
 * edits the text (`editMessageText`). All the state travels in the callback data
 * (`cal:2026-12`, `day:2026-12-05`, at most 64 bytes), so the bot itself stores nothing.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/calendar-bot.ts
 */
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const pad = (n: number) => String(n).padStart(2, '0');

/** The keyboard of one month (`month` 1-12): a title row, weekday names, weeks from Monday, ◀ ▶. */
export function calendar(year: number, month: number): types.InlineKeyboardMarkup {
  const button = (text: string, data: string) => new types.InlineKeyboardButton(text, { callback_data: data });
  const markup = new types.InlineKeyboardMarkup();
  markup.row(button(`${MONTHS[month - 1]} ${year}`, 'ignore'));
  markup.row(...['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'].map((d) => button(d, 'ignore')));
  const firstWeekday = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7; // Monday = 0
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells = [...Array<null>(firstWeekday).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  for (let i = 0; i < cells.length; i += 7) {
    markup.row(
      ...cells
        .slice(i, i + 7)
        .map((day) => (day ? button(String(day), `day:${year}-${pad(month)}-${pad(day)}`) : button(' ', 'ignore'))),
    );
  }
  const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
  const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
  markup.row(button('◀', `cal:${prev}`), button('▶', `cal:${next}`));
  return markup;
}

/** Builds the bot; `today` decides which month `/date` opens on. */
export function createBot(token: string, options: BotteOptions = {}, today = () => new Date()): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['date'] }, async (message) => {
    const now = today();
    await bot.sendMessage(message.chat.id, 'Pick a date:', {
      reply_markup: calendar(now.getUTCFullYear(), now.getUTCMonth() + 1),
    });
  });

  bot.callbackQueryHandler({ callbackData: /^cal:\d{4}-\d{2}$/ }, async (call) => {
    const [year, month] = call.data!.slice(4).split('-').map(Number) as [number, number];
    if (call.message)
      await bot.editMessageReplyMarkup(call.message.chat.id, call.message.message_id, {
        reply_markup: calendar(year, month),
      });
    await bot.answerCallbackQuery(call.id);
  });

  bot.callbackQueryHandler({ callbackData: /^day:/ }, async (call) => {
    const date = call.data!.slice(4);
    if (call.message) await bot.editMessageText(`You picked ${date}.`, call.message.chat.id, call.message.message_id);
    await bot.answerCallbackQuery(call.id, `Saved ${date}`);
  });

  bot.callbackQueryHandler({ callbackData: 'ignore' }, (call) => bot.answerCallbackQuery(call.id));

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
