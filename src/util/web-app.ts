/**
 * Validation of Telegram Web App (Mini App) init data, per Telegram's documentation:
 * `secret_key = HMAC_SHA256(key: "WebAppData", message: bot_token)` and
 * `hash = hex(HMAC_SHA256(key: secret_key, message: data_check_string))`, where the data-check
 * string is every received `key=value` except `hash`, sorted by key, joined with `'\n'`.
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Chat, User } from '../api/generated/telegram-types.js';

/** Options of {@link validateWebAppData} and {@link parseWebAppData}. */
export interface WebAppValidationOptions {
  /**
   * Reject data whose `auth_date` is older than this many seconds (default 86 400, one day:
   * Telegram signs init data at each launch, so older data is a replay). `Infinity` turns the
   * check off, as pyTelegramBotAPI has it.
   */
  maxAgeSeconds?: number;
  /** The time to compare `auth_date` with (default: now); for tests. */
  now?: Date;
}

/** A user as described in Web App init data (the `user` and `receiver` fields). */
export interface WebAppUser extends Partial<User> {
  /** Unique identifier of the user. */
  id: number;
  /** The user's first name. */
  first_name: string;
  /** Link to the user's profile photo (only for Mini Apps launched from the attachment menu). */
  photo_url?: string;
  /** True if the user allowed the bot to message them. */
  allows_write_to_pm?: boolean;
}

/** Parsed Web App init data; object fields JSON-decoded, `auth_date` and `can_send_after` as numbers. */
export interface WebAppInitData {
  /** Unique id of the Web App session, for answerWebAppQuery. */
  query_id?: string;
  /** The current user. */
  user?: WebAppUser;
  /** The chat partner (private chats opened from the attachment menu). */
  receiver?: WebAppUser;
  /** The chat the Web App was opened in (attachment menu in groups). */
  chat?: Partial<Chat> & { id: number; photo_url?: string };
  /** Type of the chat the Web App was opened from. */
  chat_type?: string;
  /** Global identifier of the chat the Web App was opened from. */
  chat_instance?: string;
  /** The `startattach`/`startapp` parameter of the launch link. */
  start_param?: string;
  /** Seconds after which answerWebAppQuery may be called. */
  can_send_after?: number;
  /** Unix time the init data was created. */
  auth_date: number;
  /** HMAC-SHA256 of the other fields, checked with the bot token. */
  hash: string;
  /** Ed25519 signature for third-party validation, checked by `validateWebAppSignature`. */
  signature?: string;
  [key: string]: unknown;
}

/** The init data's pairs, or null when a key repeats. */
export function parsePairs(rawInitData: string): Map<string, string> | null {
  const pairs = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawInitData)) {
    // Telegram never repeats a key; a repeated key could smuggle a second value past the check.
    if (pairs.has(key)) return null;
    pairs.set(key, value);
  }
  return pairs;
}

function checkHash(token: string, pairs: Map<string, string>): boolean {
  const hash = pairs.get('hash');
  if (!hash || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const dataCheckString = [...pairs]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(token).digest();
  const expected = createHmac('sha256', secret).update(dataCheckString).digest();
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}

/** Default of {@link WebAppValidationOptions.maxAgeSeconds}: one day. */
export const DEFAULT_INIT_DATA_MAX_AGE = 86_400;

/** Whether `auth_date` is a number no older than the allowed age (and not from the future). */
export function fresh(pairs: Map<string, string>, options: WebAppValidationOptions): boolean {
  const maxAge = options.maxAgeSeconds ?? DEFAULT_INIT_DATA_MAX_AGE;
  const authDate = Number(pairs.get('auth_date'));
  if (!Number.isFinite(authDate)) return false;
  if (maxAge === Infinity) return true;
  const now = (options.now ?? new Date()).getTime() / 1000;
  return now - authDate <= maxAge && authDate - now <= 300;
}

/**
 * Tells whether `rawInitData` (`Telegram.WebApp.initData`, the raw query string) was signed
 * with `token`. The comparison is constant-time.
 */
export function validateWebAppData(token: string, rawInitData: string, options: WebAppValidationOptions = {}): boolean {
  if (typeof token !== 'string' || typeof rawInitData !== 'string') return false;
  const pairs = parsePairs(rawInitData);
  return pairs !== null && checkHash(token, pairs) && fresh(pairs, options);
}

/**
 * Validates `rawInitData` like {@link validateWebAppData}, then returns its fields with
 * `user`, `receiver`, `chat` (and any other JSON object or array) decoded, and `auth_date` and
 * `can_send_after` as numbers; returns `false` when the data is not authentic.
 * Other values stay strings: `chat_instance` does not fit a JS number.
 */
export function parseWebAppData(
  token: string,
  rawInitData: string,
  options: WebAppValidationOptions = {},
): WebAppInitData | false {
  if (typeof token !== 'string' || typeof rawInitData !== 'string') return false;
  const pairs = parsePairs(rawInitData);
  if (pairs === null || !checkHash(token, pairs) || !fresh(pairs, options)) return false;
  return decodeInitData(pairs);
}

/** The init data's fields with JSON objects decoded and `auth_date`/`can_send_after` as numbers. */
export function decodeInitData(pairs: Map<string, string>): WebAppInitData {
  const result: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    if (key === 'auth_date' || key === 'can_send_after') {
      result[key] = /^\d+$/.test(value) ? Number(value) : value;
    } else if (value.startsWith('{') || value.startsWith('[')) {
      try {
        result[key] = JSON.parse(value);
      } catch {
        result[key] = value;
      }
    } else {
      result[key] = value;
    }
  }
  return result as WebAppInitData;
}
