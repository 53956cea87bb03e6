/**
 * The two kinds of custom filter (docs/handlers-and-filters.md). A filter is registered with
 * `bot.addCustomFilter(filter)`; its `key` then works as a filter key in any registrar:
 * `bot.handleMsg({ isChatAdmin: true }, handler)`.
 * @module
 */

/**
 * A filter whose value in the handler is compared with what `check` returns:
 * `{ isReply: true }` passes when `check(message)` is true, `{ isReply: false }` when it is false.
 */
export abstract class SimpleCustomFilter<T = any> {
  /** The filter key used in handler filters. */
  abstract readonly key: string;
  /** Tells the filter's value for `update` (a Message, CallbackQuery, ...). */
  abstract check(update: T): boolean | Promise<boolean>;
}

/**
 * A filter that receives the value given in the handler and decides:
 * `{ text: new TextFilter({ equals: 'hi' }) }` calls `check(message, thatTextFilter)`.
 */
export abstract class AdvancedCustomFilter<T = any, V = any> {
  /** The filter key used in handler filters. */
  abstract readonly key: string;
  /** Whether `update` passes for the handler's `value`. */
  abstract check(update: T, value: V): boolean | Promise<boolean>;
}

/** Either kind of custom filter. */
export type CustomFilter = SimpleCustomFilter | AdvancedCustomFilter;
