/**
 * Applies `parse_mode` (HTML, MarkdownV2, Markdown) or `entities` to the texts of a call, so the
 * emulator stores what Telegram would: plain text plus entities, or Telegram's parse error.
 * @module
 */
import { badRequest } from '../telegram-error.js';
import { parseHtml } from './html.js';
import { parseMarkdown, parseMarkdownV2 } from './markdown.js';
import type { ParsedText } from './markup-types.js';

/** Parses `text` with a parse mode (any letter case, as Telegram accepts); throws Telegram's 400. */
export function parseWithMode(text: string, parseMode: string): ParsedText {
  const mode = parseMode.toLowerCase();
  const parse =
    mode === 'html'
      ? parseHtml
      : mode === 'markdownv2'
        ? parseMarkdownV2
        : mode === 'markdown'
          ? parseMarkdown
          : undefined;
  if (!parse) throw badRequest('unsupported parse_mode');
  try {
    return parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw badRequest(`can't parse entities: ${reason}`);
  }
}

/**
 * Turns `textKey` + `parseModeKey` of `params` into plain text + `entitiesKey`; given entities win
 * over a parse mode, as in Telegram. Returns a new object (the recorded call keeps what was sent).
 */
export function applyFormatting(
  params: Record<string, unknown>,
  textKey: string,
  entitiesKey: string,
  parseModeKey = 'parse_mode',
): Record<string, unknown> {
  const text = params[textKey];
  if (typeof text !== 'string') return params;
  const out = { ...params };
  delete out[parseModeKey];
  const given = params[entitiesKey];
  if (given !== undefined && given !== null && given !== '') {
    const entities = typeof given === 'string' ? safeJson(given) : given;
    if (!Array.isArray(entities)) throw badRequest(`can't parse entities JSON object`);
    out[entitiesKey] = entities;
    return out;
  }
  const mode = params[parseModeKey];
  if (typeof mode === 'string' && mode !== '') {
    const parsed = parseWithMode(text, mode);
    out[textKey] = parsed.text;
    if (parsed.entities.length > 0) out[entitiesKey] = parsed.entities;
    else delete out[entitiesKey];
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
