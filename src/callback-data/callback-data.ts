/**
 * `callbackData.CallbackData`: pyTelegramBotAPI's `CallbackData` factory, which builds callback
 * data such as `products:42:buy` from named parts and parses it back.
 * ```ts
 * const products = new callbackData.CallbackData('id', 'action', { prefix: 'products' });
 * const data = products.new({ id: 42, action: 'buy' });   // 'products:42:buy'
 * products.parse(data);                                    // { '@': 'products', id: '42', action: 'buy' }
 * bot.callbackQueryHandler({ config: products.filter({ action: 'buy' }) }, handler);
 * ```
 * @module
 */
import { CallbackDataFilter } from './filter.js';

/** Telegram's limit on `callback_data`, in bytes (UTF-8). */
export const MAX_CALLBACK_DATA_BYTES = 64;

/** Why callback data could not be built or parsed. */
export type CallbackDataErrorCode =
  | 'TOO_LONG'
  | 'MISSING_VALUE'
  | 'BAD_VALUE'
  | 'TOO_MANY_VALUES'
  | 'WRONG_PREFIX'
  | 'WRONG_PARTS'
  | 'BAD_DEFINITION';

/** Callback data that can't be built or parsed (pyTelegramBotAPI raises ValueError/TypeError). */
export class CallbackDataError extends Error {
  /**
   * @param code what went wrong
   * @param message the explanation
   */
  constructor(
    readonly code: CallbackDataErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallbackDataError';
  }
}

/** Built callback data is longer than Telegram's 64 bytes. */
export class CallbackDataTooLongError extends CallbackDataError {
  /**
   * @param data the data that was built
   * @param bytes its length in UTF-8 bytes
   */
  constructor(
    readonly data: string,
    readonly bytes: number,
  ) {
    super(
      'TOO_LONG',
      `Callback data "${data}" is ${bytes} bytes long; Telegram takes at most ${MAX_CALLBACK_DATA_BYTES}`,
    );
    this.name = 'CallbackDataTooLongError';
  }
}

/** Options of {@link CallbackData}. */
export interface CallbackDataOptions {
  /** The first part of every piece of data, telling factories apart. */
  prefix: string;
  /** Between the parts; default `':'`. */
  sep?: string;
}

/** A value of one part: strings as they are, numbers and booleans as `String(value)`. */
export type CallbackDataValue = string | number | boolean;

/** What {@link CallbackData.parse} returns: every declared part as a string, plus `'@'`, the prefix. */
export type ParsedCallbackData<F extends string> = { readonly [K in F]: string } & { readonly '@': string };

/**
 * A callback data factory with the parts `F` (see the module comment). The last constructor
 * argument is the options object with the `prefix`.
 */
export class CallbackData<const F extends string = string> {
  /** The declared part names, in order. */
  readonly parts: readonly F[];
  /** The prefix. */
  readonly prefix: string;
  /** The separator. */
  readonly sep: string;

  /** @param args the part names, then `{ prefix, sep? }` */
  constructor(...args: [...parts: F[], options: CallbackDataOptions]) {
    const options = args[args.length - 1] as CallbackDataOptions | undefined;
    if (options === null || typeof options !== 'object' || typeof options.prefix !== 'string') {
      throw new CallbackDataError(
        'BAD_DEFINITION',
        "new CallbackData(...parts, { prefix }): the last argument must be the options object with a string prefix, e.g. new CallbackData('id', { prefix: 'products' })",
      );
    }
    const sep = options.sep ?? ':';
    const parts = args.slice(0, -1) as F[];
    if (sep === '') throw new CallbackDataError('BAD_DEFINITION', 'CallbackData: the separator must not be empty');
    if (options.prefix === '' || options.prefix.includes(sep)) {
      throw new CallbackDataError(
        'BAD_DEFINITION',
        `CallbackData: the prefix must be non-empty and must not contain the separator "${sep}"`,
      );
    }
    if (parts.length === 0) throw new CallbackDataError('BAD_DEFINITION', 'CallbackData: declare at least one part');
    for (const part of parts) {
      if (typeof part !== 'string' || part === '' || part === '@') {
        throw new CallbackDataError(
          'BAD_DEFINITION',
          `CallbackData: part names must be non-empty strings other than "@", got ${String(part)}`,
        );
      }
    }
    if (new Set(parts).size !== parts.length)
      throw new CallbackDataError('BAD_DEFINITION', 'CallbackData: part names must be unique');
    this.parts = Object.freeze(parts);
    this.prefix = options.prefix;
    this.sep = sep;
  }

