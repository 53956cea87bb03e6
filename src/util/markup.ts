/**
 * `quickMarkup`: an inline keyboard from a plain object, one entry per button.
 * @module
 */
import { InlineKeyboardButton, InlineKeyboardMarkup, type InlineKeyboardButtonOptions } from '../types/keyboards.js';

/** The fields of an inline button other than its text (Telegram's names: `callback_data`, `url`, …). */
export type QuickButtonOptions = InlineKeyboardButtonOptions;

/**
 * Builds an inline keyboard: each key is a button text, each value that button's options.
 * Buttons fill rows of `rowWidth` (default 2; also accepted as `{ rowWidth }`) in insertion order.
 *
 * ```ts
 * util.quickMarkup({ Twitter: { url: 'https://twitter.com' }, Back: { callback_data: 'back' } }, 1);
 * ```
 */
export function quickMarkup(
  values: Record<string, QuickButtonOptions>,
  rowWidth: number | { rowWidth?: number } = 2,
): InlineKeyboardMarkup {
  const width = typeof rowWidth === 'object' ? (rowWidth.rowWidth ?? 2) : rowWidth;
  const markup = new InlineKeyboardMarkup({ rowWidth: width });
  const buttons = Object.entries(values).map(([text, options]) => new InlineKeyboardButton(text, options));
  markup.add(...buttons);
  return markup;
}
