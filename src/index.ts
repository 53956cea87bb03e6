/**
 * Botte: a Telegram Bot API framework for TypeScript on Node.js.
 *
 * ```ts
 * import { Botte } from 'botte';
 * const bot = new Botte(process.env.BOT_TOKEN!);
 * bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Howdy!'));
 * bot.runthebot();
 * ```
 * @module
 */
export { Botte } from './runner/botte.js';
export { AsyncBotte } from './runner/async-botte.js';
export { FileUpdateJournal, type UpdateJournal } from './runner/update-journal.js';
export { ApiClient, type CallOptions } from './api/client.js';
export { UnknownFilterKeyError } from './dispatch/dispatch-state.js';
export { MalformedUpdateError } from './dispatch/malformed-update.js';
export { StateFileLockedError } from './states/file-lock.js';
export type {
  UpdateType,
  MessageFilters,
  InChat,
  UpdateFilters,
  CallbackQueryFilters,
  FiltersOf,
  Handler,
  Predicate,
  ChatType,
  CustomFilterKeys,
  CallbackQueryWithData,
  EditedMessage,
  TypedMiddleware,
  WholeUpdateMiddleware,
  Guard,
} from './dispatch/types.js';
export {
  MemoryHandlerBackend,
  FileHandlerBackend,
  stepHandlers,
  type HandlerBackend,
  type StepEntry,
} from './states/step-backends.js';
export type { SaveStepsOptions, LoadStepsOptions } from './dispatch/saved-steps.js';
export {
  apihelper,
  asyncioHelper,
  type ApiHelperSettings,
  type CustomRequestSender,
  type ProxySetting,
  type TransportKind,
} from './api/settings.js';
export {
  ApiException,
  ApiTelegramException,
  ApiHTTPException,
  ApiInvalidJSONException,
  LocalFileError,
  type TelegramErrorJson,
} from './api/errors.js';
export { NoReplyTargetError } from './api/reply-target.js';
export type { BotteOptions } from './runner/options.js';
export type { ExceptionHandler as ExceptionHandlerLike } from './dispatch/options.js';
export type { RetryOptions, FloodControlOptions } from './api/options.js';
export type { FloodLimiter } from './api/flood-limiter.js';
export { ExceptionHandler } from './dispatch/exception-handler.js';
export type { BotApiMethods } from './api/generated/bot-api-methods.js';
export type { ApiParams, ApiResult, MessageExtras } from './api/method-spec.js';
export type { MethodName } from './api/generated/method-table.js';
export { logger } from './logger.js';
export { InputFile } from './types/input-file.js';
export type { Message, ContentType, MessageWith } from './types/message.js';
export * as types from './types/index.js';
export * as util from './util/index.js';
export * as formatting from './formatting/index.js';
export * as passport from './passport/index.js';
export * as customFilters from './dispatch/custom-filters/index.js';
export * as handlerBackends from './dispatch/handler-backends.js';
export * as states from './states/index.js';
export * as callbackData from './callback-data/index.js';
/** pyTelegramBotAPI's `telebot.storage` module: the state storages (the same module as `states`). */
export * as storage from './states/index.js';
export {
  State,
  StatesGroup,
  StateMemoryStorage,
  StateFileStorage,
  StateRedisStorage,
  RedisHandlerBackend,
  type StateStorage,
} from './states/index.js';
export * from './webhook/index.js';
export { RuntimeFeatureUnavailableError } from './runtime/node-only.js';
