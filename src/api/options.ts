/**
 * The options of `new Botte(token, options)` that the API client reads: call defaults and the
 * per-instance twins of `apihelper`'s settings. Names are camelCase twins of the Python library's
 * keyword arguments. The whole set, `BotteOptions`, is assembled in src/runner/options.ts.
 * @module
 */
import type { ParseMode } from './generated/telegram-types.js';
import type { CustomRequestSender, ProxySetting, TransportKind } from './settings.js';
import type { FloodLimiter } from './flood-limiter.js';

/** Automatic retries of failed calls. */
export interface RetryOptions {
  /** Retries at most this many times (default `apihelper.MAX_RETRIES`, 3). */
  maxRetries?: number | undefined;
  /** Waits at most this many seconds for a 429's `retry_after` (default 60); longer waits raise at once. */
  maxRetryAfter?: number | undefined;
}

/** Outgoing rate limits; the defaults are Telegram's documented ones. */
export interface FloodControlOptions {
  /** Messages per second across all chats (default 30). */
  globalPerSecond?: number | undefined;
  /** Messages per second to one private chat (default 1). */
  privatePerSecond?: number | undefined;
  /** Messages per minute to one group or channel (default 20). */
  groupPerMinute?: number | undefined;
}

/** The options of the `Botte` constructor that the API client reads (see `BotteOptions`). */
export interface ApiOptions {
  /**
   * Default `parse_mode` of every send and edit call that takes one: `'HTML'`, `'Markdown'`, `'MarkdownV2'` or null.
   * As in pyTelegramBotAPI it also formats album captions (sendMediaGroup items without their own
   * `parse_mode`/`caption_entities`) and a poll's question, explanation and description (sendPoll).
   * A call's own parse mode or entities win; `parse_mode: ''` sends the text unformatted.
   */
  parseMode?: ParseMode | Lowercase<ParseMode> | null | undefined;
  /** Default `disable_notification`. */
  disableNotification?: boolean | undefined;
  /** Default `protect_content`. */
  protectContent?: boolean | undefined;
  /** Default `allow_sending_without_reply`, put into `reply_parameters`. */
  allowSendingWithoutReply?: boolean | undefined;
  /** Default for link previews: true sends `link_preview_options: { is_disabled: true }`. */
  disableWebPagePreview?: boolean | undefined;
  /** Checks the token's shape (`<digits>:<secret>`, no spaces) in the constructor. Default true. */
  validateToken?: boolean | undefined;

  /** Per-instance `apihelper.API_URL`. */
  apiUrl?: string | undefined;
  /** Per-instance `apihelper.FILE_URL`. */
  fileUrl?: string | undefined;
  /** Per-instance `apihelper.proxy`. */
  proxy?: ProxySetting | undefined;
  /** Per-instance `apihelper.SESSION_TIME_TO_LIVE` (seconds). */
  sessionTimeToLive?: number | undefined;
  /** Per-instance `apihelper.TRANSPORT`: `'auto'` (default), `'undici'` or `'fetch'`. */
  transport?: TransportKind | undefined;
  /** Per-instance `apihelper.CUSTOM_REQUEST_SENDER`. */
  customRequestSender?: CustomRequestSender | undefined;
  /** Per-instance `apihelper.CONNECT_TIMEOUT` (seconds). */
  connectTimeout?: number | undefined;
  /** Per-instance `apihelper.READ_TIMEOUT` (seconds). */
  readTimeout?: number | undefined;
  /** Automatic retry of 429 (after `retry_after`), 5xx and network errors; `false` turns it off. Default on. */
  retry?: boolean | RetryOptions | undefined;
  /**
   * Keeps outgoing messages within Telegram's limits by waiting before sending. Default off.
   * `true` or limits: one limiter for this process. A {@link FloodLimiter} object: that limiter,
   * e.g. `new RedisFloodControl({ url })` from `botte/scale`, shared by every process.
   */
  floodControl?: boolean | FloodControlOptions | FloodLimiter | undefined;
}
