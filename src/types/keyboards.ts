/**
 * Reply markup: reply keyboards, inline keyboards and their buttons, `ReplyKeyboardRemove`, `ForceReply`.
 *
 * ```ts
 * const markup = new types.ReplyKeyboardMarkup({ rowWidth: 2, resize_keyboard: true });
 * markup.add('a', 'b', new types.KeyboardButton('c', { request_contact: true }));
 * await bot.sendMessage(chatId, 'Choose one letter:', { reply_markup: markup });
 * ```
 * @module
 */
import type {
  CopyTextButton as TgCopyTextButton,
  ForceReply as TgForceReply,
  InlineKeyboardButton as TgInlineKeyboardButton,
  InlineKeyboardMarkup as TgInlineKeyboardMarkup,
  KeyboardButton as TgKeyboardButton,
  KeyboardButtonPollType as TgKeyboardButtonPollType,
  LoginUrl as TgLoginUrl,
  ReplyKeyboardMarkup as TgReplyKeyboardMarkup,
  ReplyKeyboardRemove as TgReplyKeyboardRemove,
  SwitchInlineQueryChosenChat as TgSwitchInlineQueryChosenChat,
  WebAppInfo as TgWebAppInfo,
} from '../api/generated/telegram-types.js';
import { type AcceptUndefined, type DistributiveOmit, setDefined, snakeToCamel } from './internal.js';

/** Telegram shows at most 12 buttons in a row of a reply keyboard (pyTelegramBotAPI's `max_row_keys`). */
export const MAX_REPLY_ROW_WIDTH = 12;
/** Telegram shows at most 8 buttons in a row of an inline keyboard. */
export const MAX_INLINE_ROW_WIDTH = 8;

/** A reply keyboard button as stored in a markup: always an object, never a bare string. */
type ReplyButtonObject = Exclude<TgKeyboardButton, string>;

// A width outside 1..max would make `add` loop forever (0) or build rows Telegram rejects (> max).
function clampWidth(width: number | undefined, max: number): number {
  if (width === undefined || !Number.isFinite(width)) return 3;
  return Math.min(max, Math.max(1, Math.floor(width)));
}

/**
 * Refuses options a markup does not know: copied onto the object, they would be serialised as
 * fields Telegram ignores (`{ keyboard }` on an inline keyboard would show no buttons at all).
 */
function checkOptions(options: object | undefined, known: readonly string[], className: string): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(
      `new types.${className}(options): options must be an object, got ${Array.isArray(options) ? 'an array' : typeof options}`,
    );
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key)) continue;
    const camel = snakeToCamel(key);
    const hint = camel !== key && known.includes(camel) ? ` (did you mean "${camel}"?)` : '';
    throw new TypeError(`new types.${className}: unknown option "${key}"${hint}; known options: ${known.join(', ')}`);
  }
}

const REPLY_KEYBOARD_OPTIONS = [
  'rowWidth',
  'keyboard',
  'resize_keyboard',
  'one_time_keyboard',
  'selective',
  'input_field_placeholder',
  'is_persistent',
] as const;
const INLINE_KEYBOARD_OPTIONS = ['rowWidth', 'keyboard', 'inline_keyboard'] as const;

function toReplyButton(button: string | TgKeyboardButton): ReplyButtonObject {
  return typeof button === 'string' ? { text: button } : button;
}

// Splits one call's buttons into new rows: pyTelegramBotAPI never tops up the previous last row.
function pushRows<T>(rows: T[][], buttons: readonly T[], width: number): void {
  for (let i = 0; i < buttons.length; i += width) rows.push(buttons.slice(i, i + width));
}

/** Optional fields of {@link KeyboardButton}: at most one of the `request_*` / `web_app` fields. */
export type KeyboardButtonOptions = Partial<
  Omit<
    TgKeyboardButton.RequestUsersButton &
      TgKeyboardButton.RequestChatButton &
      TgKeyboardButton.RequestContactButton &
      TgKeyboardButton.RequestLocationButton &
      TgKeyboardButton.RequestPollButton &
      TgKeyboardButton.RequestManagedBotButton &
      TgKeyboardButton.WebAppButton,
    'text'
  >
