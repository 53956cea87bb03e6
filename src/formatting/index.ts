/**
 * `formatting`: build HTML, Markdown and MarkdownV2 text with correct escaping, turn text plus
 * message entities back into markup, and build `{ text, entities }` directly.
 *
 * ```ts
 * import { formatting } from 'botte';
 * bot.sendMessage(chatId, formatting.formatText(formatting.hbold(name), 'welcome!', { separator: ' ' }), { parse_mode: 'HTML' });
 * const t = formatting.fmt`Hi ${formatting.bold(name)}`;
 * bot.sendMessage(chatId, t.text, { entities: t.entities });
 * ```
 * @module
 */
export { escapeHtml, escapeMarkdown, escapeMarkdownV2, escapeMarkdownLegacy, escapeFor } from './escape.js';
export type { MarkdownV2Context, ParseMode } from './escape.js';
export {
  formatText,
  mbold,
  mitalic,
  munderline,
  mstrikethrough,
  mspoiler,
  mlink,
  mcode,
  mcodeInline,
  mcite,
  hbold,
  hitalic,
  hunderline,
  hstrikethrough,
  hspoiler,
  hlink,
  hcode,
  hpre,
  hcite,
  hideLink,
} from './helpers.js';
export type { FormatOptions, CiteOptions, CodeOptions } from './helpers.js';
export { applyHtmlEntities, applyMarkdownV2Entities } from './entities.js';
export type { EntitySub, EntitySubs } from './entities.js';
export {
  FormattedText,
  fmt,
  concat,
  join,
  bold,
  italic,
  underline,
  strikethrough,
  spoiler,
  code,
  pre,
  link,
  mention,
  customEmoji,
  dateTime,
  blockquote,
  expandableBlockquote,
} from './builder.js';
export type { Formattable } from './builder.js';
