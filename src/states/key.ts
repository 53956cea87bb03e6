/**
 * How a {@link StateKey} becomes one string for key-value storages (memory, file, Redis).
 * @module
 */
import type { StateKey } from './storage.js';

/** Options shared by the built-in storages. */
export interface StorageKeyOptions {
  /** First part of every key, so that one Redis or file can hold other things too. Default `'botte'`. */
  prefix?: string;
  /** Between the parts of a key. Default `':'`. */
  separator?: string;
}

/**
 * The storage key of `key`: `prefix:botId:businessConnectionId:threadId:chatId:userId`. Unlike
 * pyTelegramBotAPI, absent parts stay as empty slots, so keys of different shapes never collide
 * (a thread id can't be mistaken for a chat id), and string parts are escaped.
 */
export function stateKeyToString(key: StateKey, options: StorageKeyOptions = {}): string {
  const separator = options.separator ?? ':';
  const part = (value: string | number | undefined) =>
    value === undefined || value === null ? '' : encodeURIComponent(String(value));
  return [
    options.prefix ?? 'botte',
    part(key.botId),
    part(key.businessConnectionId),
    part(key.threadId),
    part(key.chatId),
    part(key.userId),
  ].join(separator);
}
