/**
 * The error a test throws from an `onMethod` handler to make the emulator answer `ok: false`.
 * @module
 */
import { brandError } from '../util/error-brand.js';

/** Extra fields Telegram adds to some errors. */
export interface TelegramErrorParameters {
  /** Seconds to wait before retrying (429). */
  retry_after?: number;
  /** The supergroup a group was migrated to (400). */
  migrate_to_chat_id?: number;
}

/**
 * Thrown inside an `onMethod` handler (or used by the emulator itself), it becomes the answer
 * `{ ok: false, error_code, description, parameters }` with HTTP status `error_code`.
 *
 * @example
 * emu.onMethod('sendMessage', () => { throw new TelegramError(403, 'Forbidden: bot was blocked by the user'); });
 */
export class TelegramError extends Error {
  /** HTTP status and Telegram `error_code` (400, 403, 429...). */
  readonly error_code: number;
  /** Telegram's description, e.g. `Bad Request: chat not found`. */
  readonly description: string;
  /** Optional `parameters` of the answer. */
  readonly parameters?: TelegramErrorParameters;

  /** Creates the error answered as `{ ok: false, error_code, description, parameters }`. */
  constructor(errorCode: number, description: string, parameters?: TelegramErrorParameters) {
    super(`${errorCode}: ${description}`);
    this.name = 'TelegramError';
    this.error_code = errorCode;
    this.description = description;
    this.parameters = parameters;
  }

  /** The JSON body Telegram would answer. */
  toJSON(): { ok: false; error_code: number; description: string; parameters?: TelegramErrorParameters } {
    return this.parameters === undefined
      ? { ok: false, error_code: this.error_code, description: this.description }
      : { ok: false, error_code: this.error_code, description: this.description, parameters: this.parameters };
  }
}

// Branded: a test may load `botte/testing` through `require` while the emulator runs as ESM.
brandError(TelegramError, 'TelegramError');

/** `400 Bad Request: <what>` — the most common answer of a call with wrong parameters. */
export function badRequest(what: string): TelegramError {
  return new TelegramError(400, `Bad Request: ${what}`);
}
