/**
 * Shapes of Telegram Passport data as the Bot API delivers it (`message.passport_data`) and as
 * {@link decrypt} returns it. Telegram's fields keep Telegram's spelling.
 * @module
 */
import type { PassportFile } from '../api/generated/telegram-types.js';

/** Every Telegram Passport element type. */
export type PassportElementType =
  | 'personal_details'
  | 'passport'
  | 'driver_license'
  | 'identity_card'
  | 'internal_passport'
  | 'address'
  | 'utility_bill'
  | 'bank_statement'
  | 'rental_agreement'
  | 'passport_registration'
  | 'temporary_registration'
  | 'phone_number'
  | 'email';

/** Element types whose `data` is an identity document ({@link IdDocumentData}). */
export type IdDocumentType = 'passport' | 'driver_license' | 'identity_card' | 'internal_passport';

// Telegram's own Passport objects, as the Bot API description (spec/bot-api.json) defines them.
export type {
  PassportFile,
  EncryptedPassportElement,
  EncryptedCredentials,
  PassportData,
} from '../api/generated/telegram-types.js';

/** Decrypted `personal_details` data. */
export interface PersonalDetails {
  /** First name. */
  first_name: string;
  /** Last name. */
  last_name: string;
  /** Middle name. */
  middle_name?: string;
  /** Date of birth, DD.MM.YYYY. */
  birth_date: string;
  /** `male` or `female`. */
  gender: string;
  /** Citizenship, ISO 3166-1 alpha-2. */
  country_code: string;
  /** Country of residence, ISO 3166-1 alpha-2. */
  residence_country_code: string;
  /** First name in the language of the country of residence. */
  first_name_native?: string;
  /** Last name in the language of the country of residence. */
  last_name_native?: string;
  /** Middle name in the language of the country of residence. */
  middle_name_native?: string;
}

/** Decrypted `address` data. */
export interface ResidentialAddress {
  /** First line of the address. */
  street_line1: string;
  /** Second line of the address. */
  street_line2?: string;
  /** City. */
  city: string;
  /** State. */
  state?: string;
  /** ISO 3166-1 alpha-2 country code. */
  country_code: string;
  /** Postal code. */
  post_code: string;
}

/** Decrypted data of an identity document. */
export interface IdDocumentData {
  /** Document number. */
  document_no: string;
  /** Date of expiry, DD.MM.YYYY. */
  expiry_date?: string;
}

/** The decrypted `data` of an element of type `T`. */
export type PassportElementData<T extends PassportElementType> = T extends 'personal_details'
  ? PersonalDetails
  : T extends 'address'
    ? ResidentialAddress
    : T extends IdDocumentType
      ? IdDocumentData
      : never;

/**
 * A Passport file with what decrypts it. `decrypt` takes the encrypted bytes; `download`
 * fetches them through the bot first; `decryptStream` decrypts chunk by chunk in constant
 * memory (the hash is checked at the end: the stream errors there when the file was tampered
 * with, so discard what it wrote).
 */
export interface DecryptedPassportFile extends PassportFile {
  /** Base64-encoded file hash, as PassportElementError* objects name the file. */
  file_hash: string;
  /** Decrypts the file's encrypted bytes; throws a PassportDecryptionError on a bad hash. */
  decrypt(encrypted: Uint8Array): Promise<Uint8Array>;
  /** Decrypts a stream of encrypted bytes into a stream of plain bytes, in constant memory. */
  decryptStream(encrypted: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array>;
  /** Downloads the file through `bot` (getFile, then the file URL) and decrypts it. */
  download(bot: PassportFileDownloader): Promise<Uint8Array>;
}

/** What {@link DecryptedPassportFile.download} needs of a bot: `getFile` and `downloadFile`. */
export interface PassportFileDownloader {
  /** Telegram's getFile. */
  getFile(fileId: string): Promise<{ file_path?: string }>;
  /** Downloads a file by its `file_path`. */
  downloadFile(filePath: string): Promise<Uint8Array>;
}

/** A decrypted Passport element of type `T`. */
export interface DecryptedPassportElement<T extends PassportElementType = PassportElementType> {
  /** The element type. */
  type: T;
  /** Base64-encoded element hash (PassportElementErrorUnspecified names the element by it). */
  hash: string;
  /** The decrypted data, for personal details, addresses and identity documents. */
  data?: PassportElementData<T>;
  /** Base64-encoded hash of the data, as PassportElementErrorDataField names it. */
  data_hash?: string;
  /** The phone number (type `phone_number`). */
  phone_number?: string;
  /** The email address (type `email`). */
  email?: string;
  /** Front side of the document. */
  front_side?: DecryptedPassportFile;
  /** Reverse side of the document. */
  reverse_side?: DecryptedPassportFile;
  /** Selfie with the document. */
  selfie?: DecryptedPassportFile;
  /** Document files. */
  files?: DecryptedPassportFile[];
  /** Translations of the document. */
  translation?: DecryptedPassportFile[];
}

/** Any decrypted element, discriminated by `type` (so `if (e.type === 'address')` narrows `data`). */
export type AnyDecryptedPassportElement = {
  [T in PassportElementType]: DecryptedPassportElement<T>;
}[PassportElementType];

/** What {@link decrypt} returns. */
export interface DecryptedPassport {
  /** The nonce the bot sent with the authorization request. */
  nonce: string;
  /** The shared elements, decrypted, in Telegram's order. */
  elements: AnyDecryptedPassportElement[];
  /** The element of `type`, typed, or undefined when the user did not share one. */
  element<T extends PassportElementType>(type: T): DecryptedPassportElement<T> | undefined;
}
