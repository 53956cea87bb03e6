/**
 * Decryption of `message.passport_data` with the bot's RSA private key, following Telegram's
 * scheme: the credentials' secret by RSA-OAEP (SHA-1), then the credentials, each element's
 * data and each file by the symmetric scheme of `./crypto.ts`.
 * @module
 */
import type { KeyObject } from 'node:crypto';
import { decryptBlob, fromBase64, nodeCrypto } from './crypto.js';
import { PassportDecryptionError } from './errors.js';
import { passportFile } from './files.js';
import type {
  AnyDecryptedPassportElement,
  DecryptedPassport,
  DecryptedPassportElement,
  DecryptedPassportFile,
  EncryptedPassportElement,
  PassportData,
  PassportElementType,
  PassportFile,
} from './types.js';

/** Options of {@link decrypt}. */
export interface PassportDecryptOptions {
  /** The bot's RSA private key: PEM text, a PEM/DER Buffer or a KeyObject. */
  privateKey: string | Uint8Array | KeyObject;
  /** The passphrase of an encrypted private key. */
  passphrase?: string;
  /** The nonce the bot sent with the authorization request; a mismatch is refused. */
  nonce?: string;
}

interface FileCredentials {
  file_hash: string;
  secret: string;
}
interface SecureValue {
  data?: { data_hash: string; secret: string };
  front_side?: FileCredentials;
  reverse_side?: FileCredentials;
  selfie?: FileCredentials;
  translation?: FileCredentials[];
  files?: FileCredentials[];
}
interface Credentials {
  secure_data: Partial<Record<PassportElementType, SecureValue>>;
  nonce: string;
}

const FILE_FIELDS = ['front_side', 'reverse_side', 'selfie'] as const;
const FILE_LISTS = ['files', 'translation'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: Buffer, what: string, element?: PassportElementType): unknown {
  try {
    return JSON.parse(text.toString('utf8'));
  } catch {
    throw new PassportDecryptionError(`${what} is not valid JSON after decryption`, 'format', element);
  }
}

function fileOf(
  file: PassportFile,
  credentials: FileCredentials | undefined,
  type: PassportElementType,
): DecryptedPassportFile {
  if (!isObject(file) || !credentials || typeof credentials.file_hash !== 'string') {
    throw new PassportDecryptionError('a passport file has no credentials', 'missing-credentials', type);
  }
  const secret = fromBase64(credentials.secret, 'a file secret', type);
  const hash = fromBase64(credentials.file_hash, 'a file hash', type);
  return passportFile(file, credentials, secret, hash, type);
}

async function decryptElement(
  element: EncryptedPassportElement,
  credentials: Credentials,
): Promise<DecryptedPassportElement> {
  if (!isObject(element) || typeof element.type !== 'string') {
    throw new PassportDecryptionError('an element of passport_data is not an EncryptedPassportElement', 'format');
  }
  const type = element.type;
  const out: DecryptedPassportElement = { type, hash: element.hash };
  if (element.phone_number !== undefined) out.phone_number = element.phone_number;
  if (element.email !== undefined) out.email = element.email;
  const secure = credentials.secure_data[type];
  if (element.data !== undefined) {
    if (!secure?.data)
      throw new PassportDecryptionError('the element has data but no credentials for it', 'missing-credentials', type);
    const crypto = await nodeCrypto();
    const plain = decryptBlob(
      crypto,
      fromBase64(element.data, 'element data', type),
      fromBase64(secure.data.secret, 'a data secret', type),
      fromBase64(secure.data.data_hash, 'a data hash', type),
      'the element data',
      type,
    );
    const data = parseJson(plain, 'the element data', type);
    if (!isObject(data)) throw new PassportDecryptionError('the element data is not an object', 'format', type);
    out.data = data as never;
    out.data_hash = secure.data.data_hash;
  }
  for (const field of FILE_FIELDS) {
    const file = element[field];
    if (file !== undefined) out[field] = fileOf(file, secure?.[field], type);
  }
  for (const field of FILE_LISTS) {
    const files = element[field];
    if (files === undefined) continue;
    if (!Array.isArray(files)) throw new PassportDecryptionError(`${field} is not an array`, 'format', type);
    out[field] = files.map((file, index) => fileOf(file, secure?.[field]?.[index], type));
  }
  return out;
}

/**
 * Decrypts Telegram Passport data (`message.passport_data`) with the bot's private key.
 * Returns `{ nonce, elements }`, every element with its decrypted `data` where the type has
 * data, and its files as descriptors that download and decrypt on request. Throws a
 * {@link PassportDecryptionError} — never half-decrypted data — on a wrong key, tampered
 * ciphertext, a bad hash or padding, or a nonce other than `options.nonce`.
 *
 * ```ts
 * bot.handleMsg({ contentTypes: ['passport_data'] }, async (message) => {
 *   const result = await passport.decrypt(message.passport_data!, { privateKey, nonce });
 *   const details = result.element('personal_details'); // typed: details?.data?.first_name
 * });
 * ```
 */
export async function decrypt(passportData: PassportData, options: PassportDecryptOptions): Promise<DecryptedPassport> {
  if (!isObject(passportData) || !Array.isArray(passportData.data) || !isObject(passportData.credentials)) {
    throw new PassportDecryptionError('passport_data must be an object with data and credentials', 'format');
  }
  if (!isObject(options) || options.privateKey === undefined) {
    throw new PassportDecryptionError('passport.decrypt needs { privateKey }', 'format');
  }
  const crypto = await nodeCrypto();
  const encrypted = passportData.credentials;
  const encryptedSecret = fromBase64(encrypted.secret, 'the credentials secret');
  let secret: Buffer;
  try {
    const key = options.privateKey instanceof Uint8Array ? Buffer.from(options.privateKey) : options.privateKey;
    const keyInput =
      typeof key === 'string' || Buffer.isBuffer(key)
        ? crypto.createPrivateKey({ key, passphrase: options.passphrase })
        : key;
    secret = crypto.privateDecrypt(
      { key: keyInput, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
      encryptedSecret,
    );
  } catch {
    // The cause is left out on purpose: key parsing errors can quote key material.
    throw new PassportDecryptionError(
      'the credentials secret could not be decrypted: wrong private key or passphrase, or tampered data',
      'key',
    );
  }
  const plain = decryptBlob(
    crypto,
    fromBase64(encrypted.data, 'the credentials data'),
    secret,
    fromBase64(encrypted.hash, 'the credentials hash'),
    'the credentials',
  );
  const credentials = parseJson(plain, 'the credentials');
  if (!isObject(credentials) || !isObject(credentials.secure_data) || typeof credentials.nonce !== 'string') {
    throw new PassportDecryptionError('the credentials have no secure_data or nonce', 'format');
  }
  if (options.nonce !== undefined && credentials.nonce !== options.nonce) {
    throw new PassportDecryptionError('the nonce does not match the one the bot sent', 'nonce');
  }
  const elements: DecryptedPassportElement[] = [];
  for (const element of passportData.data)
    elements.push(await decryptElement(element, credentials as unknown as Credentials));
  return {
    nonce: credentials.nonce,
    elements: elements as AnyDecryptedPassportElement[],
    element: <T extends PassportElementType>(type: T) =>
      elements.find((e) => e.type === type) as DecryptedPassportElement<T> | undefined,
  };
}
