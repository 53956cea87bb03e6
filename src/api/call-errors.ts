/**
 * Reads an HTTP answer into a result or a typed error, and maps network failures to
 * {@link ApiHTTPException}. Also decides which failures are worth repeating.
 * @module
 */
import {
  ApiException,
  ApiHTTPException,
  ApiInvalidJSONException,
  ApiTelegramException,
  type TelegramErrorJson,
} from './errors.js';
import { redactAndTruncate, redactError } from '../util/redact.js';
import { methodSpec } from './method-lookup.js';

/** Telegram's answer, parsed. */
type Answer = { ok?: boolean; result?: unknown; error_code?: number; description?: string };

/** Parses Telegram's `{ ok, result }` answer for `method`; throws the matching error otherwise. */
export function readAnswer(method: string, status: number, text: string): unknown {
  let json: Answer;
  try {
    json = JSON.parse(text);
  } catch {
    if (status >= 400)
      throw new ApiHTTPException(method, `HTTP ${status}: ${redactAndTruncate(text, 200)}`, `HTTP_${status}`, {
        status,
      });
    throw new ApiInvalidJSONException(method, text, status);
  }
  return readParsedAnswer(method, status, json, text);
}

/** Like {@link readAnswer} for an answer that is already an object (custom request senders). */
export function readParsedAnswer(method: string, status: number, json: Answer, text?: string): unknown {
  if (json && json.ok === true) return json.result;
  if (json && json.ok === false) {
    throw new ApiTelegramException(
      method,
      { ...json, error_code: json.error_code ?? status } as TelegramErrorJson,
      status,
    );
  }
  if (status >= 400) throw new ApiHTTPException(method, `HTTP ${status}`, `HTTP_${status}`, { status });
  throw new ApiInvalidJSONException(method, text ?? JSON.stringify(json), status);
}

const NETWORK_CODES: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
  UND_ERR_CONNECT_TIMEOUT: 'ECONNECTTIMEOUT',
  UND_ERR_SOCKET: 'ECONNRESET',
  UND_ERR_CLOSED: 'ECONNRESET',
};

/** Wraps whatever a request threw into an {@link ApiException} without the token. */
export function toApiException(method: string, error: unknown): ApiException {
  if (error instanceof ApiException) return error;
  const err = error as { name?: string; code?: string; message?: string };
  if (err?.name === 'AbortError' || err?.code === 'ABORT_ERR' || err?.code === 'UND_ERR_ABORTED') {
    return redactError(new ApiHTTPException(method, 'the request was aborted', 'ABORTED', { cause: error }));
  }
  const code = (err?.code && (NETWORK_CODES[err.code] ?? err.code)) || 'ENETWORK';
  return redactError(new ApiHTTPException(method, err?.message ?? String(error), code, { cause: redactError(error) }));
}

/**
 * Whether repeating `method` cannot duplicate anything visible (sending twice would): a fact of
 * the description (spec/bot-api.json, `idempotent`); a method outside it is never repeated.
 */
function idempotent(method: string): boolean {
  return methodSpec(method)?.idempotent ?? false;
}

/** Failures that happened before the request could reach Telegram: safe to repeat for any method. */
const NOT_SENT = new Set(['ECONNREFUSED', 'ECONNECTTIMEOUT', 'ENOTFOUND', 'EAI_AGAIN']);

/** How long to wait before repeating a failed call, or undefined when it must not be repeated. */
export function retryDelay(
  method: string,
  error: ApiException,
  attempt: number,
  maxRetryAfter: number,
): number | undefined {
  if (error instanceof ApiTelegramException) {
    if (error.errorCode === 429) {
      const seconds = error.retryAfter ?? 1;
      return seconds <= maxRetryAfter ? seconds * 1000 : undefined;
    }
    if (error.errorCode >= 500 && idempotent(method)) return backoff(attempt);
    return undefined;
  }
  if (error instanceof ApiHTTPException) {
    if (error.code === 'ABORTED') return undefined;
    if (NOT_SENT.has(error.code) || idempotent(method)) return backoff(attempt);
    return undefined;
  }
  if (error instanceof ApiInvalidJSONException && idempotent(method)) return backoff(attempt);
  return undefined;
}

function backoff(attempt: number): number {
  return Math.min(250 * 2 ** attempt, 5000);
}
