/**
 * The options of `new Botte(token, options)`. Names are camelCase twins of the Python
 * library's keyword arguments; transport settings are per-instance twins of `apihelper`.
 * @module
 */
import type { ParseMode } from './api/generated/telegram-types.js';
import type { CustomRequestSender, ProxySetting, TransportKind } from './api/settings.js';
import type { StateStorage } from './states/storage.js';
import type { HandlerBackend } from './states/step-backends.js';
import type { FloodLimiter } from './api/flood-limiter.js';

/** Something that decides what happens to an error thrown by a handler or by polling. */
export type ExceptionHandler =
  | ((error: unknown) => boolean | void | Promise<boolean | void>)
  | { handle(error: unknown): boolean | void | Promise<boolean | void> };

/** Automatic retries of failed calls. */
export interface RetryOptions {
  /** Retries at most this many times (default `apihelper.MAX_RETRIES`, 3). */
  maxRetries?: number;
  /** Waits at most this many seconds for a 429's `retry_after` (default 60); longer waits raise at once. */
  maxRetryAfter?: number;
}

/** Outgoing rate limits; the defaults are Telegram's documented ones. */
export interface FloodControlOptions {
  /** Messages per second across all chats (default 30). */
  globalPerSecond?: number;
  /** Messages per second to one private chat (default 1). */
  privatePerSecond?: number;
  /** Messages per minute to one group or channel (default 20). */
  groupPerMinute?: number;
}

/** Options of the `Botte` (and `AsyncBotte`) constructor. */
export interface BotteOptions {
  /** Default `parse_mode` of every send and edit call that takes one: `'HTML'`, `'Markdown'`, `'MarkdownV2'` or null. */
  parseMode?: ParseMode | Lowercase<ParseMode> | null;
  /** Default `disable_notification`. */
  disableNotification?: boolean;
  /** Default `protect_content`. */
  protectContent?: boolean;
  /** Default `allow_sending_without_reply`, put into `reply_parameters`. */
  allowSendingWithoutReply?: boolean;
  /** Default for link previews: true sends `link_preview_options: { is_disabled: true }`. */
  disableWebPagePreview?: boolean;
  /** Checks the token's shape (`<digits>:<secret>`, no spaces) in the constructor. Default true. */
  validateToken?: boolean;

  /** Per-instance `apihelper.API_URL`. */
  apiUrl?: string;
  /** Per-instance `apihelper.FILE_URL`. */
  fileUrl?: string;
  /** Per-instance `apihelper.proxy`. */
  proxy?: ProxySetting;
  /** Per-instance `apihelper.SESSION_TIME_TO_LIVE` (seconds). */
  sessionTimeToLive?: number;
  /** Per-instance `apihelper.TRANSPORT`: `'auto'` (default), `'undici'` or `'fetch'`. */
  transport?: TransportKind;
  /** Per-instance `apihelper.CUSTOM_REQUEST_SENDER`. */
  customRequestSender?: CustomRequestSender;
  /** Per-instance `apihelper.CONNECT_TIMEOUT` (seconds). */
  connectTimeout?: number;
  /** Per-instance `apihelper.READ_TIMEOUT` (seconds). */
  readTimeout?: number;
  /** Automatic retry of 429 (after `retry_after`), 5xx and network errors; `false` turns it off. Default on. */
  retry?: boolean | RetryOptions;
  /**
   * Keeps outgoing messages within Telegram's limits by waiting before sending. Default off.
   * `true` or limits: one limiter for this process. A {@link FloodLimiter} object: that limiter,
   * e.g. `new RedisFloodControl({ url })` from `botte/scale`, shared by every process.
   */
  floodControl?: boolean | FloodControlOptions | FloodLimiter;

  /** Handle updates concurrently (default true); false handles them one at a time, in order. */
  threaded?: boolean;
  /** How many updates are handled at once when `threaded` (default 100, a full getUpdates batch). Updates of one chat always run in order. */
  numThreads?: number;
  /** Drop the updates that were pending when polling starts. */
  skipPending?: boolean;
  /** Receives errors of handlers and of polling; returning true marks the error handled. */
  exceptionHandler?: ExceptionHandler;
  /** Turns on class-based middlewares (`bot.setupMiddleware`) and the handler's `data` argument. */
  useClassMiddlewares?: boolean;
  /** Turns on function middlewares (`bot.middlewareHandler`), like `apihelper.ENABLE_MIDDLEWARE`. */
  useMiddleware?: boolean;
  /** When a function middleware throws, skip the update instead of reporting the error. */
  suppressMiddlewareExceptions?: boolean;
  /** Where FSM states live (default: a new in-memory storage per bot). */
  stateStorage?: StateStorage;
  /** Where next-step handlers live (default: in memory). */
  nextStepBackend?: HandlerBackend;
  /** Where reply handlers live (default: in memory). */
  replyBackend?: HandlerBackend;
}
