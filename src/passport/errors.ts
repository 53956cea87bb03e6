import type { PassportElementType } from './types.js';
import { brandError } from '../util/error-brand.js';

/** Why a Passport decryption failed; see {@link PassportDecryptionError}. */
export type PassportFailure =
  | 'format'
  | 'key'
  | 'hash'
  | 'padding'
  | 'nonce'
  | 'missing-credentials'
  | 'download'
  | 'unavailable';

/**
 * Thrown when Telegram Passport data cannot be decrypted or authenticated: a wrong private key
 * or passphrase, tampered ciphertext, a bad hash or padding, a nonce mismatch. `element` names
 * the element that failed (absent for the credentials themselves). Nothing is half-decrypted:
 * {@link decrypt} returns every element or throws. The message never contains key material,
 * secrets or decrypted data.
 */
export class PassportDecryptionError extends Error {
  /** What went wrong. */
  readonly reason: PassportFailure;
  /** The element type that failed, or undefined for the credentials. */
  readonly element?: PassportElementType;

  /** Creates the error; `message` must not contain secrets. */
  constructor(message: string, reason: PassportFailure, element?: PassportElementType) {
    super(element === undefined ? message : `${message} (element ${element})`);
    this.name = 'PassportDecryptionError';
    this.reason = reason;
    this.element = element;
  }
}

brandError(PassportDecryptionError, 'PassportDecryptionError');
