/**
 * Telegram's MarkdownV2 and legacy Markdown parse modes, with Telegram's error texts for bad
 * markup (offsets in errors are UTF-8 bytes, entity offsets UTF-16 units).
 * @module
 */
import { byteOffset } from './html.js';
import type { ParsedText, TextEntity } from './markup-types.js';

const RESERVED = '_*[]()~`>#+-=|{}.!';

interface Open {
  type: string;
  marker: string;
  start: number;
  sourceIndex: number;
}

const NAMES: Record<string, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  spoiler: 'Spoiler',
  code: 'Code',
  pre: 'Pre',
  text_link: 'TextUrl',
};

const MARKERS: Array<[string, string]> = [
  ['||', 'spoiler'],
  ['__', 'underline'],
  ['*', 'bold'],
  ['_', 'italic'],
  ['~', 'strikethrough'],
];

/** Parses MarkdownV2; throws an Error whose message is Telegram's reason. */
export function parseMarkdownV2(source: string): ParsedText {
  let text = '';
  const entities: TextEntity[] = [];
  const stack: Open[] = [];
  let quoteStart: number | undefined;
  let i = 0;
  const atLineStart = (): boolean => i === 0 || source[i - 1] === '\n';
  while (i < source.length) {
    const char = source[i]!;
    if (atLineStart()) {
      if (quoteStart !== undefined && char !== '>') {
        pushQuote(entities, quoteStart, text);
        quoteStart = undefined;
      }
      if (char === '>' && stack.length === 0) {
        quoteStart ??= text.length;
        i++;
        continue;
      }
    }
    if (char === '\\' && i + 1 < source.length) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (source.startsWith('```', i)) {
      const end = source.indexOf('```', i + 3);
      if (end < 0) throw new Error(`Can't find end of Pre entity at byte offset ${byteOffset(source, i)}`);
      let body = source.slice(i + 3, end);
      let language: string | undefined;
      const firstLine = /^([^\s`\\]+)\n/.exec(body);
      if (firstLine) {
        language = firstLine[1];
        body = body.slice(firstLine[0].length);
      } else if (body.startsWith('\n')) body = body.slice(1);
      const start = text.length;
      text += unescapeCode(body);
      if (text.length > start)
        entities.push({ type: 'pre', offset: start, length: text.length - start, ...(language ? { language } : {}) });
      i = end + 3;
      continue;
    }
    if (char === '`') {
      let end = i + 1;
      while (end < source.length && source[end] !== '`') end += source[end] === '\\' ? 2 : 1;
      if (end >= source.length)
        throw new Error(`Can't find end of Code entity at byte offset ${byteOffset(source, i)}`);
      const start = text.length;
      text += unescapeCode(source.slice(i + 1, end));
      if (text.length > start) entities.push({ type: 'code', offset: start, length: text.length - start });
      i = end + 1;
      continue;
    }
    if (char === '[') {
      stack.push({ type: 'text_link', marker: ']', start: text.length, sourceIndex: i });
      i++;
      continue;
    }
    const top = stack.at(-1);
    if (char === ']' && top?.type === 'text_link') {
      stack.pop();
      let url = '';
      if (source[i + 1] === '(') {
        let end = i + 2;
        while (end < source.length && source[end] !== ')') end += source[end] === '\\' ? 2 : 1;
        if (end >= source.length)
          throw new Error(`Can't find end of a URL at byte offset ${byteOffset(source, i + 1)}`);
        url = source.slice(i + 2, end).replace(/\\(.)/g, '$1');
        i = end + 1;
      } else {
        i++;
      }
      if (url !== '' && text.length > top.start)
        entities.push({ type: 'text_link', offset: top.start, length: text.length - top.start, url });
      continue;
    }
    const marker = MARKERS.find(([m]) => source.startsWith(m, i));
    if (marker) {
      const [m, type] = marker;
      if (top && top.marker === m) {
        stack.pop();
        if (text.length > top.start) entities.push({ type, offset: top.start, length: text.length - top.start });
      } else if (m === '_' && top?.marker === '__' && source[i + 1] !== '_') {
        throw new Error(`Can't find end of Underline entity at byte offset ${byteOffset(source, top.sourceIndex)}`);
      } else {
        stack.push({ type, marker: m, start: text.length, sourceIndex: i });
      }
      i += m.length;
      continue;
    }
    if (RESERVED.includes(char))
      throw new Error(`Character '${char}' is reserved and must be escaped with the preceding '\\'`);
    text += char;
    i++;
  }
  const unclosed = stack.at(-1);
  if (unclosed)
    throw new Error(
      `Can't find end of ${NAMES[unclosed.type]} entity at byte offset ${byteOffset(source, unclosed.sourceIndex)}`,
    );
  if (quoteStart !== undefined) pushQuote(entities, quoteStart, text);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function pushQuote(entities: TextEntity[], start: number, text: string): void {
  const end = text.endsWith('\n') ? text.length - 1 : text.length;
  if (end > start) entities.push({ type: 'blockquote', offset: start, length: end - start });
}

function unescapeCode(body: string): string {
  return body.replace(/\\([`\\])/g, '$1');
}

/** Parses legacy Markdown (`*bold*`, `_italic_`, `` `code` ``, ```` ```pre``` ````, `[text](url)`); no nesting, as in Telegram. */
export function parseMarkdown(source: string): ParsedText {
  let text = '';
  const entities: TextEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (char === '\\' && i + 1 < source.length && '_*`['.includes(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    if (source.startsWith('```', i)) {
      const end = source.indexOf('```', i + 3);
      if (end < 0) throw new Error(`Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`);
      let body = source.slice(i + 3, end);
      let language: string | undefined;
      const firstLine = /^([^\s`]+)\n/.exec(body);
      if (firstLine) {
        language = firstLine[1];
        body = body.slice(firstLine[0].length);
      }
      const start = text.length;
      text += body;
      if (body.length > 0)
        entities.push({ type: 'pre', offset: start, length: body.length, ...(language ? { language } : {}) });
      i = end + 3;
      continue;
    }
    const type = char === '*' ? 'bold' : char === '_' ? 'italic' : char === '`' ? 'code' : undefined;
    if (type) {
      const end = source.indexOf(char, i + 1);
      if (end < 0) throw new Error(`Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`);
      const body = source.slice(i + 1, end);
      const start = text.length;
      text += body;
      if (body.length > 0) entities.push({ type, offset: start, length: body.length });
      i = end + 1;
      continue;
    }
    if (char === '[') {
      const close = source.indexOf(']', i + 1);
      if (close < 0) throw new Error(`Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`);
      const label = source.slice(i + 1, close);
      const start = text.length;
      text += label;
      i = close + 1;
      if (source[i] === '(') {
        const end = source.indexOf(')', i);
        if (end >= 0) {
          const url = source.slice(i + 1, end);
          if (url !== '' && label.length > 0)
            entities.push({ type: 'text_link', offset: start, length: label.length, url });
          i = end + 1;
        }
      }
      continue;
    }
    text += char;
    i++;
  }
  return { text, entities };
}
