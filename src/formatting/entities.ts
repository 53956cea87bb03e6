/**
 * Turns a text and its message entities back into HTML or MarkdownV2 markup.
 *
 * Offsets and lengths are UTF-16 code units, the unit JS strings are indexed in, so slicing
 * is exact even with emoji (surrogate pairs) before or inside entities. Entities are rendered
 * as properly nested tags: an entity that ends later is opened first; one that crosses the
 * end of an enclosing entity is closed there and reopened after it, so the output is always
 * well-formed even for entity lists Telegram itself would not produce.
 * @module
 */
import { escape as escapeText } from '../util/text.js';
import type { MessageEntity } from '../api/generated/telegram-types.js';
import { escapeHtml, escapeMarkdownV2 } from './escape.js';

/**
 * A custom rendering of one entity type: a template with `{text}` where the content goes and
 * optional `{url}`, `{user_id}`, `{language}`, `{custom_emoji_id}`, `{unix_time}`,
 * `{date_time_format}` placeholders (values are HTML-escaped), a function returning the
 * opening and closing markup, or `null` to render that type as plain text.
 */
export type EntitySub = string | ((entity: MessageEntity) => readonly [open: string, close: string]) | null;

/** Custom renderings by entity type, overriding the defaults of {@link applyHtmlEntities}. */
export type EntitySubs = Partial<Record<MessageEntity['type'] | (string & {}), EntitySub>>;

interface Span {
  entity: MessageEntity;
  index: number;
  start: number;
  end: number;
  /** Among entities with the same range: 0 quotations (outermost), 1 most, 2 code (innermost). */
  rank: number;
  open: string;
  close: string;
}

/** How one markup language renders text and entity boundaries. */
interface Dialect {
  /** Opening and closing markup of an entity, or null to render it as plain text. */
  tags(entity: MessageEntity): readonly [string, string] | null;
  /** Escapes a run of text at [start, end) given the entities open around it. */
  text(text: string, start: number, end: number, open: readonly Span[]): string;
  /** Joins a markup token to the output (MarkdownV2 needs separators between some tokens). */
  join(out: string, token: string, afterToken: boolean): string;
}

const outerFirst = (a: Span, b: Span) => b.end - a.end || a.start - b.start || a.rank - b.rank || a.index - b.index;

function rankOf(entity: MessageEntity): number {
  if (entity.type === 'blockquote' || entity.type === 'expandable_blockquote') return 0;
  return entity.type === 'code' || entity.type === 'pre' ? 2 : 1;
}

function render(
  text: string,
  entities: readonly MessageEntity[] | null | undefined,
  dialect: Dialect,
  skip?: (span: Span, all: Span[]) => boolean,
): string {
  const spans: Span[] = [];
  (entities ?? []).forEach((entity, index) => {
    const start = Math.max(0, Math.min(text.length, entity.offset));
    const end = Math.max(start, Math.min(text.length, entity.offset + entity.length));
    if (end === start) return;
    const tags = dialect.tags(entity);
    if (tags) spans.push({ entity, index, start, end, rank: rankOf(entity), open: tags[0], close: tags[1] });
  });
  const kept = skip ? spans.filter((span) => !skip(span, spans)) : spans;
  kept.sort((a, b) => a.start - b.start || outerFirst(a, b));

  const bounds = [...new Set([0, text.length, ...kept.flatMap((span) => [span.start, span.end])])].sort(
    (a, b) => a - b,
  );
  const stack: Span[] = [];
  let out = '';
  let afterToken = false;
  let pos = 0;
  let next = 0;
  const emit = (token: string) => {
    if (!token) return;
    out = dialect.join(out, token, afterToken);
    afterToken = true;
  };
  for (const bound of bounds) {
    if (bound > pos) {
      out += dialect.text(text.slice(pos, bound), pos, bound, stack);
      afterToken = false;
      pos = bound;
    }
    // Close everything from the lowest entity ending here; entities above it that go on are reopened.
    const lowest = stack.findIndex((span) => span.end <= pos);
    const reopen: Span[] = [];
    if (lowest >= 0) {
      for (let index = stack.length - 1; index >= lowest; index--) {
        const span = stack[index]!;
        emit(span.close);
        if (span.end > pos) reopen.push(span);
      }
      stack.length = lowest;
    }
    while (next < kept.length && kept[next]!.start === pos) reopen.push(kept[next++]!);
    reopen.sort(outerFirst);
    for (const span of reopen) {
      emit(span.open);
      stack.push(span);
    }
  }
  return out;
}

function attr(value: unknown): string {
  return escapeHtml(String(value ?? ''));
}

function field(entity: MessageEntity, name: string): unknown {
  if (name === 'user_id') return 'user' in entity ? entity.user.id : '';
  return (entity as unknown as Record<string, unknown>)[name] ?? '';
}

function fromTemplate(template: string, entity: MessageEntity): readonly [string, string] {
  const filled = (part: string) =>
    part.replace(/\{(url|user_id|language|custom_emoji_id|unix_time|date_time_format)\}/g, (_, name: string) =>
      attr(field(entity, name)),
    );
  const at = template.indexOf('{text}');
  if (at < 0) return [filled(template), ''];
  return [filled(template.slice(0, at)), filled(template.slice(at + '{text}'.length))];
}

