/**
 * Public types of the Bot API emulator.
 * @module
 */
import type { BotFullInfo, Update } from '../api/generated/telegram-types.js';
import type { RateLimitOptions } from './rules/rate-limits.js';
import type { WebhookDeliveryOptions } from './webhook-delivery.js';

/** How the body of a recorded request was encoded. */
export type BodyKind = 'json' | 'urlencoded' | 'multipart' | 'none';

/** A file part of a `multipart/form-data` request, as the emulator saw it while streaming. */
export interface UploadedFile {
  /** The form field that carried the file (`photo`, or `name` for `attach://name`). */
  field: string;
  /** The `filename` of the part's `Content-Disposition`. */
  filename: string;
  /** Size in bytes. */
  size: number;
  /** Hex SHA-256 of the content, computed while streaming so large uploads are never buffered. */
  sha256: string;
  /** The part's `Content-Type`, `application/octet-stream` when none was sent. */
  contentType: string;
  /** The bytes, kept only when the file is at most {@link MAX_KEPT_FILE_BYTES}. */
  data?: Buffer | undefined;
}

/** Uploaded files up to this size keep their bytes in {@link UploadedFile.data} (10 MB). */
export const MAX_KEPT_FILE_BYTES = 10 * 1024 * 1024;

/** The kinds of failure {@link FaultSpec} can inject. */
export type FaultKind =
  | 'http-500'
  | 'http-502'
  | 'reset'
  | 'invalid-json'
  | 'too-many-requests'
  | 'slow'
  | 'conflict'
  | 'unauthorized';

/** One request the emulator received on `/bot<token>/<method>`, in arrival order. */
export interface RecordedCall {
  /** Position in {@link BotApiEmulator.calls} since the last `clearCalls()`; usable as `since`. */
  index: number;
  /** The method name exactly as sent in the URL (Telegram ignores its letter case). */
  method: string;
  /** The method in Telegram's spelling, or `undefined` for an unknown method. */
  canonicalMethod?: string | undefined;
  /**
   * Parameters from the query string and the body. In urlencoded and multipart bodies, values that
   * hold JSON (objects, arrays, numbers, booleans, as clients send `reply_markup` or `chat_id`) are
   * parsed here; free-text parameters (`text`, `caption`, ids that are strings...) stay strings.
   * Uploaded file parts are not here but in {@link files}.
   */
  params: Record<string, unknown>;
  /** Every non-file parameter as the string that was sent (JSON bodies: `JSON.stringify` of the value). */
  rawParams: Record<string, string>;
  /** File parts of a multipart body, by field name. */
  files: Record<string, UploadedFile>;
  /** How the body was encoded. */
  contentType: BodyKind;
  /** `GET`, `POST`, ... */
  httpMethod: string;
  /** The request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** Whether the URL held the emulator's token. */
  tokenValid: boolean;
  /** The fault injected into this call, if any. */
  fault?: FaultKind | undefined;
  /** HTTP status answered (set once the answer is written; absent for a `reset` or a pending long poll). */
  status?: number | undefined;
  /** The JSON answered (set once written). */
  response?:
    | {
        ok: boolean;
        result?: unknown | undefined;
        error_code?: number | undefined;
        description?: string | undefined;
        parameters?: unknown | undefined;
      }
    | undefined;
  /** Set when the client went away before the answer was written. */
  aborted?: boolean | undefined;
  /** When the request arrived (ms since epoch). */
  receivedAt: number;
}

/** Describes a failure to inject into matching calls; see {@link BotApiEmulator.injectFault}. */
export interface FaultSpec {
  /** Only calls of this method (any letter case); default: every method. */
  method?: string | undefined;
  /** What goes wrong. */
  kind: FaultKind;
  /** How many matching calls fail (default 1; with `probability`, default unlimited). */
  times?: number | undefined;
  /** Instead of the next `times` calls, fail each matching call with this probability (0..1). */
  probability?: number | undefined;
  /** `too-many-requests`: the `retry_after` in seconds (default 1). */
  retryAfter?: number | undefined;
  /** `slow`: how long the answer is delayed, in ms (default 1000). */
  delayMs?: number | undefined;
  /** `invalid-json`: an HTML gateway page (default) or a truncated JSON answer. */
  body?: 'html' | 'truncated' | undefined;
  /** Random source for `probability`, in [0, 1); pass a seeded one for reproducible tests. */
  random?: (() => number) | undefined;
}

