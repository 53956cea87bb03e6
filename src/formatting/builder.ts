/**
 * Builds formatted text as `{ text, entities }` instead of markup, so no escaping is ever
 * needed and nesting is unlimited: `fmt`Hello ${bold('world ', italic('again'))}!``.
 * Offsets and lengths are UTF-16 code units, what Telegram expects, including after emoji.
 *
 * ```ts
 * const message = fmt`Hi ${bold(user.first_name)}, ${link('read this', url)}`;
 * await bot.sendMessage(chatId, message.text, { entities: message.entities });
 * ```
 * @module
 */
import type { Message, MessageEntity, User } from '../api/generated/telegram-types.js';
import { applyHtmlEntities, applyMarkdownV2Entities } from './entities.js';

/** Anything that can be part of formatted text: plain values are converted with `String()`. */
export type Formattable = FormattedText | string | number | bigint | boolean;

/** An entity without its position; the builder fills in `offset` and `length`. */
type EntityShape = MessageEntity extends infer E
  ? E extends MessageEntity
    ? Omit<E, 'offset' | 'length'>
    : never
  : never;

function byPosition(a: MessageEntity, b: MessageEntity): number {
  return a.offset - b.offset || b.length - a.length;
}

/** Text with its message entities; immutable, every operation returns a new value. */
export class FormattedText {
  /** The plain text. */
  readonly text: string;
  /** The entities, sorted by offset (enclosing entities before the ones they contain). */
  readonly entities: MessageEntity[];

  /** Wraps an existing text and its entities (they are copied and sorted). */
  constructor(text = '', entities: readonly MessageEntity[] = []) {
    this.text = text;
    this.entities = entities.map((entity) => ({ ...entity })).sort(byPosition);
  }

  /** Converts any {@link Formattable} to formatted text. */
  static from(part: Formattable): FormattedText {
    return part instanceof FormattedText ? part : new FormattedText(String(part));
  }

  /** The text (or caption) of a message with its entities, ready to be edited and sent again. */
  static fromMessage(message: Pick<Message, 'text' | 'entities' | 'caption' | 'caption_entities'>): FormattedText {
    if (message.text !== undefined) return new FormattedText(message.text, message.entities ?? []);
    return new FormattedText(message.caption ?? '', message.caption_entities ?? []);
  }

  /** Length in UTF-16 code units, the unit of Telegram's limits (4096 for a message). */
  get length(): number {
    return this.text.length;
  }

  /** Appends parts; their entities are shifted to their new position. */
  concat(...parts: Formattable[]): FormattedText {
    let text = this.text;
    const entities = [...this.entities];
    for (const part of parts) {
      const piece = FormattedText.from(part);
      for (const entity of piece.entities) entities.push({ ...entity, offset: entity.offset + text.length });
      text += piece.text;
    }
    return new FormattedText(text, entities);
  }

  /** Wraps the whole text in one more entity (outside the existing ones); empty text stays plain. */
  wrap(entity: EntityShape): FormattedText {
    if (this.text.length === 0) return this;
    return new FormattedText(this.text, [
      { ...entity, offset: 0, length: this.text.length } as MessageEntity,
      ...this.entities,
    ]);
  }

  /** The text, without formatting. */
  toString(): string {
    return this.text;
  }

  /** The same content as Telegram HTML (for `parse_mode: 'HTML'`). */
  toHtml(): string {
    return applyHtmlEntities(this.text, this.entities);
  }

  /** The same content as MarkdownV2 (for `parse_mode: 'MarkdownV2'`). */
  toMarkdownV2(): string {
    return applyMarkdownV2Entities(this.text, this.entities);
  }

  /** `{ text, entities }`, e.g. to spread into an `InputTextMessageContent`. */
  toMessage(): { text: string; entities: MessageEntity[] } {
    return { text: this.text, entities: this.entities };
  }

  /** `{ caption, caption_entities }`, to spread into the options of a media message. */
  toCaption(): { caption: string; caption_entities: MessageEntity[] } {
    return { caption: this.text, caption_entities: this.entities };
  }
}

/** Concatenates parts into one formatted text. */
export function concat(...parts: Formattable[]): FormattedText {
  return new FormattedText().concat(...parts);
}

/** Joins parts with a separator (itself plain or formatted), like `Array.prototype.join`. */
export function join(parts: readonly Formattable[], separator: Formattable = ''): FormattedText {
  const pieces: Formattable[] = [];
  parts.forEach((part, index) => {
    if (index > 0) pieces.push(separator);
    pieces.push(part);
  });
  return concat(...pieces);
}

/**
 * Tagged template: plain template text stays plain, interpolated {@link FormattedText} keeps its
 * entities at the right offsets, other values are converted with `String()`.
 */
export function fmt(strings: TemplateStringsArray, ...values: Formattable[]): FormattedText {
  const pieces: Formattable[] = [];
  strings.forEach((literal, index) => {
    pieces.push(literal);
    if (index < values.length) pieces.push(values[index]!);
  });
  return concat(...pieces);
}

const wrapper =
  (
    type:
      | 'bold'
      | 'italic'
      | 'underline'
      | 'strikethrough'
      | 'spoiler'
      | 'code'
      | 'blockquote'
      | 'expandable_blockquote',
  ) =>
  (...parts: Formattable[]): FormattedText =>
    concat(...parts).wrap({ type });

/** Bold text; parts may themselves be formatted (nesting). */
export const bold = wrapper('bold');
/** Italic text. */
export const italic = wrapper('italic');
/** Underlined text. */
export const underline = wrapper('underline');
/** Strikethrough text. */
export const strikethrough = wrapper('strikethrough');
/** Spoiler (hidden until tapped). */
export const spoiler = wrapper('spoiler');
/** Inline monospace code (Telegram allows no entities inside it). */
export const code = wrapper('code');
/** A block quotation. */
export const blockquote = wrapper('blockquote');
/** A block quotation collapsed by default. */
export const expandableBlockquote = wrapper('expandable_blockquote');

/** A monospace block, optionally with a language for syntax highlighting. */
export function pre(content: Formattable, language?: string): FormattedText {
  return FormattedText.from(content).wrap(language ? { type: 'pre', language } : { type: 'pre' });
}

/** A clickable text link. */
export function link(content: Formattable, url: string): FormattedText {
  return FormattedText.from(content).wrap({ type: 'text_link', url });
}

/** A mention of a user without a username (a `text_mention` entity). */
export function mention(content: Formattable, user: User): FormattedText {
  return FormattedText.from(content).wrap({ type: 'text_mention', user });
}

/** A custom emoji; `placeholder` is a regular emoji shown where custom emoji are unsupported. */
export function customEmoji(placeholder: string, customEmojiId: string): FormattedText {
  return FormattedText.from(placeholder).wrap({ type: 'custom_emoji', custom_emoji_id: customEmojiId });
}

/** A date and time that Telegram shows in the reader's locale and time zone. */
export function dateTime(
  content: Formattable,
  unixTime: number,
  format?: MessageEntity.DateTimeMessageEntity['date_time_format'],
): FormattedText {
  const entity = { type: 'date_time', unix_time: unixTime, ...(format ? { date_time_format: format } : {}) };
  return FormattedText.from(content).wrap(entity as EntityShape);
}
