/**
 * `passport`: Telegram Passport for bots — decrypt what users share (`decrypt`), tell them what
 * to fix (`dataFieldError` … for `setPassportDataErrors`) and ask for documents
 * (`authorizationUrl`).
 *
 * ```ts
 * import { passport } from 'botte';
 * const { elements } = await passport.decrypt(message.passport_data!, { privateKey, nonce });
 * ```
 * @module
 */
export { decrypt, type PassportDecryptOptions } from './decrypt.js';
export { PassportDecryptionError, type PassportFailure } from './errors.js';
export {
  dataFieldError,
  frontSideError,
  reverseSideError,
  selfieError,
  fileError,
  filesError,
  translationFileError,
  translationFilesError,
  unspecifiedError,
  type PassportElementError,
  type PassportElementErrorDataField,
  type PassportElementErrorSide,
  type PassportElementErrorFile,
  type PassportElementErrorFiles,
  type PassportElementErrorUnspecified,
} from './element-errors.js';
export {
  scope,
  authorizationParams,
  authorizationUrl,
  type PassportScope,
  type PassportScopeElement,
  type PassportScopeElementOne,
  type PassportScopeElementOneOfSeveral,
  type PassportRequestOptions,
  type PassportRequestParams,
} from './request.js';
export type * from './types.js';
