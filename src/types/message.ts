/**
 * The incoming `Message` as Botte hands it to handlers: Telegram's Message plus `content_type`
 * (what kind of message it is, pyTelegramBotAPI's names) and `from_user` (the same object as `from`).
 *
 * {@link enrichUpdate} runs on every incoming update, so {@link contentTypeOf} is one pass over a
 * precomputed key list and allocates nothing.
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';

/** The kinds of content a message can carry, in the order pyTelegramBotAPI's documentation lists them. */
const ALL_CONTENT_TYPES = [
  'text',
  'audio',
  'document',
  'animation',
  'game',
  'photo',
  'sticker',
  'video',
  'video_note',
  'voice',
  'location',
  'contact',
  'venue',
  'dice',
  'new_chat_members',
  'left_chat_member',
  'new_chat_title',
  'new_chat_photo',
  'delete_chat_photo',
  'group_chat_created',
  'supergroup_chat_created',
  'channel_chat_created',
  'migrate_to_chat_id',
  'migrate_from_chat_id',
  'pinned_message',
  'invoice',
  'successful_payment',
  'connected_website',
  'poll',
  'passport_data',
  'proximity_alert_triggered',
  'video_chat_scheduled',
  'video_chat_started',
  'video_chat_ended',
  'video_chat_participants_invited',
  'web_app_data',
  'message_auto_delete_timer_changed',
  'forum_topic_created',
  'forum_topic_closed',
  'forum_topic_reopened',
  'forum_topic_edited',
  'general_forum_topic_hidden',
  'general_forum_topic_unhidden',
  'write_access_allowed',
  'user_shared',
  'users_shared',
  'chat_shared',
  'story',
  // Newer kinds, as the Bot API added them.
  'giveaway_created',
  'giveaway',
  'giveaway_winners',
  'giveaway_completed',
  'boost_added',
  'chat_background_set',
  'paid_media',
  'refunded_payment',
  'gift',
  'unique_gift',
  'gift_upgrade_sent',
  'paid_message_price_changed',
  'checklist',
  'checklist_tasks_done',
  'checklist_tasks_added',
  'direct_message_price_changed',
  'suggested_post_info',
  'suggested_post_approved',
  'suggested_post_approval_failed',
  'suggested_post_declined',
  'suggested_post_paid',
  'suggested_post_refunded',
  'chat_owner_left',
  'chat_owner_changed',
  'managed_bot_created',
  'poll_option_added',
  'poll_option_deleted',
  'community_chat_added',
  'community_chat_removed',
  'community_chat_joined',
  'live_photo',
  'rich_message',
  'widget',
] as const;

/** A message's kind: the name of the Message field that holds its content (`'text'`, `'photo'`, `'new_chat_members'`, ...). */
export type ContentType = (typeof ALL_CONTENT_TYPES)[number];

/** Every {@link ContentType}. */
export const contentTypes: readonly ContentType[] = ALL_CONTENT_TYPES;

/** Content types of messages a user sends (pyTelegramBotAPI's `content_type_media`, plus newer kinds). */
export const contentTypeMedia: readonly ContentType[] = [
  'text',
  'audio',
  'document',
  'animation',
  'game',
  'photo',
  'sticker',
  'video',
  'video_note',
  'voice',
  'contact',
  'location',
  'venue',
  'dice',
  'invoice',
  'successful_payment',
  'connected_website',
  'poll',
  'passport_data',
  'web_app_data',
  'story',
  'giveaway',
  'gift',
  'unique_gift',
  'giveaway_winners',
  'paid_media',
  'checklist',
  'live_photo',
  'rich_message',
  'widget',
];

/** Content types of service messages (everything that is not in {@link contentTypeMedia}). */
export const contentTypeService: readonly ContentType[] = ALL_CONTENT_TYPES.filter(
  (type) => !contentTypeMedia.includes(type),
);

