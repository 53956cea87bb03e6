/**
 * `AsyncBotte`, for code written after the seed document's async section.
 * @module
 */
import { Botte } from './botte.js';
import type { PollOptions } from './polling.js';

/**
 * The same bot as {@link Botte}: in TypeScript every Bot API call already returns a Promise and
 * handlers may be async in both, so there is one implementation. `AsyncBotte` exists so that
 * the seed's async code runs unchanged — `await bot.polling()`, `async` handlers that
 * `await bot.replyTo(...)` — and, like the Python AsyncTeleBot, its `polling()` keeps going
 * after errors unless `nonStop: false` is passed.
 */
export class AsyncBotte extends Botte {
  /** Like {@link Botte.polling}, with `nonStop` defaulting to true (as in the Python async bot). */
  override polling(options: PollOptions = {}): Promise<void> {
    return super.polling({ nonStop: true, ...options });
  }
}
