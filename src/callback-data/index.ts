/**
 * The `callbackData` namespace (pyTelegramBotAPI's `callback_data` module): the
 * {@link CallbackData} factory, its {@link CallbackDataFilter} and a ready-made custom filter.
 * @module
 */
export {
  CallbackData,
  CallbackDataError,
  CallbackDataTooLongError,
  MAX_CALLBACK_DATA_BYTES,
} from './callback-data.js';
export type {
  CallbackDataOptions,
  CallbackDataValue,
  CallbackDataErrorCode,
  ParsedCallbackData,
} from './callback-data.js';
export { CallbackDataFilter, CallbackDataCustomFilter } from './filter.js';