// The first key present wins. Messages carrying two of these fields put the more specific one
// first: an animation also has `document`, a venue also has `location`, a live photo also has
// `photo` (pyTelegramBotAPI gets the same result by letting the last match of its chain win).
// `suggested_post_info` rides along with real content, so it only counts when nothing else is there.
// The first FAST_COUNT kinds are also checked by name in contentTypeOf (see there).
const FAST: readonly ContentType[] = [
  'animation',
  'live_photo',
  'venue',
  'text',
  'photo',
  'document',
  'sticker',
  'video',
  'voice',
  'video_note',
  'audio',
  'location',
  'contact',
  'poll',
  'dice',
];
const FAST_COUNT = FAST.length;
/** @internal The order in which {@link contentTypeOf} looks for content fields. */
export const contentTypePriority: readonly ContentType[] = [
  ...FAST,
  ...ALL_CONTENT_TYPES.filter((type) => !FAST.includes(type) && type !== 'suggested_post_info'),
  'suggested_post_info',
];
const PRIORITY = contentTypePriority;
const PRIORITY_LENGTH = PRIORITY.length;

/**
 * A sender as Botte hands it over: Telegram's User plus `fullName` (pyTelegramBotAPI's
 * `full_name`: first and last name), a getter that is not enumerable, so JSON stays Telegram's.
 */
export interface User extends Tg.User {
  /** `first_name`, then `last_name` when there is one, separated by a space. */
  readonly fullName: string;
}

/** Fields Botte adds to every incoming Message. */
export interface MessageExtras {
  /** The kind of content the message carries, computed from the fields present. */
  content_type: ContentType;
  /** The sender: the same object as Telegram's `from` (pyTelegramBotAPI's name for it). */
  from_user?: User;
  /**
   * pyTelegramBotAPI's alias of `message_id`. A getter that is not enumerable: JSON of the
   * message stays exactly Telegram's.
   */
  readonly id: number;
  /** The sender, with {@link User.fullName} (refines Telegram's `from`). */
  from?: User;
}

/**
 * A message as handlers receive it: Telegram's Message plus {@link MessageExtras}. Messages nested
 * in it (`reply_to_message`, an accessible `pinned_message`, ...) carry the extras too at run time.
 */
export interface Message extends Tg.Message, MessageExtras {
  /** The sender, with {@link User.fullName}. */
  from?: User;
}

// Shared descriptors: defining the aliases allocates no closure or descriptor per message.
const ID_ALIAS: PropertyDescriptor = {
  get(this: { message_id: number }) {
    return this.message_id;
  },
  enumerable: false,
  configurable: true,
};
const FULL_NAME: PropertyDescriptor = {
  get(this: Tg.User) {
    return this.last_name ? `${this.first_name} ${this.last_name}` : this.first_name;
  },
  enumerable: false,
  configurable: true,
};

/** A {@link Message}, or a message that is no longer accessible (`date` is 0). */
export type MaybeInaccessibleMessage = Message | Tg.InaccessibleMessage;

// Content types whose presence implies another field (see PRIORITY).
interface ImpliedFields {
  animation: 'document';
  venue: 'location';
  live_photo: 'photo';
}

type Present<K extends keyof Tg.Message> = { [P in K]-?: NonNullable<Tg.Message[P]> };

/**
 * A {@link Message} whose `content_type` is `C` and whose field `C` is present:
 * `MessageWith<'photo'>['photo']` is `PhotoSize[]`. A union of content types gives a union of messages.
 */
export type MessageWith<C extends ContentType> = C extends ContentType
  ? Message & { content_type: C } & (C extends keyof Tg.Message ? Present<C> : unknown) &
      (C extends keyof ImpliedFields ? Present<ImpliedFields[C]> : unknown)
  : never;

/**
 * The content type of a message, or `undefined` for a kind this version of Botte does not know.
 * An animation is `'animation'` (not `'document'`), a venue `'venue'`, a live photo `'live_photo'`.
 */
