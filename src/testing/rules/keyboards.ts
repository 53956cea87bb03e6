/**
 * Checks `reply_markup` as Telegram does: one kind of markup, arrays of arrays of buttons, button
 * texts, one action per inline button, callback_data of at most 64 bytes.
 * @module
 */
import { badRequest } from '../telegram-error.js';

const INLINE_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRows(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** Throws Telegram's 400 when `markup` (already JSON-decoded) is not a valid reply markup. */
export function checkReplyMarkup(markup: unknown): void {
  if (markup === undefined || markup === null || markup === '') return;
  if (!isObject(markup)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in markup) {
    if (!isRows(markup.inline_keyboard))
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    for (const row of markup.inline_keyboard) for (const button of row) checkInlineButton(button);
    return;
  }
  if ('keyboard' in markup) {
    if (!isRows(markup.keyboard)) throw badRequest('field "keyboard" must be an Array of Arrays');
    for (const row of markup.keyboard) {
      for (const button of row) {
        if (typeof button === 'string') continue;
        if (!isObject(button))
          throw badRequest("can't parse keyboard button: KeyboardButton must be a String or an Object");
        if (typeof button.text !== 'string') throw badRequest(`can't parse keyboard button: Can't find field "text"`);
      }
    }
    return;
  }
  if ('remove_keyboard' in markup || 'force_reply' in markup) return;
  throw badRequest("can't parse reply keyboard markup JSON object");
}

function checkInlineButton(button: unknown): void {
  if (!isObject(button)) throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object");
  if (typeof button.text !== 'string') throw badRequest(`can't parse inline keyboard button: Can't find field "text"`);
  if (!INLINE_ACTIONS.some((action) => button[action] !== undefined)) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined && (typeof data !== 'string' || Buffer.byteLength(data, 'utf8') > 64 || data === ''))
    throw badRequest('BUTTON_DATA_INVALID');
  if (button.url !== undefined && (typeof button.url !== 'string' || !/^(https?|tg):\/\/\S+$/i.test(button.url))) {
    throw badRequest('BUTTON_URL_INVALID');
  }
}