>;

export interface KeyboardButton extends KeyboardButtonOptions {}
/**
 * One button of a reply keyboard. `new KeyboardButton('Share phone', { request_contact: true })`.
 * Plain strings given to {@link ReplyKeyboardMarkup.add} become `{ text }` buttons.
 */
export class KeyboardButton implements TgKeyboardButton.CommonButton {
  /** Text of the button; sent as a message when pressed unless a `request_*` field is set. */
  text: string;

  /**
   * @param text label of the button
   * @param options Telegram's optional fields (`request_contact`, `request_location`, `request_poll`, `web_app`, ...)
   */
  constructor(text: string, options?: AcceptUndefined<KeyboardButtonOptions>) {
    this.text = text;
    setDefined(this, options);
  }
}

/** Options of {@link ReplyKeyboardMarkup}. */
export interface ReplyKeyboardMarkupOptions extends Partial<Omit<TgReplyKeyboardMarkup, 'keyboard'>> {
  /** Buttons per row for {@link ReplyKeyboardMarkup.add}; default 3, clamped to 1..12. Not sent to Telegram. */
  rowWidth?: number;
  /** Initial rows; strings become `{ text }` buttons. */
  keyboard?: (string | TgKeyboardButton)[][];
}

export interface ReplyKeyboardMarkup extends Partial<Omit<TgReplyKeyboardMarkup, 'keyboard'>> {}
/**
 * A custom reply keyboard. Build rows with {@link ReplyKeyboardMarkup.add} (wraps at `rowWidth`) or
 * {@link ReplyKeyboardMarkup.row} (one row per call).
 */
export class ReplyKeyboardMarkup implements TgReplyKeyboardMarkup {
  /** The rows of buttons, as Telegram receives them. */
  keyboard: ReplyButtonObject[][];
  // A private field is invisible to JSON.stringify, so rowWidth never reaches Telegram.
  #rowWidth: number;

  /** @param options `rowWidth` plus Telegram's optional fields (`resize_keyboard`, `one_time_keyboard`, ...) */
  constructor(options?: AcceptUndefined<ReplyKeyboardMarkupOptions>) {
    checkOptions(options, REPLY_KEYBOARD_OPTIONS, 'ReplyKeyboardMarkup');
    this.keyboard = options?.keyboard ? options.keyboard.map((row) => row.map(toReplyButton)) : [];
    this.#rowWidth = clampWidth(options?.rowWidth, MAX_REPLY_ROW_WIDTH);
    if (options) {
      const { rowWidth: _width, keyboard: _rows, ...rest } = options;
      setDefined(this, rest);
    }
  }

  /** Buttons per row used by {@link ReplyKeyboardMarkup.add}. */
  get rowWidth(): number {
    return this.#rowWidth;
  }

  set rowWidth(width: number) {
    this.#rowWidth = clampWidth(width, MAX_REPLY_ROW_WIDTH);
  }

  /** Adds this call's buttons as new rows of at most `rowWidth` buttons each. Strings become `{ text }`. */
  add(...buttons: (string | TgKeyboardButton)[]): this {
    pushRows(this.keyboard, buttons.map(toReplyButton), this.#rowWidth);
    return this;
  }

  /** Adds the buttons as one row (more than 12 wrap into further rows, as Telegram allows no more). */
  row(...buttons: (string | TgKeyboardButton)[]): this {
    pushRows(this.keyboard, buttons.map(toReplyButton), MAX_REPLY_ROW_WIDTH);
    return this;
  }
}

export interface ReplyKeyboardRemove extends Partial<Omit<TgReplyKeyboardRemove, 'remove_keyboard'>> {}
/** Removes the current custom keyboard: `{ remove_keyboard: true, selective? }`. */
export class ReplyKeyboardRemove implements TgReplyKeyboardRemove {
  /** Always `true`. */
  readonly remove_keyboard = true as const;