/** Options of {@link BotApiEmulator.start}. */
export interface EmulatorOptions {
  /** The token the emulator accepts (default `123456:TEST-token`). */
  token?: string | undefined;
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number | undefined;
  /** Fields of the bot user `getMe` answers, merged over the defaults. */
  botUser?: (Partial<BotFullInfo> & Record<string, unknown>) | undefined;
  /** Largest request body accepted before answering 413 (default 2000 MB, like a local Bot API server). */
  maxBodyBytes?: number | undefined;
  /** The `update_id` of the first pushed update (default 1). */
  firstUpdateId?: number | undefined;
  /**
   * Check every call against Telegram's rules (required parameters, ids, lengths, keyboards,
   * parse_mode/entities; see src/testing/rules/) and answer Telegram's errors (default true).
   */
  validate?: boolean | undefined;
  /** Also refuse unknown chats ("chat not found") and unknown messages to edit, delete or reply to (default false). */
  strict?: boolean | undefined;
  /** Answer 429 when the bot sends faster than Telegram allows (default off; `true` for Telegram's limits). */
  rateLimits?: boolean | RateLimitOptions | undefined;
  /** POST updates to the URL set with setWebhook, as Telegram does (default false; allows http://127.0.0.1 URLs). */
  deliverWebhooks?: boolean | WebhookDeliveryOptions | undefined;
}

/** An update to push: any update field(s) without `update_id`; objects may be partial. */
export type UpdateInit = {
  [K in Exclude<keyof Update, 'update_id'>]?: Update[K] | Record<string, unknown>;
} & {
  /** Normally assigned by the emulator; give one only to test duplicate or out-of-order ids. */
  update_id?: number | undefined;
};

/**
 * Replaces the default answer of a method. Return the `result`; throw a `TelegramError` for an
 * `ok: false` answer. `fallback()` computes the emulator's default result, to wrap or tweak it.
 */
export type MethodHandler = (
  params: Record<string, unknown>,
  call: RecordedCall,
  fallback: () => Promise<unknown>,
) => unknown;

/** Options of {@link BotApiEmulator.pushMessage}. */
export interface PushMessageOptions {
  /** Chat id; default the user id for private chats, -1001 (group), -1001000000001 (supergroup) or -1001000000002 (channel). */
  chatId?: number | undefined;
  /** Sender id (default 1001). */
  userId?: number | undefined;
  /** Chat type (default `private`); `channel` produces a `channel_post` without `from`. */
  chatType?: 'private' | 'group' | 'supergroup' | 'channel' | undefined;
  /** Sender's username. */
  username?: string | undefined;
  /** Sender's first name (default `Test`). */
  firstName?: string | undefined;
  /** Title of a group, supergroup or channel (default `Test group`/`Test channel`). */
  chatTitle?: string | undefined;
  /** Sender's IETF language tag. */
  languageCode?: string | undefined;
  /** The message replied to: a Message, or a message_id the emulator has seen in this chat. */
  replyToMessage?: Record<string, unknown> | number | undefined;
  /**
   * Entities; when omitted they are found as Telegram does: a leading `/command`, mentions,
   * hashtags, cashtags, links, e-mails and commands (src/testing/user-entities.ts).
   */
  entities?: Array<Record<string, unknown>> | undefined;
  /** Push an `edited_message` (`edited_channel_post`) of this message_id instead of a new message. */
  editOf?: number | undefined;
  /**
   * `false` stores the message (replies, edits and the kit's history find it) without queueing it
   * for the bot: a group message a bot in privacy mode does not receive. The Update returned then
   * has `update_id` 0. Default true.
   */
  deliver?: boolean | undefined;
  /** Fields merged into the Message last (photo, caption, forward_origin, ...). */
  extra?: Record<string, unknown> | undefined;
}

/** A file registered with {@link BotApiEmulator.addFile} (a Telegram `File`). */
export interface StoredFileInfo {
  /** Identifier to pass to `getFile` or to send again. */
  file_id: string;
  /** Stable unique identifier. */
  file_unique_id: string;
  /** Size in bytes. */
  file_size: number;
  /** Path under `/file/bot<token>/`. */
  file_path: string;
}
