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

/** The chat and message id `replyTo` replies to; throws {@link NoReplyTargetError} when there is none. */
export function replyTarget(message: unknown, what = 'replyTo'): { chatId: number | string; messageId: number } {
  const m = message as { chat?: { id?: unknown }; message_id?: unknown } | null | undefined;
  const chatId = m?.chat?.id;
  if ((typeof chatId !== 'number' && typeof chatId !== 'string') || typeof m?.message_id !== 'number') {
    throw new NoReplyTargetError(what);
  }
  return { chatId, messageId: m.message_id };
}
