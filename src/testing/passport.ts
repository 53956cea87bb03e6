/**
 * Telegram Passport data made the way Telegram's clients make it, for tests: every element's
 * data and files encrypted with fresh secrets by Telegram's symmetric scheme, the credentials
 * encrypted to the bot's public key by RSA-OAEP (SHA-1). With an emulator, the encrypted files
 * are stored in it, so `passport.decrypt(...)` and `file.download(bot)` work end to end.
 *
 * ```ts
 * const passportData = encryptPassportData({ publicKey, nonce: 'n1', elements: [
 *   { type: 'personal_details', data: { first_name: 'Ada', last_name: 'L', birth_date: '10.12.1815',
 *     gender: 'female', country_code: 'GB', residence_country_code: 'GB' } },
 *   { type: 'passport', data: { document_no: 'X1' }, front_side: scanBytes, selfie: selfieBytes },
 * ] }, emu);
 * emu.pushMessage(undefined, { extra: { passport_data: passportData } });
 * ```
 * @module
 */
import { constants, createCipheriv, createHash, publicEncrypt, randomBytes, type KeyObject } from 'node:crypto';
import type { EncryptedPassportElement, PassportData, PassportElementType, PassportFile } from '../passport/types.js';

/** One element to encrypt; files are their plain bytes. */
export interface PassportElementInit {
  /** The element type. */
  type: PassportElementType;
  /** The plain data object (personal details, address, document number...). */
  data?: Record<string, unknown>;
  /** Phone number (type `phone_number`). */
  phone_number?: string;
  /** Email (type `email`). */
  email?: string;
  /** Front side scan. */
  front_side?: Uint8Array;
  /** Reverse side scan. */
  reverse_side?: Uint8Array;
  /** Selfie with the document. */
  selfie?: Uint8Array;
  /** Document files. */
  files?: Uint8Array[];
  /** Translation files. */
  translation?: Uint8Array[];
}

/** Options of {@link encryptPassportData}. */
export interface EncryptPassportOptions {
  /** The bot's public RSA key (PEM or KeyObject). */
  publicKey: string | KeyObject;
  /** The nonce of the authorization request. */
  nonce: string;
  /** The elements the user shares. */
  elements: PassportElementInit[];
}

/** What {@link encryptPassportData} needs of an emulator: storing a file. */
export interface PassportFileStore {
  /** Stores bytes and returns their file ids (BotApiEmulator.addFile). */
  addFile(content: Buffer): { file_id: string; file_unique_id: string; file_size: number };
}

/** Encrypts `plain` by Telegram Passport's symmetric scheme; returns the ciphertext, secret and hash. */
export function encryptPassportBlob(plain: Uint8Array): { encrypted: Buffer; secret: Buffer; hash: Buffer } {
  const base = 32 + Math.floor(Math.random() * 16);
  const padLength = base + ((16 - ((plain.length + base) % 16)) % 16);
  const padding = randomBytes(padLength);
  padding[0] = padLength;
  const padded = Buffer.concat([padding, plain]);
  const secret = randomBytes(32);
  const hash = createHash('sha256').update(padded).digest();
  const digest = createHash('sha512').update(secret).update(hash).digest();
  const cipher = createCipheriv('aes-256-cbc', digest.subarray(0, 32), digest.subarray(32, 48)).setAutoPadding(false);
  return { encrypted: Buffer.concat([cipher.update(padded), cipher.final()]), secret, hash };
}

let fileCounter = 0;

function storeFile(plain: Uint8Array, store: PassportFileStore | undefined) {
  const { encrypted, secret, hash } = encryptPassportBlob(plain);
  const ids = store
    ? store.addFile(encrypted)
    : { file_id: `passport-file-${++fileCounter}`, file_unique_id: `pf${fileCounter}`, file_size: encrypted.length };
  const file: PassportFile = {
    file_id: ids.file_id,
    file_unique_id: ids.file_unique_id,
    file_size: ids.file_size,
    file_date: Math.floor(Date.now() / 1000),
  };
  return { file, credentials: { file_hash: hash.toString('base64'), secret: secret.toString('base64') }, encrypted };
}

/**
 * Builds `passport_data` as Telegram delivers it. With `store` (an emulator), the encrypted
 * files are stored there and can be downloaded by the bot.
 */
export function encryptPassportData(options: EncryptPassportOptions, store?: PassportFileStore): PassportData {
  const secureData: Record<string, Record<string, unknown>> = {};
  const data: EncryptedPassportElement[] = options.elements.map((init) => {
    const element: EncryptedPassportElement = { type: init.type, hash: '' };
    const secure: Record<string, unknown> = {};
    if (init.data !== undefined) {
      const blob = encryptPassportBlob(Buffer.from(JSON.stringify(init.data)));
      element.data = blob.encrypted.toString('base64');
      secure.data = { data_hash: blob.hash.toString('base64'), secret: blob.secret.toString('base64') };
    }
    if (init.phone_number !== undefined) element.phone_number = init.phone_number;
    if (init.email !== undefined) element.email = init.email;
    for (const field of ['front_side', 'reverse_side', 'selfie'] as const) {
      const bytes = init[field];
      if (bytes === undefined) continue;
      const stored = storeFile(bytes, store);
      element[field] = stored.file;
      secure[field] = stored.credentials;
    }
    for (const field of ['files', 'translation'] as const) {
      const list = init[field];
      if (list === undefined) continue;
      const stored = list.map((bytes) => storeFile(bytes, store));
      element[field] = stored.map((s) => s.file);
      secure[field] = stored.map((s) => s.credentials);
    }
    element.hash = createHash('sha256').update(JSON.stringify(element)).digest('base64');
    if (Object.keys(secure).length > 0) secureData[init.type] = secure;
    return element;
  });
  const credentials = encryptPassportBlob(
    Buffer.from(JSON.stringify({ secure_data: secureData, nonce: options.nonce })),
  );
  const secret = publicEncrypt(
    { key: options.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    credentials.secret,
  );
  return {
    data,
    credentials: {
      data: credentials.encrypted.toString('base64'),
      hash: credentials.hash.toString('base64'),
      secret: secret.toString('base64'),
    },
  };
}
