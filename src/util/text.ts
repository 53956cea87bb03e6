/**
 * Text helpers: splitting long texts into Telegram-sized pieces, HTML escaping and user links.
 *
 * Telegram measures text in UTF-16 code units, which is exactly what a JS string's `length`
 * counts; the only extra care needed is never to cut between the two halves of a surrogate pair.
 * @module
 */
import type { User } from '../api/generated/telegram-types.js';

/** The longest text Telegram accepts in one message, in UTF-16 code units. */
export const MAX_MESSAGE_LENGTH = 4096;

/** The longest caption Telegram accepts for media, in UTF-16 code units. */
export const MAX_CAPTION_LENGTH = 1024;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Moves a cut position back by one when it would land between a high and a low surrogate.
 * When that would leave nothing (a limit of 1 in front of an emoji), the whole pair is kept
 * instead: a piece one unit too long beats a broken character or an endless loop.
 */
function safeCut(text: string, start: number, cut: number): number {
  if (cut >= text.length || cut <= start) return cut;
  if (isHighSurrogate(text.charCodeAt(cut - 1)) && isLowSurrogate(text.charCodeAt(cut))) {
    return cut - 1 > start ? cut - 1 : cut + 1;
  }
  return cut;
}

function checkLimit(charsPerString: number): void {
  if (!Number.isInteger(charsPerString) || charsPerString < 1) {
    throw new RangeError(`charsPerString must be a positive integer, got ${charsPerString}`);
  }
}

/**
 * Cuts `text` into pieces of at most `charsPerString` UTF-16 code units, wherever the limit
 * falls (but never inside a surrogate pair, so a piece may be one unit shorter).
 * An empty text gives an empty array.
 */
export function splitString(text: string, charsPerString: number): string[] {
  checkLimit(charsPerString);
  const parts: string[] = [];
  let start = 0;
  while (start < text.length) {
    const end = safeCut(text, start, Math.min(start + charsPerString, text.length));
    parts.push(text.slice(start, end));
    start = end;
  }
  return parts;
}

const SEPARATORS = ['\n', '. ', ' '] as const;

/**
 * Splits `text` into pieces of at most `charsPerString` (capped at 4096) UTF-16 code units,
 * cutting after the last `'\n'` inside the window, else after the last `'. '`, else after the
 * last `' '`, else hard at the limit. The limit may also be given as `{ charsPerString }`. Separators stay at the end of their piece, so joining
 * the pieces gives back the original text. A cut never splits a surrogate pair.
 */
export function smartSplit(
  text: string,
  charsPerString: number | { charsPerString?: number } = MAX_MESSAGE_LENGTH,
): string[] {
  const requested =
    typeof charsPerString === 'object' ? (charsPerString.charsPerString ?? MAX_MESSAGE_LENGTH) : charsPerString;
  checkLimit(requested);
  const limit = Math.min(requested, MAX_MESSAGE_LENGTH);
  const parts: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    const window = text.slice(start, start + limit);
    let cut = -1;
    for (const separator of SEPARATORS) {
      const index = window.lastIndexOf(separator);
      if (index >= 0) {
        cut = start + index + separator.length;
        break;
      }
    }
    // Separators are ASCII, so only the hard cut can fall inside a surrogate pair.
    if (cut < 0) cut = safeCut(text, start, start + limit);
    parts.push(text.slice(start, cut));
    start = cut;
  }
  parts.push(text.slice(start));
  return parts;
}

/** Escapes `&`, `<` and `>` for Telegram's HTML parse mode (quotes are left alone, as in pyTelegramBotAPI). */
export function escape(text: string): string;
/** `null`/`undefined` pass through unchanged. */
export function escape(text: string | null | undefined): string | null | undefined;
export function escape(text: string | null | undefined): string | null | undefined {
  if (text == null) return text;
  return text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));
}

/**
 * An HTML link to a user (`tg://user?id=…`) showing their escaped first name; with `includeId`
 * the id follows in a monospace block. Send it with `parse_mode: 'HTML'`.
 */
export function userLink(
  user: Pick<User, 'id' | 'first_name'>,
  includeId: boolean | { includeId?: boolean } = false,
): string {
  if (typeof includeId === 'object') includeId = includeId.includeId ?? false;
  const name = escape(user.first_name ?? '');
  return `<a href='tg://user?id=${user.id}'>${name}</a>` + (includeId ? ` (<pre>${user.id}</pre>)` : '');
}

/** Tells whether `value` is a string (primitive or `String` object). */
export function isString(value: unknown): value is string {
  return typeof value === 'string' || value instanceof String;
}

/** Tells whether `value` is a plain object (a "dict"): not null, not an array, not a class instance. */
export function isDict(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Tells whether `value` is binary data (a Buffer, Uint8Array or ArrayBuffer). */
export function isBytes(value: unknown): value is Uint8Array | ArrayBuffer {
  return value instanceof Uint8Array || value instanceof ArrayBuffer;
}