export function contentTypeOf(message: object): ContentType | undefined {
  // Named loads of the common kinds first: V8 serves `m.text` from inline caches, several times
  // faster than `m[key]` with a variable key. The order is FAST's (a test keeps them in step).
  const m = message as Partial<Record<ContentType, unknown>>;
  if (m.animation !== undefined) return 'animation';
  if (m.live_photo !== undefined) return 'live_photo';
  if (m.venue !== undefined) return 'venue';
  if (m.text !== undefined) return 'text';
  if (m.photo !== undefined) return 'photo';
  if (m.document !== undefined) return 'document';
  if (m.sticker !== undefined) return 'sticker';
  if (m.video !== undefined) return 'video';
  if (m.voice !== undefined) return 'voice';
  if (m.video_note !== undefined) return 'video_note';
  if (m.audio !== undefined) return 'audio';
  if (m.location !== undefined) return 'location';
  if (m.contact !== undefined) return 'contact';
  if (m.poll !== undefined) return 'poll';
  if (m.dice !== undefined) return 'dice';
  // Service messages and rarer kinds.
  for (let i = FAST_COUNT; i < PRIORITY_LENGTH; i++) {
    const key = PRIORITY[i]!;
    if (m[key] !== undefined) return key;
  }
  return undefined;
}

/**
 * Sets `content_type` and `from_user` on a message, and on the Messages nested in it
 * (`reply_to_message`, an accessible `pinned_message`, a checklist's, giveaway's or suggested post's
 * message). Returns the same object.
 */
export function enrichMessage<T extends object>(message: T): T & MessageExtras {
  const record = message as Record<string, unknown> & MessageExtras;
  const type = contentTypeOf(record);
  // Left undefined (not guessed) for a kind from a newer Bot API: no contentTypes filter matches it.
  // Written only when it changes: a message handled again (the same object in several updates,
  // a test replaying fixtures) is then not re-written, which would also make V8 treat the fields
  // as mutable and throw away the optimized code that read them as constants.
  if (record.content_type !== type) record.content_type = type as ContentType;
  const from = record.from as object | undefined;
  if (from !== undefined && record.from_user !== from) {
    record.from_user = from as User;
    if (!('fullName' in from)) Object.defineProperty(from, 'fullName', FULL_NAME);
  }
  if (!('id' in record)) Object.defineProperty(record, 'id', ID_ALIAS);

  const reply = record.reply_to_message;
  if (reply !== undefined && reply !== null) enrichMessage(reply as object);
  switch (type) {
    case 'pinned_message': {
      const pinned = record.pinned_message as { date?: number };
      if (pinned.date !== 0) enrichMessage(pinned);
      break;
    }
    case 'checklist_tasks_done':
    case 'checklist_tasks_added':
      enrichNested(record[type], 'checklist_message');
      break;
    case 'giveaway_completed':
      enrichNested(record[type], 'giveaway_message');
      break;
    case 'suggested_post_approved':
    case 'suggested_post_approval_failed':
    case 'suggested_post_declined':
    case 'suggested_post_paid':
    case 'suggested_post_refunded':
      enrichNested(record[type], 'suggested_post_message');
      break;
    default:
      break;
  }
  return message as T & MessageExtras;
}

function enrichNested(container: unknown, field: string): void {
  const nested = (container as Record<string, unknown> | null | undefined)?.[field];
  if (nested !== undefined && nested !== null && typeof nested === 'object') enrichMessage(nested);
}

/**
 * Enriches (see {@link enrichMessage}) every Message of an update: `message`, `edited_message`,
 * `channel_post`, `edited_channel_post`, `business_message`, `edited_business_message`,
 * `guest_message`, and `callback_query.message` when it is accessible. Returns the same object.
 */
export function enrichUpdate<T extends object>(update: T): T {
  const record = update as Record<string, unknown>;
  // Most updates are new messages: one named load settles them (an update has one payload).
  const message = record.message;
  if (message !== undefined && message !== null) {
    enrichMessage(message as object);
    return update;
  }
  // Otherwise an update has `update_id` and one payload field, so walking its keys beats probing eight names.
  for (const key in record) {
    switch (key) {
      case 'message':
      case 'edited_message':
      case 'channel_post':
      case 'edited_channel_post':
      case 'business_message':
      case 'edited_business_message':
      case 'guest_message': {
        const message = record[key];
        if (message !== undefined && message !== null) enrichMessage(message as object);
        break;
      }
      case 'callback_query': {
        const message = (record[key] as { message?: { date?: number } } | undefined)?.message;
        if (message !== undefined && message !== null && message.date !== 0) enrichMessage(message);
        break;
      }
      default:
        break;
    }
  }
  return update;
}