  /**
   * Builds the data: `factory.new({ id: 42, action: 'buy' })`, or positionally in declaration
   * order, `factory.new(42, 'buy')`. Throws a {@link CallbackDataError} for a missing value, a
   * value containing the separator or extra values, and a {@link CallbackDataTooLongError} past
   * 64 bytes.
   */
  new(values: { readonly [K in F]: CallbackDataValue }): string;
  new(...values: CallbackDataValue[]): string;
  new(...args: unknown[]): string {
    const named =
      args.length === 1 && args[0] !== null && typeof args[0] === 'object'
        ? { ...(args[0] as Record<string, unknown>) }
        : undefined;
    const positional = named ? [] : args.slice();
    const data = [this.prefix];
    for (const part of this.parts) {
      let value: unknown;
      if (named && part in named) {
        value = named[part];
        delete named[part];
      } else if (positional.length > 0) {
        value = positional.shift();
      }
      if (value === undefined || value === null)
        throw new CallbackDataError('MISSING_VALUE', `CallbackData ${this.prefix}: no value for "${part}"`);
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new CallbackDataError(
          'BAD_VALUE',
          `CallbackData ${this.prefix}: "${part}" must be a string, number or boolean`,
        );
      }
      const text = String(value);
      if (text.includes(this.sep)) {
        throw new CallbackDataError(
          'BAD_VALUE',
          `CallbackData ${this.prefix}: the value of "${part}" ("${text}") contains the separator "${this.sep}"`,
        );
      }
      data.push(text);
    }
    const extra = named ? Object.keys(named) : positional;
    if (extra.length > 0) {
      throw new CallbackDataError(
        'TOO_MANY_VALUES',
        `CallbackData ${this.prefix}: too many values (${extra.map(String).join(', ')}); parts are ${this.parts.join(', ')}`,
      );
    }
    const result = data.join(this.sep);
    const bytes = new TextEncoder().encode(result).length;
    if (bytes > MAX_CALLBACK_DATA_BYTES) throw new CallbackDataTooLongError(result, bytes);
    return result;
  }

  /** Parses data built by this factory; throws a {@link CallbackDataError} for anything else. */
  parse(data: string): ParsedCallbackData<F> {
    if (typeof data !== 'string')
      throw new CallbackDataError('WRONG_PARTS', `CallbackData ${this.prefix}: nothing to parse`);
    const [prefix, ...values] = data.split(this.sep);
    if (prefix !== this.prefix)
      throw new CallbackDataError('WRONG_PREFIX', `CallbackData ${this.prefix}: "${data}" has another prefix`);
    if (values.length !== this.parts.length) {
      throw new CallbackDataError(
        'WRONG_PARTS',
        `CallbackData ${this.prefix}: "${data}" has ${values.length} parts, expected ${this.parts.length}`,
      );
    }
    const result: Record<string, string> = { '@': prefix };
    this.parts.forEach((part, index) => {
      result[part] = values[index]!;
    });
    return result as ParsedCallbackData<F>;
  }

  /**
   * A filter value matching this factory's data whose parts equal `config` (a value, or a list
   * of accepted values, per part): `factory.filter({ action: 'buy' })`. Use it with a custom
   * filter such as `callbackData.CallbackDataCustomFilter` (key `config`).
   */
  filter(config: { readonly [K in F]?: CallbackDataValue | readonly CallbackDataValue[] } = {}): CallbackDataFilter<F> {
    for (const key of Object.keys(config)) {
      if (!(this.parts as readonly string[]).includes(key) && key !== '@') {
        throw new CallbackDataError(
          'BAD_DEFINITION',
          `CallbackData ${this.prefix}.filter: "${key}" is not one of its parts (${this.parts.join(', ')})`,
        );
      }
    }
    return new CallbackDataFilter(this, config);
  }
}
