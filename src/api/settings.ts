/**
 * Process-wide settings, pyTelegramBotAPI's `apihelper` (`apihelper.API_URL = ...`).
 * Each setting has a per-instance twin in the `Botte` constructor options, which wins.
 * `asyncioHelper` is the same object: Botte and AsyncBotte share one transport.
 * @module
 */
import type { CustomRequestResponse } from '../util/custom-request-response.js';
import { ApiException, ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from './errors.js';

/** A proxy: one URL for every request, or one per scheme of the Bot API URL. */
export type ProxySetting = string | { http?: string; https?: string };

/**
 * The HTTP layer: `'undici'` (Node's fast path), `'fetch'` (the Web fetch of Bun, Deno, Workers,
 * also usable on Node) or `'auto'`, undici where its Dispatcher works and fetch elsewhere.
 */
export type TransportKind = 'auto' | 'undici' | 'fetch';

/** What a {@link CustomRequestSender} receives besides the HTTP method and the URL. */
export interface CustomRequestInit {
  /** The call's parameters; values that are not strings are JSON-encoded like Telegram expects. */
  params: Record<string, unknown>;
  /** Uploads by field name. */
  files?: Record<string, unknown>;
  /** Read timeout in seconds. */
  timeout?: number;
}

/**
 * Replaces the HTTP layer entirely: return what "Telegram" answered. Used by tests in the
 * Python library; Botte's own tests prefer the emulator of `botte/testing`.
 */
export type CustomRequestSender = (
  httpMethod: 'post' | 'get',
  url: string,
  init: CustomRequestInit,
) => CustomRequestResponse | Promise<CustomRequestResponse>;

/** The global settings object. Assign its fields before creating a bot. */
export interface ApiHelperSettings {
  /** The Bot API URL template: `{0}` is the token, `{1}` the method. */
  API_URL: string;
  /** The file download URL template: `{0}` is the token, `{1}` the file path. */
  FILE_URL: string;
  /** A proxy for every request: `http://`, `https://` or `socks5://` URL (with credentials if needed). */
  proxy: ProxySetting | undefined;
  /** Seconds an idle keep-alive connection is kept before it is recycled. */
  SESSION_TIME_TO_LIVE: number | undefined;
  /** Seconds to wait for a TCP/TLS connection. */
  CONNECT_TIMEOUT: number;
  /** Seconds to wait for an answer to an ordinary call (long polls add their own timeout to this). */
  READ_TIMEOUT: number;
  /** Which HTTP layer sends requests (see {@link TransportKind}); default `'auto'`. */
  TRANSPORT: TransportKind;
  /** Replaces the HTTP layer (see {@link CustomRequestSender}). */
  CUSTOM_REQUEST_SENDER: CustomRequestSender | undefined;
  /** Turns on function middlewares (`bot.middlewareHandler`) for bots created afterwards. */
  ENABLE_MIDDLEWARE: boolean;
  /** Automatic retries of 429, 5xx and network errors (see the `retry` constructor option). */
  RETRY_ON_ERROR: boolean;
  /** How many times a failed call is retried at most. */
  MAX_RETRIES: number;
  /** The longest `retry_after` (seconds) Botte waits for by itself; longer ones raise at once. */
  MAX_RETRY_AFTER: number;
  /** The error classes, also reachable from here as in the Python library. */
  readonly ApiException: typeof ApiException;
  /** See {@link ApiTelegramException}. */
  readonly ApiTelegramException: typeof ApiTelegramException;
  /** See {@link ApiHTTPException}. */
  readonly ApiHTTPException: typeof ApiHTTPException;
  /** See {@link ApiInvalidJSONException}. */
  readonly ApiInvalidJSONException: typeof ApiInvalidJSONException;
}

/**
 * An environment variable, if set and not empty. `BOTTE_API_URL`/`BOTTE_FILE_URL` aim an unchanged
 * bot at another Bot API server (the playground sets them to its emulator, see src/playground/).
 */
function fromEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === undefined || value === '' ? undefined : value;
}

/** The global settings (pyTelegramBotAPI's `apihelper`). */
export const apihelper: ApiHelperSettings = {
  API_URL: fromEnv('BOTTE_API_URL') ?? 'https://api.telegram.org/bot{0}/{1}',
  FILE_URL: fromEnv('BOTTE_FILE_URL') ?? 'https://api.telegram.org/file/bot{0}/{1}',
  proxy: undefined,
  SESSION_TIME_TO_LIVE: undefined,
  CONNECT_TIMEOUT: 15,
  READ_TIMEOUT: 60,
  TRANSPORT: 'auto',
  CUSTOM_REQUEST_SENDER: undefined,
  ENABLE_MIDDLEWARE: false,
  RETRY_ON_ERROR: true,
  MAX_RETRIES: 3,
  MAX_RETRY_AFTER: 60,
  ApiException,
  ApiTelegramException,
  ApiHTTPException,
  ApiInvalidJSONException,
};

/** pyTelegramBotAPI's `asyncio_helper`: the same settings, since AsyncBotte shares Botte's transport. */
export const asyncioHelper: ApiHelperSettings = apihelper;

/** Fills a URL template: `{0}` becomes the token, `{1}` the method or file path. */
export function formatUrl(template: string, token: string, tail: string): string {
  return template.replace('{0}', token).replace('{1}', tail);
}
