/**
 * The one small interface every outgoing limiter implements: the in-process `FloodControl`
 * (`floodControl: true`) and the Redis-backed `RedisFloodControl` of `botte/scale` that several
 * processes share. The client (src/api/client.ts) only knows this interface.
 * @module
 */

/**
 * An outgoing rate limiter, given to the `floodControl` constructor option. Botte calls
 * {@link FloodLimiter.acquire} before every Bot API call and sends once it resolves; a limiter
 * that can share Telegram's `retry_after` with other processes also has {@link FloodLimiter.pause}.
 */
export interface FloodLimiter {
  /**
   * Resolves when `method` to `chatId` may be sent; methods that send no message resolve at
   * once. Rejects with `signal.reason` when `signal` aborts, or with the limiter's own error when
   * it can't decide (a shared limiter whose store is down).
   * @param method the Bot API method, Telegram spelling (`sendMessage`)
   * @param chatId the call's `chat_id`, if it has one
   * @param signal aborts the wait
   * @param botId the id of the bot that sends (the part of the token before `:`)
   */
  acquire(method: string, chatId: number | string | undefined, signal?: AbortSignal, botId?: number): Promise<void>;
  /**
   * Told that Telegram answered 429 with `retry_after` to `method` (`getUpdates` excepted): a
   * call with a chat pauses that chat, one without pauses the whole bot, for every process that
   * shares the limiter. Never rejects (a failure is logged). The in-process limiter has none:
   * the client's own retry already waits for its calls.
   * @param method the method Telegram refused
   * @param chatId its `chat_id`, if it had one
   * @param retryAfterSeconds Telegram's `retry_after`
   * @param botId the id of the bot that got the 429
   */
  pause?(method: string, chatId: number | string | undefined, retryAfterSeconds: number, botId?: number): Promise<void>;
}

/** True when `value` is a limiter object (rather than `true` or a `FloodControlOptions`). */
export function isFloodLimiter(value: unknown): value is FloodLimiter {
  return typeof value === 'object' && value !== null && typeof (value as { acquire?: unknown }).acquire === 'function';
}
