/**
 * `AsyncBotte`, for code written after pyTelegramBotAPI's `AsyncTeleBot` (README.md, "AsyncBotte").
 * @module
 */
import { Botte } from './botte.js';
import type { PollOptions } from './polling.js';
import type { BotteOptions } from './options.js';

/**
 * The same bot as {@link Botte}: in TypeScript every Bot API call already returns a Promise and
 * handlers may be async in both, so there is one implementation. `AsyncBotte` exists so that
 * pyTelegramBotAPI-style async code runs unchanged — `await bot.polling()`, `async` handlers that
 * `await bot.replyTo(...)` — and, like the Python AsyncTeleBot, its `polling()` keeps going
 * after errors unless `nonStop: false` is passed, and class-based middlewares are always on
 * (`bot.setupMiddleware(...)` needs no `useClassMiddlewares` flag; pass `false` to turn them off).
 */
export class AsyncBotte extends Botte {
  /**
   * @param token the token BotFather gave
   * @param options as for {@link Botte}; `useClassMiddlewares` defaults to true here
   */
  constructor(token: string, options: BotteOptions = {}) {
    super(token, options.useClassMiddlewares === undefined ? { ...options, useClassMiddlewares: true } : options);
  }

  /** Like {@link Botte.polling}, with `nonStop` defaulting to true (as in the Python async bot). */
  override polling(options: PollOptions = {}): Promise<void> {
    return super.polling({ ...options, nonStop: options.nonStop ?? true });
  }
}
