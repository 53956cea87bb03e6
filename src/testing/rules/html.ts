/**
 * Telegram's HTML parse mode, as the Bot API applies it: tags become entities (offsets in UTF-16
 * units, like Telegram's), HTML entities are decoded, and bad markup gets Telegram's error text.
 * @module
 */
import type { ParsedText, TextEntity } from './markup-types.js';

/** Tags Telegram accepts, and the entity type each makes. */
const TAGS: Record<string, string> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
};

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface Open {
  tag: string;
  start: number;
  attributes: Record<string, string>;
}

/** UTF-8 byte offset of `index` in `source` (Telegram's error messages count bytes). */
export function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8');
}

/** Parses `source` as Telegram HTML; throws an Error whose message is Telegram's reason. */
export function parseHtml(source: string): ParsedText {
  let text = '';
  const entities: TextEntity[] = [];
  const stack: Open[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '&') {
      const match = /^&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]+);/.exec(source.slice(i, i + 12));
      const name = match?.[1];
      let decoded: string | undefined;
      if (name?.startsWith('#')) {
        const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        if (code > 0 && code <= 0x10ffff) decoded = String.fromCodePoint(code);
      } else if (name !== undefined) decoded = NAMED[name];
      if (decoded !== undefined) {
        text += decoded;
        i += match![0].length;
      } else {
        text += char;
        i++;
      }
      continue;
    }
    if (char !== '<') {
      text += char;
      i++;
      continue;
    }
    const tagStart = i;
    if (source[i + 1] === '/') {
      const end = source.indexOf('>', i);
      if (end < 0) throw new Error(`Unclosed end tag at byte offset ${byteOffset(source, tagStart)}`);
      const name = source
        .slice(i + 2, end)
        .trim()
        .toLowerCase();
      const open = stack.pop();
      if (!open) throw new Error(`Unexpected end tag at byte offset ${byteOffset(source, tagStart)}`);
      if (name !== open.tag) {
        throw new Error(
          `Unmatched end tag at byte offset ${byteOffset(source, tagStart)}, expected "</${open.tag}>", found "</${name}>"`,
        );
      }
      closeEntity(open, text, entities, stack);
      i = end + 1;
      continue;
    }
    const nameMatch = /^[a-zA-Z0-9-]*/.exec(source.slice(i + 1))!;
    const tag = nameMatch[0].toLowerCase();
    if (!(tag in TAGS))
      throw new Error(`Unsupported start tag "${tag}" at byte offset ${byteOffset(source, tagStart)}`);
    i += 1 + nameMatch[0].length;
    const attributes: Record<string, string> = {};
    for (;;) {
      while (i < source.length && /\s/.test(source[i]!)) i++;
      if (i >= source.length) throw new Error(`Unclosed start tag at byte offset ${byteOffset(source, tagStart)}`);
      if (source[i] === '>') {
        i++;
        break;
      }
      if (source[i] === '/' && source[i + 1] === '>')
        throw new Error(`Unsupported start tag "${tag}/" at byte offset ${byteOffset(source, tagStart)}`);
      const attr = /^([a-zA-Z0-9_-]+)(?:\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+)))?/.exec(source.slice(i));
      if (!attr)
        throw new Error(
          `Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(source, i)}`,
        );
      const value = attr[3] ?? attr[4] ?? attr[5] ?? '';
      attributes[attr[1]!.toLowerCase()] = decodeAttribute(value);
      i += attr[0].length;
    }
    if (tag === 'span' && attributes.class !== 'tg-spoiler') {
      throw new Error(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(source, tagStart)}`);
    }
    stack.push({ tag, start: text.length, attributes });
  }
  const unclosed = stack.at(-1);
  if (unclosed) throw new Error(`Can't find end tag corresponding to start tag "${unclosed.tag}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function decodeAttribute(value: string): string {
  return value.replace(/&(lt|gt|amp|quot);/g, (_m, name: string) => NAMED[name]!);
}

function closeEntity(open: Open, text: string, entities: TextEntity[], stack: Open[]): void {
  const length = text.length - open.start;
  if (length === 0) return;
  const type = TAGS[open.tag]!;
  if (type === 'text_link') {
    const href = open.attributes.href ?? '';
    const user = /^tg:\/\/user\?id=(\d+)$/.exec(href);
    if (user)
      entities.push({
        type: 'text_mention',
        offset: open.start,
        length,
        user: { id: Number(user[1]), is_bot: false, first_name: '' },
      });
    else if (href !== '') entities.push({ type: 'text_link', offset: open.start, length, url: href });
    return;
  }
  if (type === 'code') {
    // <pre><code class="language-x"> is one pre entity with a language.
    const parent = stack.at(-1);
    const language = /^language-(.+)$/.exec(open.attributes.class ?? '')?.[1];
    if (parent?.tag === 'pre' && parent.start === open.start) {
      if (language !== undefined) parent.attributes['data-language'] = language;
      return;
    }
  }
  if (type === 'pre') {
    const language = open.attributes['data-language'];
    entities.push({ type: 'pre', offset: open.start, length, ...(language !== undefined ? { language } : {}) });
    return;
  }
  if (type === 'blockquote') {
    entities.push({
      type: 'expandable' in open.attributes ? 'expandable_blockquote' : 'blockquote',
      offset: open.start,
      length,
    });
    return;
  }
  if (type === 'custom_emoji') {
    entities.push({ type, offset: open.start, length, custom_emoji_id: open.attributes['emoji-id'] ?? '' });
    return;
  }
  entities.push({ type, offset: open.start, length });
}
