/**
 * Telegram Passport's symmetric scheme, shared by credentials, element data and files:
 * key and IV from SHA-512(secret + hash), AES-256-CBC without automatic padding, a SHA-256 of
 * the padded plaintext that must equal `hash`, and a padding of 32 to 255 leading bytes whose
 * first byte holds its length. `node:crypto` is loaded on first use, so importing `botte` loads
 * nothing Node-only.
 * @module
 */
import { PassportDecryptionError } from './errors.js';
import type { PassportElementType } from './types.js';

type NodeCrypto = typeof import('node:crypto');
let loading: Promise<NodeCrypto> | undefined;

/** `node:crypto`, loaded once; a clear error where the runtime has none. */
export function nodeCrypto(): Promise<NodeCrypto> {
  loading ??= import('node:crypto').catch(() => {
    loading = undefined;
    throw new PassportDecryptionError(
      'Telegram Passport needs node:crypto (Node, Bun, Deno, or Cloudflare Workers with the nodejs_compat flag)',
      'unavailable',
    );
  });
  return loading;
}

/** Decodes base64 (standard or URL-safe); a clear error for anything else. */
export function fromBase64(value: unknown, what: string, element?: PassportElementType): Buffer {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(value)) {
    throw new PassportDecryptionError(`${what} is not base64`, 'format', element);
  }
  return Buffer.from(value, 'base64');
}

/** The AES key and IV Telegram derives from a secret and a hash. */
export function keyAndIv(crypto: NodeCrypto, secret: Buffer, hash: Buffer): { key: Buffer; iv: Buffer } {
  const digest = crypto.createHash('sha512').update(secret).update(hash).digest();
  return { key: digest.subarray(0, 32), iv: digest.subarray(32, 48) };
}

/** Checks the SHA-256 of the padded plaintext and strips the padding. */
export function unpad(
  crypto: NodeCrypto,
  padded: Buffer,
  hash: Buffer,
  what: string,
  element?: PassportElementType,
): Buffer {
  const actual = crypto.createHash('sha256').update(padded).digest();
  if (actual.length !== hash.length || !crypto.timingSafeEqual(actual, hash)) {
    throw new PassportDecryptionError(`${what} failed its hash check (wrong secret or tampered data)`, 'hash', element);
  }
  const padding = padded[0] ?? 0;
  if (padding < 32 || padding > padded.length) {
    throw new PassportDecryptionError(`${what} has an invalid padding`, 'padding', element);
  }
  return padded.subarray(padding);
}

/** Decrypts one encrypted blob of the scheme and returns its unpadded plaintext. */
export function decryptBlob(
  crypto: NodeCrypto,
  encrypted: Buffer,
  secret: Buffer,
  hash: Buffer,
  what: string,
  element?: PassportElementType,
): Buffer {
  if (encrypted.length === 0 || encrypted.length % 16 !== 0) {
    throw new PassportDecryptionError(`${what} is not a whole number of AES blocks`, 'format', element);
  }
  const { key, iv } = keyAndIv(crypto, secret, hash);
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(encrypted), decipher.final()]);
  return unpad(crypto, padded, hash, what, element);
}
