/**
 * {@link CallbackDataFilter}, what `CallbackData.filter(...)` returns, and
 * {@link CallbackDataCustomFilter}, the custom filter that applies it.
 * @module
 */
import { AdvancedCustomFilter } from '../dispatch/custom-filters/base.js';
import type { CallbackData, CallbackDataValue } from './callback-data.js';

declare module '../dispatch/types.js' {
  interface CustomFilterKeys {
    /** `callbackData.CallbackDataCustomFilter` (default key): the query's data passes this factory filter. */
    config: CallbackDataFilter;
  }
}

/**
 * Matches callback queries whose data a {@link CallbackData} factory parses and whose parts
 * equal the configured values (pyTelegramBotAPI's `CallbackDataFilter`).
 */
export class CallbackDataFilter<F extends string = string> {
  /**
   * @param factory the factory that parses the data
   * @param config per part, the accepted value or list of values
   */
  constructor(
    readonly factory: CallbackData<F>,
    readonly config: { readonly [K in F]?: CallbackDataValue | readonly CallbackDataValue[] },
  ) {}

  /** Whether `query`'s data (a CallbackQuery, or the data string) matches. */
  check(query: { data?: string } | string): boolean {
    const data = typeof query === 'string' ? query : query?.data;
    if (typeof data !== 'string') return false;
    let parsed: Record<string, string>;
    try {
      parsed = this.factory.parse(data);
    } catch {
      return false;
    }
    for (const [key, wanted] of Object.entries(this.config) as [string, unknown][]) {
      if (wanted === undefined) continue;
      const value = parsed[key];
      if (Array.isArray(wanted)) {
        if (!wanted.some((item) => String(item) === value)) return false;
      } else if (String(wanted) !== value) {
        return false;
      }
    }
    return true;
  }
}

/**
 * The custom filter pyTelegramBotAPI's callback data example defines by hand, ready-made:
 * `bot.addCustomFilter(new callbackData.CallbackDataCustomFilter())`, then
 * `bot.callbackQueryHandler({ config: factory.filter({ action: 'buy' }) }, handler)`.
 * The key is `config` unless another is given.
 */
export class CallbackDataCustomFilter extends AdvancedCustomFilter<{ data?: string }, CallbackDataFilter> {
  /** The filter key. */
  readonly key: string;

  /** @param key the filter key (default `config`, as in pyTelegramBotAPI's example) */
  constructor(key = 'config') {
    super();
    this.key = key;
  }

  /** Whether the query matches the handler's {@link CallbackDataFilter}. */
  check(query: { data?: string }, filter: CallbackDataFilter): boolean {
    if (!(filter instanceof CallbackDataFilter)) {
      throw new TypeError(`The "${this.key}" filter takes what CallbackData.filter(...) returns`);
    }
    return filter.check(query);
  }
}
