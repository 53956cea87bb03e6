/**
 * `antiflood`: repeats a Bot API call after Telegram's 429 "Too Many Requests", waiting the
 * `retry_after` seconds Telegram asks for. Botte's client already retries 429 by itself (up to
 * `MAX_RETRIES` times, see the `retry` option); antiflood adds attempts on top, for code written
 * after the Python library or for bots created with `retry: false`.
 * @module
 */
import { sleep } from './sleep.js';
import { logger } from '../logger.js';

/** Options of {@link antiflood}. */
export interface AntifloodOptions {
  /** How many attempts in total (default 5); the last attempt's error is thrown as is. */
  numberRetries: number;
}

function floodWait(error: unknown): number | undefined {
  // Duck-typed rather than `instanceof ApiTelegramException`, so that errors from a second copy
  // of the library (ESM and CommonJS loaded side by side) are recognised too.
  if (typeof error !== 'object' || error === null) return undefined;
  const { errorCode, retryAfter } = error as { errorCode?: unknown; retryAfter?: unknown };
  if (errorCode !== 429) return undefined;
  return typeof retryAfter === 'number' && retryAfter >= 0 ? retryAfter : 1;
}

function isOptions(value: unknown): value is AntifloodOptions {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'numberRetries');
}

/**
 * Calls `fn(...args)`; when it fails with a Telegram 429 error, waits `retryAfter` seconds and
 * calls again, up to `numberRetries` attempts (default 5). Other errors are thrown at once.
 *
 * Two forms: `antiflood(fn, ...args)` and `antiflood(fn, args, { numberRetries })`. The second
 * form is recognised only when exactly three arguments are given, the second is an array and the
 * third has an own `numberRetries` key. Bind methods: `antiflood(bot.sendMessage.bind(bot), chatId, text)`
 * or pass an arrow: `antiflood(() => bot.sendMessage(chatId, text))`.
 */
export function antiflood<A extends unknown[], R>(
  fn: (...args: A) => R | PromiseLike<R>,
  args: A,
  options: AntifloodOptions,
): Promise<R>;
export function antiflood<A extends unknown[], R>(fn: (...args: A) => R | PromiseLike<R>, ...args: A): Promise<R>;
export async function antiflood(fn: (...args: unknown[]) => unknown, ...rest: unknown[]): Promise<unknown> {
  let args = rest;
  let numberRetries = 5;
  if (rest.length === 2 && Array.isArray(rest[0]) && isOptions(rest[1])) {
    args = rest[0];
    numberRetries = rest[1].numberRetries;
  }
  if (!Number.isInteger(numberRetries) || numberRetries < 1) {
    throw new RangeError(`numberRetries must be a positive integer, got ${numberRetries}`);
  }
  for (let attempt = 1; attempt < numberRetries; attempt++) {
    try {
      return await fn(...args);
    } catch (error) {
      const wait = floodWait(error);
      if (wait === undefined) throw error;
      logger.warning('Flood control: retrying in %d s (attempt %d of %d)', wait, attempt + 1, numberRetries);
      await sleep(wait * 1000);
    }
  }
  return await fn(...args);
}