function htmlTags(entity: MessageEntity): readonly [string, string] | null {
  switch (entity.type) {
    case 'bold':
      return ['<b>', '</b>'];
    case 'italic':
      return ['<i>', '</i>'];
    case 'underline':
      return ['<u>', '</u>'];
    case 'strikethrough':
      return ['<s>', '</s>'];
    case 'spoiler':
      return ['<tg-spoiler>', '</tg-spoiler>'];
    case 'code':
      return ['<code>', '</code>'];
    case 'pre':
      return entity.language
        ? [`<pre><code class="language-${attr(entity.language)}">`, '</code></pre>']
        : ['<pre>', '</pre>'];
    case 'text_link':
      return [`<a href="${attr(entity.url)}">`, '</a>'];
    case 'text_mention':
      return [`<a href="tg://user?id=${attr(entity.user.id)}">`, '</a>'];
    case 'custom_emoji':
      return [`<tg-emoji emoji-id="${attr(entity.custom_emoji_id)}">`, '</tg-emoji>'];
    case 'blockquote':
      return ['<blockquote>', '</blockquote>'];
    case 'expandable_blockquote':
      return ['<blockquote expandable>', '</blockquote>'];
    case 'date_time': {
      const format = entity.date_time_format ? ` format="${attr(entity.date_time_format)}"` : '';
      return [`<tg-time unix="${attr(entity.unix_time)}"${format}>`, '</tg-time>'];
    }
    // mention, hashtag, cashtag, bot_command, url, email, phone_number: Telegram detects these
    // again from the plain text, so they need no markup.
    default:
      return null;
  }
}

function withSubs(base: (entity: MessageEntity) => readonly [string, string] | null, subs?: EntitySubs | null) {
  return (entity: MessageEntity): readonly [string, string] | null => {
    if (subs && Object.hasOwn(subs, entity.type)) {
      const sub = subs[entity.type];
      if (sub === null || sub === undefined) return null;
      return typeof sub === 'function' ? sub(entity) : fromTemplate(sub, entity);
    }
    return base(entity);
  };
}

/**
 * Rebuilds Telegram HTML from a text and its entities (e.g. `message.text` and
 * `message.entities`), nested entities and emoji included. The text is escaped; `customSubs`
 * overrides how entity types are rendered, e.g. `{ spoiler: '<span class="tg-spoiler">{text}</span>' }`.
 */
export function applyHtmlEntities(
  text: string,
  entities: readonly MessageEntity[] | null | undefined,
  customSubs?: EntitySubs | null,
): string {
  const tags = withSubs(htmlTags, customSubs);
  return render(text ?? '', entities, {
    tags,
    text: (run) => escapeText(run),
    join: (out, token) => out + token,
  });
}

function markdownTags(entity: MessageEntity): readonly [string, string] | null {
  switch (entity.type) {
    case 'bold':
      return ['*', '*'];
    case 'italic':
      return ['_', '_'];
    case 'underline':
      return ['__', '__'];
    case 'strikethrough':
      return ['~', '~'];
    case 'spoiler':
      return ['||', '||'];
    case 'code':
      return ['`', '`'];
    case 'pre':
      return [`\`\`\`${entity.language ?? ''}\n`, '```'];
    case 'text_link':
      return ['[', `](${escapeMarkdownV2(entity.url, 'url')})`];
    case 'text_mention':
      return ['[', `](tg://user?id=${entity.user.id})`];
    case 'custom_emoji':
      return ['![', `](tg://emoji?id=${escapeMarkdownV2(entity.custom_emoji_id, 'url')})`];
    case 'date_time': {
      const format = entity.date_time_format ? `&format=${entity.date_time_format}` : '';
      return ['![', `](tg://time?unix=${entity.unix_time}${escapeMarkdownV2(format, 'url')})`];
    }
    case 'blockquote':
      return ['>', ''];
    case 'expandable_blockquote':
      return ['**>', '||'];
    default:
      return null;
  }
}

const isCode = (span: Span) => span.entity.type === 'code' || span.entity.type === 'pre';
const isQuote = (span: Span) => span.entity.type === 'blockquote' || span.entity.type === 'expandable_blockquote';

/**
 * Rebuilds MarkdownV2 from a text and its entities. Text is escaped for its context (only
 * `` ` `` and `\` inside code), lines inside block quotations get their `>`, and `\r` (which
 * Telegram ignores) separates markers that would otherwise run together, like `_` and `__`.
 * Entities inside `code`/`pre` are dropped, since MarkdownV2 cannot express them.
 */
export function applyMarkdownV2Entities(
  text: string,
  entities: readonly MessageEntity[] | null | undefined,
  customSubs?: EntitySubs | null,
): string {
  const source = text ?? '';
  return render(
    source,
    entities,
    {
      tags: withSubs(markdownTags, customSubs),
      text: (run, start, _end, open) => {
        const context = open.some(isCode) ? 'code' : 'text';
        const quote = open.find(isQuote);
        if (!quote) return escapeMarkdownV2(run, context);
        // Each new line inside a quotation needs its own '>', except after the quotation's last
        // character: a '>' there would pull the following line into the quote.
        let out = '';
        for (let index = 0; index < run.length; index++) {
          const char = run[index]!;
          out += escapeMarkdownV2(char, context);
          if (char === '\n' && start + index + 1 < quote.end) out += '>';
        }
        return out;
      },
      join: (out, token, afterToken) => (afterToken && out.endsWith(token[0]!) ? `${out}\r${token}` : out + token),
    },
    // A code span swallows everything inside it; of two code spans on one range the first wins.
    (span, all) =>
      all.some(
        (other) =>
          other !== span &&
          isCode(other) &&
          other.start <= span.start &&
          span.end <= other.end &&
          (other.start !== span.start || other.end !== span.end || (isCode(span) && other.index < span.index)),
      ),
  );
}
