/**
 * Whose state an update concerns: {@link resolveStateContext} finds the chat, the user, the forum
 * topic and the business connection of any update object, the way pyTelegramBotAPI's
 * `resolve_context` does (and without crashing on channel posts, which have no sender).
 * @module
 */
import { isCallbackQuery, isMessage, isObj, type Obj } from '../types/update-parts.js';

/** The parts of a state key an update provides. */
export interface UpdateStateContext {
  /** The chat; the user's id for updates that have no chat (inline queries, ...). */
  chatId: number | string;
  /** The user (or the sender chat when no user sent it). */
  userId: number | string;
  /** The forum topic, only for topic messages. */
  threadId?: number;
  /** The business connection, for business updates. */
  businessConnectionId?: string;
}

/** Context of a Message (also edited, channel and business messages). */
function fromMessage(message: Obj): UpdateStateContext {
  const chatId = message.chat.id as number;
  return {
    chatId,
    userId: message.from?.id ?? message.sender_chat?.id ?? chatId,
    threadId: message.is_topic_message ? message.message_thread_id : undefined,
    businessConnectionId: message.business_connection_id,
  };
}

/**
 * The state context of an update object (Message, CallbackQuery, InlineQuery,
 * ChosenInlineResult, ShippingQuery, PreCheckoutQuery, PollAnswer, ChatMemberUpdated,
 * ChatJoinRequest, MessageReactionUpdated, BusinessConnection, BusinessMessagesDeleted,
 * ChatBoostUpdated, ChatBoostRemoved, PaidMediaPurchased), or undefined when it has no user
 * (a Poll, a MessageReactionCountUpdated).
 */
export function resolveStateContext(update: unknown): UpdateStateContext | undefined {
  if (!isObj(update)) return undefined;
  const u = update;
  // MessageReactionUpdated: a user or an anonymous actor chat (it has message_id and chat too).
  if (isObj(u.chat) && 'new_reaction' in u) {
    const userId = u.user?.id ?? u.actor_chat?.id;
    return userId === undefined ? undefined : { chatId: u.chat.id, userId };
  }
  // MessageReactionCountUpdated: anonymous counts, nobody's state.
  if (isObj(u.chat) && Array.isArray(u.reactions) && !('from' in u)) return undefined;
  // Message: the remaining update with a message_id and a chat.
  if (isMessage(u)) return fromMessage(u);
  // CallbackQuery: the chat of its message, or the user's private chat for inline messages.
  if (isCallbackQuery(u)) {
    const message = isMessage(u.message) ? u.message : undefined;
    return {
      // A widget query (Bot API 10.4) looks like a callback query and carries its chat itself.
      chatId:
        message?.chat.id ?? (isObj(update.chat) && typeof update.chat.id === 'number' ? update.chat.id : u.from.id),
      userId: u.from.id,
      threadId: message?.is_topic_message ? message.message_thread_id : undefined,
      businessConnectionId: message?.business_connection_id,
    };
  }
  // PollAnswer: a user, or a chat voting anonymously.
  if ('poll_id' in u && 'option_ids' in u) {
    const id = u.user?.id ?? u.voter_chat?.id;
    return id === undefined ? undefined : { chatId: id, userId: id };
  }
  // BusinessConnection.
  if ('user_chat_id' in u && isObj(u.user) && typeof u.id === 'string') {
    return { chatId: u.user_chat_id, userId: u.user.id, businessConnectionId: u.id };
  }
  // BusinessMessagesDeleted: only a chat.
  if ('message_ids' in u && typeof u.business_connection_id === 'string' && isObj(u.chat)) {
    return { chatId: u.chat.id, userId: u.chat.id, businessConnectionId: u.business_connection_id };
  }
  // ChatBoostUpdated / ChatBoostRemoved: the booster, when the source names one.
  if (isObj(u.chat) && (isObj(u.boost) || 'boost_id' in u)) {
    const source = (isObj(u.boost) ? u.boost.source : u.source) as Obj | undefined;
    const userId = source?.user?.id;
    return userId === undefined ? undefined : { chatId: u.chat.id, userId };
  }
  // ChatMemberUpdated, ChatJoinRequest and anything else with a chat and a sender.
  if (isObj(u.chat) && isObj(u.from)) return { chatId: u.chat.id, userId: u.from.id };
  // InlineQuery, ChosenInlineResult, ShippingQuery, PreCheckoutQuery: the user's private chat.
  if (isObj(u.from)) return { chatId: u.from.id, userId: u.from.id };
  // PaidMediaPurchased.
  if (isObj(u.from_user) && 'paid_media_payload' in u) return { chatId: u.from_user.id, userId: u.from_user.id };
  return undefined;
}
