/**
 * String helpers that wrap content in MarkdownV2 (`m…`) or HTML (`h…`) markup, escaping the
 * content by default — pyTelegramBotAPI's formatting module in camelCase.
 *
 * The optional flags can be passed positionally, as in Python (`hbold(text, false)`), or as
 * an options object (`hbold(text, { escape: false })`).
 * @module
 */
import { escapeHtml, escapeMarkdown, escapeMarkdownV2 } from './escape.js';

/** Options of the wrapping helpers. */
export interface FormatOptions {
  /** Escape the content (default true). Pass false when the content is already markup. */
  escape?: boolean;
}

/** Options of {@link mcite} and {@link hcite}. */
export interface CiteOptions extends FormatOptions {
  /** Collapsed by default (an expandable block quotation). */
  expandable?: boolean;
}

/** Options of {@link mcode} and {@link hpre}. */
export interface CodeOptions extends FormatOptions {
  /** Programming language for syntax highlighting. */
  language?: string;
}

function wantsEscape(flag: boolean | FormatOptions | undefined): boolean {
  if (typeof flag === 'object' && flag !== null) return flag.escape ?? true;
  return flag ?? true;
}

/**
 * Joins the parts with `separator` (default `'\n'`). A last argument of the form
 * `{ separator }` sets the separator: `formatText(hbold('a'), 'b', { separator: ' ' })`.
 */
export function formatText(...parts: Array<string | { separator?: string }>): string {
  let separator = '\n';
  const last = parts[parts.length - 1];
  if (typeof last === 'object' && last !== null) {
    separator = last.separator ?? separator;
    parts = parts.slice(0, -1);
  }
  return parts.map(String).join(separator);
}

const md = (content: string, flag: boolean | FormatOptions | undefined) =>
  wantsEscape(flag) ? escapeMarkdown(content) : content;
const html = (content: string, flag: boolean | FormatOptions | undefined) =>
  wantsEscape(flag) ? escapeHtml(content) : content;

/** MarkdownV2 bold: `*content*`. */
export function mbold(content: string, escape?: boolean | FormatOptions): string {
  return `*${md(content, escape)}*`;
}

/**
 * MarkdownV2 italic: `_content_` followed by `\r`, which Telegram ignores but which keeps a
 * following underline's `__` from being read as part of the italic marker.
 */
export function mitalic(content: string, escape?: boolean | FormatOptions): string {
  return `_${md(content, escape)}_\r`;
}

/** MarkdownV2 underline: `__content__`. */
export function munderline(content: string, escape?: boolean | FormatOptions): string {
  return `__${md(content, escape)}__`;
}

/** MarkdownV2 strikethrough: `~content~`. */
export function mstrikethrough(content: string, escape?: boolean | FormatOptions): string {
  return `~${md(content, escape)}~`;
}

/** MarkdownV2 spoiler: `||content||`. */
export function mspoiler(content: string, escape?: boolean | FormatOptions): string {
  return `||${md(content, escape)}||`;
}

/** MarkdownV2 link: `[content](url)`; the URL gets URL-context escaping (`)` and `\`). */
export function mlink(content: string, url: string, escape?: boolean | FormatOptions): string {
  const doEscape = wantsEscape(escape);
  return `[${doEscape ? escapeMarkdown(content) : content}](${doEscape ? escapeMarkdownV2(url, 'url') : url})`;
}

/**
 * MarkdownV2 code block: ```` ```language\ncontent``` ````; inside it only `` ` `` and `\` are escaped.
 * Positional form as in Python: `mcode(content, language, escape)`.
 */
export function mcode(content: string, language: string | CodeOptions = '', escape?: boolean): string {
  const options: CodeOptions = typeof language === 'object' ? language : { language, escape };
  const body = wantsEscape(options.escape) ? escapeMarkdownV2(content, 'pre') : content;
  return `\`\`\`${options.language ?? ''}\n${body}\`\`\``;
}

/** MarkdownV2 inline code: `` `content` ``; only `` ` `` and `\` are escaped. */
export function mcodeInline(content: string, escape?: boolean | FormatOptions): string {
  return `\`${wantsEscape(escape) ? escapeMarkdownV2(content, 'code') : content}\``;
}

/**
 * MarkdownV2 block quotation: every line prefixed with `>`; expandable ones start with `**>`
 * and end with `||`. Positional form as in Python: `mcite(content, escape, expandable)`.
 */
export function mcite(content: string, escape?: boolean | CiteOptions, expandable?: boolean): string {
  const options: CiteOptions = typeof escape === 'object' ? escape : { escape, expandable };
  const quoted = md(content, options.escape)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');
  return options.expandable ? `**${quoted}||` : quoted;
}

/** HTML bold: `<b>content</b>`. */
export function hbold(content: string, escape?: boolean | FormatOptions): string {
  return `<b>${html(content, escape)}</b>`;
}

/** HTML italic: `<i>content</i>`. */
export function hitalic(content: string, escape?: boolean | FormatOptions): string {
  return `<i>${html(content, escape)}</i>`;
}

/** HTML underline: `<u>content</u>`. */
export function hunderline(content: string, escape?: boolean | FormatOptions): string {
  return `<u>${html(content, escape)}</u>`;
}

/** HTML strikethrough: `<s>content</s>`. */
export function hstrikethrough(content: string, escape?: boolean | FormatOptions): string {
  return `<s>${html(content, escape)}</s>`;
}

/** HTML spoiler: `<tg-spoiler>content</tg-spoiler>`. */
export function hspoiler(content: string, escape?: boolean | FormatOptions): string {
  return `<tg-spoiler>${html(content, escape)}</tg-spoiler>`;
}

/** HTML link: `<a href="url">content</a>`; the URL is always attribute-escaped. */
export function hlink(content: string, url: string, escape?: boolean | FormatOptions): string {
  return `<a href="${escapeHtml(url)}">${html(content, escape)}</a>`;
}

/** HTML inline code: `<code>content</code>`. */
export function hcode(content: string, escape?: boolean | FormatOptions): string {
  return `<code>${html(content, escape)}</code>`;
}

/**
 * HTML code block: `<pre>content</pre>`, or `<pre><code class="language-x">content</code></pre>`
 * with a language. Positional form as in Python: `hpre(content, escape, language)`.
 */
export function hpre(content: string, escape?: boolean | CodeOptions, language = ''): string {
  const options: CodeOptions = typeof escape === 'object' ? escape : { escape, language };
  const body = html(content, options.escape);
  return options.language
    ? `<pre><code class="language-${escapeHtml(options.language)}">${body}</code></pre>`
    : `<pre>${body}</pre>`;
}

/**
 * HTML block quotation: `<blockquote>content</blockquote>` (`<blockquote expandable>` when
 * expandable). Positional form as in Python: `hcite(content, escape, expandable)`.
 */
export function hcite(content: string, escape?: boolean | CiteOptions, expandable?: boolean): string {
  const options: CiteOptions = typeof escape === 'object' ? escape : { escape, expandable };
  return `<blockquote${options.expandable ? ' expandable' : ''}>${html(content, options.escape)}</blockquote>`;
}

/**
 * An invisible HTML link (a word joiner as its text) that makes Telegram show `url`'s preview
 * without showing the URL in the message.
 */
export function hideLink(url: string): string {
  return `<a href="${escapeHtml(url)}">&#8288;</a>`;
}