  /** @param options `selective` */
  constructor(options?: AcceptUndefined<Partial<Omit<TgReplyKeyboardRemove, 'remove_keyboard'>>>) {
    checkOptions(options, ['selective'], 'ReplyKeyboardRemove');
    setDefined(this, options);
  }
}

export interface ForceReply extends Partial<Omit<TgForceReply, 'force_reply'>> {}
/** Shows a reply interface to the user: `{ force_reply: true, selective?, input_field_placeholder? }`. */
export class ForceReply implements TgForceReply {
  /** Always `true`. */
  readonly force_reply = true as const;

  /** @param options `selective`, `input_field_placeholder` */
  constructor(options?: AcceptUndefined<Partial<Omit<TgForceReply, 'force_reply'>>>) {
    checkOptions(options, ['selective', 'input_field_placeholder'], 'ForceReply');
    setDefined(this, options);
  }
}

/**
 * Options of {@link InlineKeyboardButton}: exactly one of `url`, `callback_data`, `web_app`, `login_url`,
 * `switch_inline_query`, `switch_inline_query_current_chat`, `switch_inline_query_chosen_chat`,
 * `copy_text`, `callback_game`, `pay`, `disabled`; plus the optional `icon_custom_emoji_id` and `style`.
 */
export type InlineKeyboardButtonOptions = DistributiveOmit<TgInlineKeyboardButton, 'text'>;

/**
 * An inline keyboard button: its `text` plus the options it was built with, so that the type says
 * which kind of button it is and is assignable wherever Telegram takes an `InlineKeyboardButton`.
 */
export type InlineKeyboardButton<O extends InlineKeyboardButtonOptions = InlineKeyboardButtonOptions> = {
  text: string;
} & O;

/** The constructor of {@link InlineKeyboardButton}. */
export interface InlineKeyboardButtonConstructor {
  /**
   * @param text label of the button
   * @param options the button's kind (`{ callback_data: 'yes' }`, `{ url }`, ...) and optional fields
   */
  new <O extends InlineKeyboardButtonOptions>(text: string, options: O): InlineKeyboardButton<O>;
  readonly prototype: InlineKeyboardButton;
}

// The constructor is typed through an interface so that `new InlineKeyboardButton('a', { url })`
// has a type that matches one member of Telegram's button union (a class can't implement a union).
class InlineKeyboardButtonClass {
  text: string;
  constructor(text: string, options: InlineKeyboardButtonOptions) {
    this.text = text;
    setDefined(this, options);
  }
}
Object.defineProperty(InlineKeyboardButtonClass, 'name', { value: 'InlineKeyboardButton' });

/** One button of an inline keyboard: `new InlineKeyboardButton('Yes', { callback_data: 'yes' })`. */
export const InlineKeyboardButton = InlineKeyboardButtonClass as unknown as InlineKeyboardButtonConstructor;

/** Options of {@link InlineKeyboardMarkup}. */
export interface InlineKeyboardMarkupOptions extends Partial<Omit<TgInlineKeyboardMarkup, 'inline_keyboard'>> {
  /** Buttons per row for {@link InlineKeyboardMarkup.add}; default 3, clamped to 1..8. Not sent to Telegram. */
  rowWidth?: number;
  /** Initial rows. */
  inline_keyboard?: TgInlineKeyboardButton[][];
  /** Initial rows, under pyTelegramBotAPI's name for them (`InlineKeyboardMarkup(keyboard=...)`). */
  keyboard?: TgInlineKeyboardButton[][];
}

export interface InlineKeyboardMarkup extends Partial<Omit<TgInlineKeyboardMarkup, 'inline_keyboard'>> {}
/** An inline keyboard attached to a message, built with {@link InlineKeyboardMarkup.add} / {@link InlineKeyboardMarkup.row}. */
export class InlineKeyboardMarkup implements TgInlineKeyboardMarkup {
  /** The rows of buttons, as Telegram receives them. */
  inline_keyboard: TgInlineKeyboardButton[][];
  #rowWidth: number;

