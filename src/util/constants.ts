/**
 * Lists of Telegram names: update types, and message content types (re-exported from `types`).
 * @module
 */
import type { Update } from '@grammyjs/types';

/** Every kind of update of the current Bot API: each optional field of `Update`. */
export type UpdateType = Exclude<keyof Update, 'update_id'>;

/**
 * Every update type of the current Bot API (every optional field of `Update`), for
 * `allowedUpdates: util.updateTypes` — which also asks for `chat_member`, `message_reaction`
 * and the other types Telegram only sends when asked.
 */
export const updateTypes: readonly UpdateType[] = Object.freeze([
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_connection',
  'business_message',
  'edited_business_message',
  'deleted_business_messages',
  'guest_message',
  'stopped_message_generation',
  'message_reaction',
  'message_reaction_count',
  'inline_query',
  'chosen_inline_result',
  'callback_query',
  'shipping_query',
  'pre_checkout_query',
  'purchased_paid_media',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'chat_boost',
  'removed_chat_boost',
  'managed_bot',
  'subscription',
] satisfies UpdateType[]);

// One source of truth for content types: the lists that also drive `message.content_type`.
export { contentTypeMedia, contentTypeService } from '../types/message.js';
