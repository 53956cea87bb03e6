/**
 * Lists of Telegram names: update types and message content types.
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

/** Content types that carry content (text, media, contact, location, payments …), as in pyTelegramBotAPI. */
export const contentTypeMedia: readonly string[] = Object.freeze([
  'text', 'audio', 'document', 'animation', 'game', 'photo', 'sticker', 'video', 'video_note', 'voice',
  'contact', 'location', 'venue', 'dice', 'invoice', 'successful_payment', 'connected_website', 'poll',
  'passport_data', 'web_app_data', 'story', 'giveaway', 'gift', 'unique_gift',
  // Newer than pyTelegramBotAPI's list.
  'live_photo', 'paid_media', 'checklist', 'rich_message',
]);

/** Content types of service messages (members joining, titles changing, pins, topics …). */
export const contentTypeService: readonly string[] = Object.freeze([
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo',
  'group_chat_created', 'supergroup_chat_created', 'channel_chat_created', 'migrate_to_chat_id',
  'migrate_from_chat_id', 'pinned_message', 'proximity_alert_triggered', 'video_chat_scheduled',
  'video_chat_started', 'video_chat_ended', 'video_chat_participants_invited',
  'message_auto_delete_timer_changed', 'chat_background_set', 'forum_topic_created', 'forum_topic_closed',
  'forum_topic_reopened', 'forum_topic_edited', 'general_forum_topic_hidden', 'general_forum_topic_unhidden',
  'write_access_allowed', 'users_shared', 'chat_shared', 'giveaway_created', 'giveaway_winners',
  'giveaway_completed', 'boost_added', 'paid_message_price_changed', 'checklist_tasks_done',
  'checklist_tasks_added', 'direct_message_price_changed', 'suggested_post_refunded', 'suggested_post_info',
  'suggested_post_approved', 'suggested_post_approval_failed', 'suggested_post_declined',
  'suggested_post_paid', 'gift_upgrade_sent', 'chat_owner_left', 'chat_owner_changed', 'refunded_payment',
  'managed_bot_created', 'poll_option_added', 'poll_option_deleted', 'community_chat_added',
  'community_chat_removed', 'community_chat_joined',
]);
