/**
 * Escaping for Telegram's three parse modes. Each parse mode has its own set of special
 * characters, and MarkdownV2 has different rules inside code blocks and inside link URLs.
 * @module
 */

/** Where a piece of MarkdownV2 text goes: plain text, inside `code`/`pre`, or inside a link's `(url)`. */
export type MarkdownV2Context = 'text' | 'code' | 'pre' | 'url';

/** A Telegram parse mode. */
export type ParseMode = 'HTML' | 'Markdown' | 'MarkdownV2';

const HTML_CHARS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/**
 * Escapes `& < > " '` for Telegram's HTML parse mode (like Python's `html.escape`), so the text
 * is safe both between tags and inside attribute values.
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => HTML_CHARS[char]!);
}

const MDV2_TEXT = /[_*[\]()~`>#+\-=|{}.!\\]/g;
const MDV2_CODE = /[`\\]/g;
const MDV2_URL = /[)\\]/g;

/**
 * Escapes text for MarkdownV2: in plain text every one of `` _*[]()~`>#+-=|{}.! `` and `\`
 * gets a backslash; inside `code`/`pre` only `` ` `` and `\`; inside a link URL only `)` and `\`.
 */
export function escapeMarkdownV2(text: string, context: MarkdownV2Context = 'text'): string {
  const pattern = context === 'text' ? MDV2_TEXT : context === 'url' ? MDV2_URL : MDV2_CODE;
  return String(text).replace(pattern, '\\$&');
}

const MDV2_SPECIAL = new Set('_*[]()~`>#+-=|{}.!\\');

/**
 * pyTelegramBotAPI's `escape_markdown`: MarkdownV2 escaping that leaves already-escaped
 * characters alone, so escaping twice gives the same result as escaping once.
 * A `\` followed by a special character is kept as that escape; every other special
 * character (a lone `\` included) gets a backslash. Use {@link escapeMarkdownV2} when the
 * text may legitimately contain `\` before a special character.
 */
export function escapeMarkdown(text: string): string {
  const source = String(text);
  let out = '';
  for (let index = 0; index < source.length; index++) {
    const char = source[index]!;
    if (char === '\\' && index + 1 < source.length && MDV2_SPECIAL.has(source[index + 1]!)) {
      out += char + source[index + 1];
      index++;
    } else if (MDV2_SPECIAL.has(char)) {
      out += `\\${char}`;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Escapes text for the legacy `Markdown` parse mode: `_ * `` ` `` [` get a backslash.
 * (Legacy Markdown cannot escape inside an entity; prefer MarkdownV2 or HTML for user text.)
 */
export function escapeMarkdownLegacy(text: string): string {
  return String(text).replace(/[_*`[]/g, '\\$&');
}

/** Escapes `text` for `parseMode`; with no parse mode the text is returned unchanged. */
export function escapeFor(parseMode: ParseMode | null | undefined, text: string): string {
  switch (parseMode) {
    case 'HTML':
      return escapeHtml(text);
    case 'MarkdownV2':
      return escapeMarkdownV2(text);
    case 'Markdown':
      return escapeMarkdownLegacy(text);
    default:
      return text;
  }
}
