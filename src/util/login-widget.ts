/**
 * The Telegram Login Widget check: the data-check string is every received field but `hash`,
 * sorted by key, as `key=value` lines; the key is SHA-256 of the bot token; `hash` is the hex
 * HMAC-SHA-256 of the string. Uses Web Crypto, so it runs on every runtime.
 * @module
 */
import { DEFAULT_INIT_DATA_MAX_AGE } from './web-app.js';

/** The fields the Login Widget sends (`id`, `first_name`, ..., `auth_date`, `hash`). */
export interface LoginWidgetData {
  /** The user's id. */
  id: number | string;
  /** First name. */
  first_name?: string;
  /** Last name. */
  last_name?: string;
  /** Username. */
  username?: string;
  /** Profile photo URL. */
  photo_url?: string;
  /** Unix time of the login. */
  auth_date: number | string;
  /** HMAC of the other fields. */
  hash: string;
  [field: string]: string | number | undefined;
}

/** Options of {@link validateLoginWidgetData}. */
export interface LoginWidgetOptions {
  /** Reject logins older than this many seconds (default 86 400; `Infinity` turns it off). */
  maxAgeSeconds?: number;
  /** The time to compare `auth_date` with (default: now). */
  now?: Date;
}

function toRecord(data: LoginWidgetData | URLSearchParams | string): Map<string, string> | null {
  const out = new Map<string, string>();
  const entries =
    typeof data === 'string'
      ? new URLSearchParams(data)
      : data instanceof URLSearchParams
        ? data
        : Object.entries(data);
  for (const [key, value] of entries) {
    if (value === undefined) continue;
    if (out.has(key)) return null;
    out.set(key, String(value));
  }
  return out;
}

/**
 * Tells whether Login Widget data (an object, the query string of the redirect, or its
 * URLSearchParams) was signed with `token`, and is fresh. The comparison does not leak timing.
 */
export async function validateLoginWidgetData(
  token: string,
  data: LoginWidgetData | URLSearchParams | string,
  options: LoginWidgetOptions = {},
): Promise<boolean> {
  if (typeof token !== 'string' || data === null || (typeof data !== 'object' && typeof data !== 'string'))
    return false;
  const fields = toRecord(data);
  const hash = fields?.get('hash');
  if (!fields || !hash || !/^[0-9a-f]{64}$/i.test(hash)) return false;
  const authDate = Number(fields.get('auth_date'));
  const maxAge = options.maxAgeSeconds ?? DEFAULT_INIT_DATA_MAX_AGE;
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (!Number.isFinite(authDate) || (maxAge !== Infinity && (now - authDate > maxAge || authDate - now > 300)))
    return false;
  const text = [...fields]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  const encoder = new TextEncoder();
  const secret = await crypto.subtle.digest('SHA-256', encoder.encode(token));
  const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const expected = Uint8Array.from(hash.match(/../g)!, (byte) => parseInt(byte, 16));
  // subtle.verify compares in constant time.
  return crypto.subtle.verify('HMAC', key, expected, encoder.encode(text));
}
