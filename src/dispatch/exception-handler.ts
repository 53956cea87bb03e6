/**
 * `ExceptionHandler`, the base class pyTelegramBotAPI users extend:
 * ```ts
 * class MyHandler extends ExceptionHandler {
 *   override handle(exception: unknown) { logger.error('oops', exception); return true; }
 * }
 * const bot = new Botte(token, { exceptionHandler: new MyHandler() });
 * ```
 * @module
 */

/**
 * Decides what happens to an error thrown by a handler, a middleware or polling: `handle` returns
 * true (or a promise of true) when the error is handled, so Botte doesn't log it and polling goes
 * on. The default `handle` handles nothing. A plain function or any object with `handle` works too.
 */
export class ExceptionHandler {
  /** Called with each error; return true when it is handled. */
  handle(exception: unknown): boolean | void | Promise<boolean | void> {
    void exception;
    return false;
  }
}
