/**
 * Objects that shape how a message is sent: `ReplyParameters`, `LinkPreviewOptions`,
 * `MessageEntity`, reactions.
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { setDefined, type AcceptUndefined } from './internal.js';

/** Optional fields of {@link ReplyParameters}. */
export type ReplyParametersOptions = Omit<Tg.ReplyParameters, 'message_id'>;
export interface ReplyParameters extends ReplyParametersOptions {}
/** What a message replies to: `new ReplyParameters(messageId, { allow_sending_without_reply: true })`. */
export class ReplyParameters implements Tg.ReplyParameters {
  /** The message replied to (leave it out only when replying to an `ephemeral_message_id`). */
  declare message_id?: number;

  /**
   * @param message_id identifier of the message to reply to
   * @param options `chat_id`, `allow_sending_without_reply`, `quote`, `quote_parse_mode`, `checklist_task_id`, ...
   */
  constructor(message_id?: number, options?: AcceptUndefined<ReplyParametersOptions>) {
    if (message_id !== undefined) this.message_id = message_id;
    setDefined(this, options);
  }
}

export interface LinkPreviewOptions extends Tg.LinkPreviewOptions {}
/** How a link preview is generated: `new LinkPreviewOptions({ is_disabled: true })`. */
export class LinkPreviewOptions implements Tg.LinkPreviewOptions {
  /** @param options `is_disabled`, `url`, `prefer_small_media`, `prefer_large_media`, `show_above_text` */
  constructor(options?: AcceptUndefined<Tg.LinkPreviewOptions>) {
    setDefined(this, options);
  }
}

/** Any entity type Telegram knows. */
export type MessageEntityType = Tg.MessageEntity['type'];
/** The Telegram entity of type `T` (`MessageEntity<'text_link'>` has a `url`). */
export type MessageEntity<T extends MessageEntityType = MessageEntityType> = Extract<Tg.MessageEntity, { type: T }>;
/** The fields an entity of type `T` has besides `type`, `offset` and `length`. */
export type MessageEntityOptions<T extends MessageEntityType> = Omit<MessageEntity<T>, 'type' | 'offset' | 'length'>;

/** The constructor of {@link MessageEntity}: the options are required for the entity types that need them. */
export interface MessageEntityConstructor {
  /**
   * @param type entity type (`'bold'`, `'text_link'`, `'pre'`, `'custom_emoji'`, ...)
   * @param offset offset in UTF-16 code units to the start of the entity
   * @param length length of the entity in UTF-16 code units
   * @param options `url` for text_link, `user` for text_mention, `language` for pre, `custom_emoji_id`, ...
   */
  new <T extends MessageEntityType>(
    type: T,
    offset: number,
    length: number,
    ...options: Record<never, never> extends MessageEntityOptions<T>
      ? [options?: MessageEntityOptions<T>]
      : [options: MessageEntityOptions<T>]
  ): MessageEntity<T>;
  readonly prototype: MessageEntity;
}

class MessageEntityClass {
  constructor(
    public type: MessageEntityType,
    public offset: number,
    public length: number,
    options?: object,
  ) {
    setDefined(this, options);
  }
}
Object.defineProperty(MessageEntityClass, 'name', { value: 'MessageEntity' });

/** A special entity in a text: `new MessageEntity('text_link', 0, 4, { url: 'https://t.me' })`. */
export const MessageEntity = MessageEntityClass as unknown as MessageEntityConstructor;

/** A reaction with a standard emoji: `new ReactionTypeEmoji('👍')`. */
export class ReactionTypeEmoji implements Tg.ReactionTypeEmoji {
  /** Always `'emoji'`. */
  readonly type = 'emoji' as const;
  /** @param emoji one of the emoji Telegram allows as reactions */
  constructor(public emoji: Tg.ReactionTypeEmoji['emoji']) {}
}

/** A reaction with a custom emoji. */
export class ReactionTypeCustomEmoji implements Tg.ReactionTypeCustomEmoji {
  /** Always `'custom_emoji'`. */
  readonly type = 'custom_emoji' as const;
  /** @param custom_emoji_id custom emoji identifier */
  constructor(public custom_emoji_id: string) {}
}

/** A paid (Telegram Star) reaction. */
export class ReactionTypePaid implements Tg.ReactionTypePaid {
  /** Always `'paid'`. */
  readonly type = 'paid' as const;
}
