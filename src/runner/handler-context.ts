/**
 * Which bot's handler is running now, so that `stopPolling()` / `stopBot()` called (and awaited)
 * inside one of the bot's own handlers do not wait for that handler to finish: a graceful stop
 * waits for the running handlers, and a handler awaiting it would wait for itself forever.
 *
 * AsyncLocalStorage follows the handler through its `await`s. It costs every promise a little, so
 * the bot enters it only while it polls or serves webhooks (where the stop calls can come from a
 * handler), never for updates handed in with `processNewUpdates` alone.
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const context = new AsyncLocalStorage<object>();

/** Runs `fn` as a handler of `bot`: {@link insideHandlerOf} answers true in everything it awaits. */
export function runAsHandlerOf<T>(bot: object, fn: () => T): T {
  return context.run(bot, fn);
}

/** Whether the code running now was started by a handler of `bot`. */
export function insideHandlerOf(bot: object): boolean {
  return context.getStore() === bot;
}

/** Runs `fn` outside any handler: what it awaits is not part of the handler that called it. */
export function outsideHandlers<T>(fn: () => T): T {
  return context.exit(fn);
}
