/**
 * Lists of Telegram names: update types, and message content types (re-exported from `types`).
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { UPDATE_TYPE_NAMES } from '../api/generated/api-version.js';

/** Every kind of update of the current Bot API: each optional field of `Update`. */
export type UpdateType = Exclude<keyof Update, 'update_id'>;

/**
 * Every update type of the current Bot API (every optional field of `Update`, as listed by
 * spec/bot-api.json), for
 * `allowedUpdates: util.updateTypes` — which also asks for `chat_member`, `message_reaction`
 * and the other types Telegram only sends when asked.
 */
export const updateTypes: readonly UpdateType[] = Object.freeze([...UPDATE_TYPE_NAMES] satisfies UpdateType[]);

// One source of truth for content types: the lists that also drive `message.content_type`.
export { contentTypeMedia, contentTypeService } from '../types/message.js';
