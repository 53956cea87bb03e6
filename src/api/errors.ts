/**
 * The errors a Bot API call can end with. All extend {@link ApiException}, so that
 * `catch (e) { if (e instanceof ApiException) ... }` covers every failure of a call.
 * Messages name the method and never contain the bot token. Every class is branded (see
 * `src/util/error-brand.ts`), so `instanceof` also holds across the CommonJS and ESM builds.
 * @module
 */
import { redact, redactAndTruncate, redactError } from '../util/redact.js';
import { brandError } from '../util/error-brand.js';

/** Base class of every error raised by a Bot API call. */
export class ApiException extends Error {
  /** The Bot API method that failed, e.g. `sendMessage`. */
  readonly method: string;
  /** The HTTP response status, when an answer arrived. */
  readonly status?: number;

  /** Creates an error for `method` with a message (the token is redacted from it). */
  constructor(message: string, method: string, options: { status?: number; cause?: unknown } = {}) {
    super(redact(message), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.method = method;
    this.status = options.status;
    // The cause (a network or URL error) may carry the request URL in any field.
    if (options.cause !== undefined) redactError(options.cause);
  }
}

/** The JSON Telegram answers with when a call fails. */
export interface TelegramErrorJson {
  /** Always false for an error. */
  ok: false;
  /** Telegram's error code (mirrors the HTTP status in practice). */
  error_code: number;
  /** Telegram's human-readable description. */
  description: string;
  /** Extra hints: `retry_after` for 429 and `migrate_to_chat_id` after a group became a supergroup. */
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** Telegram answered the call with `ok: false`. */
export class ApiTelegramException extends ApiException {
  /** Telegram's `error_code`, e.g. 400, 403, 429. */
  readonly errorCode: number;
  /** Telegram's `description`, e.g. `Bad Request: chat not found`. */
  readonly description: string;
  /** The whole JSON answer. */
  readonly resultJson: TelegramErrorJson;
  /** Seconds to wait before repeating the call (429 Too Many Requests). */
  readonly retryAfter?: number;
  /** The new id of a group that was upgraded to a supergroup. */
  readonly migrateToChatId?: number;

  /** Builds the error from Telegram's JSON answer to `method`. */
  constructor(method: string, resultJson: TelegramErrorJson, status?: number) {
    super(
      `A request to the Telegram API was unsuccessful. Error code: ${resultJson.error_code}. ` +
        `Description: ${resultJson.description} (method ${method})`,
      method,
      { status },
    );
    this.errorCode = resultJson.error_code;
    this.description = redact(String(resultJson.description ?? ''));
    // Telegram sometimes echoes what it received; the token must not survive in the raw JSON either.
    this.resultJson = JSON.parse(redact(JSON.stringify(resultJson))) as TelegramErrorJson;
    this.retryAfter = resultJson.parameters?.retry_after;
    this.migrateToChatId = resultJson.parameters?.migrate_to_chat_id;
  }
}

/** The HTTP exchange failed: no answer, a network error, a timeout, or a non-JSON error page. */
export class ApiHTTPException extends ApiException {
  /** A short code for the failure, e.g. `ECONNRESET`, `ETIMEDOUT`, `HTTP_502`, `ABORTED`. */
  readonly code: string;

  /** Creates an HTTP failure of `method`. */
  constructor(method: string, message: string, code: string, options: { status?: number; cause?: unknown } = {}) {
    super(`A request to the Telegram API failed (method ${method}): ${message}`, method, options);
    this.code = code;
  }
}

/** Telegram (or whatever answered) sent a body that is not valid JSON. */
export class ApiInvalidJSONException extends ApiException {
  /** The first 500 characters of the body that could not be parsed. */
  readonly body: string;

  /** Creates the error for an unparsable `body` received for `method`. */
  constructor(method: string, body: string, status?: number) {
    super(`The server returned an invalid JSON response (method ${method}, HTTP ${status ?? '?'})`, method, { status });
    this.body = redactAndTruncate(body, 500);
  }
}

/**
 * A local file given for upload could not be read (missing, a directory, no permission): the
 * call was not sent, Telegram never saw it.
 */
export class LocalFileError extends ApiException {
  /** The local path that could not be read. */
  readonly path: string;
  /** The system error code, e.g. `ENOENT`, `EISDIR`, `EACCES`. */
  readonly code: string;

  /** Creates the error for `path`, given to `method`, that failed with the system error `cause`. */
  constructor(method: string, path: string, cause: unknown) {
    const code = String((cause as { code?: unknown } | undefined)?.code ?? 'EIO');
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : code;
    super(
      `Cannot upload the local file ${JSON.stringify(path)} (${reason}, ${code}); nothing was sent (method ${method})`,
      method,
      { cause },
    );
    this.path = redact(path);
    this.code = code;
  }
}

brandError(ApiException, 'ApiException');
brandError(ApiTelegramException, 'ApiTelegramException');
brandError(ApiHTTPException, 'ApiHTTPException');
brandError(ApiInvalidJSONException, 'ApiInvalidJSONException');
brandError(LocalFileError, 'LocalFileError');
