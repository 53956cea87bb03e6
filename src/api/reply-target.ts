/**
 * Where `bot.replyTo` can reply. A callback query from an inline message, or (Bot API 10.5, with
 * `callback_query_mode` set) from one of the bot's own messages, carries `inline_message_id`
 * and no `message`: passing its `message` to `replyTo` is refused with a clear error instead of
 * failing on a missing `chat`.
 * @module
 */

/** `replyTo` was given no message with a chat to reply in. */
export class NoReplyTargetError extends TypeError {
  /** @param what how the caller named the missing message (`replyTo`) */
  constructor(what: string) {
    super(
      `${what}: there is no message with a chat to reply to. A callback query from an inline message ` +
        "(or from the bot's own message while setMySettings' callback_query_mode is set) has inline_message_id " +
        'and no message: answer it with answerCallbackQuery, or edit the message by inline_message_id.',
    );
    this.name = 'NoReplyTargetError';
  }
}

/** Where `replyTo` replies: a chat, the message quoted, and the business connection of a business message. */
export interface ReplyTarget {
  /** The chat of the message. */
  chatId: number | string;
  /** The message replied to. */
  messageId: number;
  /** Set for a business message: the reply must go out through the same business account. */
  businessConnectionId?: string;
}

/** The chat and message id `replyTo` replies to; throws {@link NoReplyTargetError} when there is none. */
export function replyTarget(message: unknown, what = 'replyTo'): ReplyTarget {
  const m = message as
    | { chat?: { id?: unknown }; message_id?: unknown; business_connection_id?: unknown }
    | null
    | undefined;
  const chatId = m?.chat?.id;
  if ((typeof chatId !== 'number' && typeof chatId !== 'string') || typeof m?.message_id !== 'number') {
    throw new NoReplyTargetError(what);
  }
  const business = m.business_connection_id;
  return {
    chatId,
    messageId: m.message_id,
    ...(typeof business === 'string' && business !== '' ? { businessConnectionId: business } : {}),
  };
}