  /**
   * @param options `rowWidth` and initial rows, as `inline_keyboard` or (pyTelegramBotAPI's name)
   *   `keyboard`; any other option is refused with a TypeError
   */
  constructor(options?: AcceptUndefined<InlineKeyboardMarkupOptions>) {
    checkOptions(options, INLINE_KEYBOARD_OPTIONS, 'InlineKeyboardMarkup');
    if (options?.inline_keyboard && options.keyboard) {
      throw new TypeError(
        'new types.InlineKeyboardMarkup: give the rows as "inline_keyboard" or as "keyboard", not both',
      );
    }
    const rows = options?.inline_keyboard ?? options?.keyboard;
    if (rows !== undefined && !(Array.isArray(rows) && rows.every((row) => Array.isArray(row)))) {
      throw new TypeError('new types.InlineKeyboardMarkup: the rows must be an array of arrays of buttons');
    }
    this.inline_keyboard = rows ? rows.map((row) => row.slice()) : [];
    this.#rowWidth = clampWidth(options?.rowWidth, MAX_INLINE_ROW_WIDTH);
  }

  /** Buttons per row used by {@link InlineKeyboardMarkup.add}. */
  get rowWidth(): number {
    return this.#rowWidth;
  }

  set rowWidth(width: number) {
    this.#rowWidth = clampWidth(width, MAX_INLINE_ROW_WIDTH);
  }

  /** Adds this call's buttons as new rows of at most `rowWidth` buttons each. */
  add(...buttons: TgInlineKeyboardButton[]): this {
    pushRows(this.inline_keyboard, buttons, this.#rowWidth);
    return this;
  }

  /** Adds the buttons as one row (more than 8 wrap into further rows). */
  row(...buttons: TgInlineKeyboardButton[]): this {
    pushRows(this.inline_keyboard, buttons, MAX_INLINE_ROW_WIDTH);
    return this;
  }
}

/** Describes a Web App: `new WebAppInfo('https://example.com/app')`. */
export class WebAppInfo implements TgWebAppInfo {
  /** @param url HTTPS URL of the Web App */
  constructor(public url: string) {}
}

export interface LoginUrl extends Partial<Omit<TgLoginUrl, 'url'>> {}
/** Login URL of an inline button that authorizes the user on a website. */
export class LoginUrl implements TgLoginUrl {
  /** HTTPS URL opened with the user's authorization data. */
  url: string;

  /**
   * @param url HTTPS URL opened with the user's authorization data
   * @param options `forward_text`, `bot_username`, `request_write_access`
   */
  constructor(url: string, options?: AcceptUndefined<Partial<Omit<TgLoginUrl, 'url'>>>) {
    this.url = url;
    setDefined(this, options);
  }
}

export interface SwitchInlineQueryChosenChat extends TgSwitchInlineQueryChosenChat {}
/** Which chats the user may pick for a `switch_inline_query_chosen_chat` button. */
export class SwitchInlineQueryChosenChat implements TgSwitchInlineQueryChosenChat {
  /** @param options `query`, `allow_user_chats`, `allow_bot_chats`, `allow_group_chats`, `allow_channel_chats` */
  constructor(options?: AcceptUndefined<TgSwitchInlineQueryChosenChat>) {
    setDefined(this, options);
  }
}

/** An inline button's text to copy to the clipboard: `new CopyTextButton('promo-code')`. */
export class CopyTextButton implements TgCopyTextButton {
  /** @param text the text to copy, 1-256 characters */
  constructor(public text: string) {}
}

export interface KeyboardButtonPollType extends TgKeyboardButtonPollType {}
/** The kind of poll a `request_poll` button lets the user create (`quiz`, `regular`, or any when omitted). */
export class KeyboardButtonPollType implements TgKeyboardButtonPollType {
  /** @param type `'quiz'`, `'regular'`, or omitted for any */
  constructor(type?: TgKeyboardButtonPollType['type']) {
    if (type !== undefined) this.type = type;
  }
}
