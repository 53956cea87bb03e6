/**
 * Builders of Telegram's `PassportElementError*` objects for `setPassportDataErrors`. Each takes
 * the decrypted element (and file), so the hashes Telegram wants come from what the bot
 * received. The user cannot re-submit until the named field or file changes.
 *
 * ```ts
 * await bot.setPassportDataErrors(message.from!.id, [
 *   passport.dataFieldError(doc, 'document_no', 'The number does not match the scan'),
 *   passport.selfieError(doc, 'The selfie is blurry'),
 * ]);
 * ```
 * @module
 */
import type { DecryptedPassportElement, DecryptedPassportFile, IdDocumentType, PassportElementType } from './types.js';

type Documents = IdDocumentType;
type DataTypes = 'personal_details' | 'address' | IdDocumentType;
type FileTypes =
  | 'utility_bill'
  | 'bank_statement'
  | 'rental_agreement'
  | 'passport_registration'
  | 'temporary_registration';
type TranslationTypes = Documents | FileTypes;

/** Telegram's `PassportElementErrorDataField`. */
export interface PassportElementErrorDataField {
  /** Always `data`. */ source: 'data';
  /** The element type. */ type: DataTypes;
  /** Name of the data field with the error. */ field_name: string;
  /** Base64-encoded data hash. */ data_hash: string;
  /** Error message shown to the user. */ message: string;
}
/** Telegram's `PassportElementErrorFrontSide`, `…ReverseSide` and `…Selfie`. */
export interface PassportElementErrorSide<
  S extends 'front_side' | 'reverse_side' | 'selfie' = 'front_side' | 'reverse_side' | 'selfie',
> {
  /** Which side. */ source: S;
  /** The element type (a reverse side exists for driver licenses and identity cards only). */
  type: S extends 'reverse_side' ? 'driver_license' | 'identity_card' : Documents;
  /** Base64-encoded hash of the file. */ file_hash: string;
  /** Error message shown to the user. */ message: string;
}
/** Telegram's `PassportElementErrorFile` and `…TranslationFile`. */
export interface PassportElementErrorFile<S extends 'file' | 'translation_file' = 'file' | 'translation_file'> {
  /** `file` or `translation_file`. */ source: S;
  /** The element type. */ type: S extends 'file' ? FileTypes : TranslationTypes;
  /** Base64-encoded hash of the file. */ file_hash: string;
  /** Error message shown to the user. */ message: string;
}
/** Telegram's `PassportElementErrorFiles` and `…TranslationFiles`. */
export interface PassportElementErrorFiles<S extends 'files' | 'translation_files' = 'files' | 'translation_files'> {
  /** `files` or `translation_files`. */ source: S;
  /** The element type. */ type: S extends 'files' ? FileTypes : TranslationTypes;
  /** Base64-encoded hashes of the files. */ file_hashes: string[];
  /** Error message shown to the user. */ message: string;
}
/** Telegram's `PassportElementErrorUnspecified`. */
export interface PassportElementErrorUnspecified {
  /** Always `unspecified`. */ source: 'unspecified';
  /** The element type. */ type: PassportElementType;
  /** Base64-encoded element hash. */ element_hash: string;
  /** Error message shown to the user. */ message: string;
}
/** Any `PassportElementError`. */
export type PassportElementError =
  | PassportElementErrorDataField
  | PassportElementErrorSide<'front_side'>
  | PassportElementErrorSide<'reverse_side'>
  | PassportElementErrorSide<'selfie'>
  | PassportElementErrorFile<'file'>
  | PassportElementErrorFile<'translation_file'>
  | PassportElementErrorFiles<'files'>
  | PassportElementErrorFiles<'translation_files'>
  | PassportElementErrorUnspecified;

function need<T>(value: T | undefined, what: string, element: DecryptedPassportElement): T {
  if (value === undefined) throw new TypeError(`the ${element.type} element has no ${what}`);
  return value;
}

/** An error in one field of the element's data (e.g. `document_no`, `first_name`). */
export function dataFieldError(
  element: DecryptedPassportElement,
  fieldName: string,
  message: string,
): PassportElementErrorDataField {
  return {
    source: 'data',
    type: element.type as DataTypes,
    field_name: fieldName,
    data_hash: need(element.data_hash, 'data', element),
    message,
  };
}

function sideError<S extends PassportElementErrorSide['source']>(
  source: S,
  element: DecryptedPassportElement,
  message: string,
): PassportElementErrorSide<S> {
  return {
    source,
    type: element.type as PassportElementErrorSide<S>['type'],
    file_hash: need<DecryptedPassportFile>(element[source as PassportElementErrorSide['source']], source, element)
      .file_hash,
    message,
  };
}
/** An error in the front side scan of a document. */
export function frontSideError(
  element: DecryptedPassportElement,
  message: string,
): PassportElementErrorSide<'front_side'> {
  return sideError('front_side', element, message);
}
/** An error in the reverse side scan of a document. */
export function reverseSideError(
  element: DecryptedPassportElement,
  message: string,
): PassportElementErrorSide<'reverse_side'> {
  return sideError('reverse_side', element, message);
}
/** An error in the selfie with a document. */
export function selfieError(element: DecryptedPassportElement, message: string): PassportElementErrorSide<'selfie'> {
  return sideError('selfie', element, message);
}
/** An error in one document file (`files`) of the element. */
export function fileError(
  element: DecryptedPassportElement,
  file: DecryptedPassportFile,
  message: string,
): PassportElementErrorFile<'file'> {
  return { source: 'file', type: element.type as FileTypes, file_hash: file.file_hash, message };
}
/** An error in the element's document files as a whole. */
export function filesError(element: DecryptedPassportElement, message: string): PassportElementErrorFiles<'files'> {
  const files = need(element.files, 'files', element);
  return { source: 'files', type: element.type as FileTypes, file_hashes: files.map((f) => f.file_hash), message };
}
/** An error in one translation file of the element. */
export function translationFileError(
  element: DecryptedPassportElement,
  file: DecryptedPassportFile,
  message: string,
): PassportElementErrorFile<'translation_file'> {
  return { source: 'translation_file', type: element.type as TranslationTypes, file_hash: file.file_hash, message };
}
/** An error in the element's translation as a whole. */
export function translationFilesError(
  element: DecryptedPassportElement,
  message: string,
): PassportElementErrorFiles<'translation_files'> {
  const files = need(element.translation, 'translation', element);
  return {
    source: 'translation_files',
    type: element.type as TranslationTypes,
    file_hashes: files.map((f) => f.file_hash),
    message,
  };
}
/** An error in the element as a whole (e.g. a phone number or email to re-check). */
export function unspecifiedError(element: DecryptedPassportElement, message: string): PassportElementErrorUnspecified {
  return { source: 'unspecified', type: element.type, element_hash: element.hash, message };
}
