/**
 * Whether a value returned by user code (a handler, a filter, a middleware, an exception
 * handler) is a promise or any other thenable, so that it is awaited and its rejection caught.
 * `instanceof Promise` would miss thenables of other libraries and leave their rejections unhandled.
 * @module
 */

/** True for promises and other thenables. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    value !== null &&
    (typeof value === 'object' || typeof value === 'function') &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}
