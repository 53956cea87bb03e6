/**
 * `botte/testing`: a local Telegram Bot API emulator for tests. Start one with
 * {@link BotApiEmulator.start}, point the bot at `emu.apiUrl`/`emu.fileUrl`, push updates, assert
 * on `emu.calls`, override answers with `onMethod` and break things with `injectFault`.
 * @module
 */
export { BotApiEmulator, DEFAULT_TEST_TOKEN, type PushCallbackQueryOptions } from './server.js';
export { TelegramError, type TelegramErrorParameters } from './telegram-error.js';
export { attachedFile, decodeFormValue } from './body-parsing.js';
export { BOT_API_METHODS, canonicalMethodName } from './method-names.js';
export { OPT_IN_UPDATE_TYPES } from './updates.js';
export type { WaitForCallOptions, CallMoment } from './call-log.js';
export type { WebhookState } from './default-methods.js';
export {
  MAX_KEPT_FILE_BYTES,
  type BodyKind,
  type EmulatorOptions,
  type FaultKind,
  type FaultSpec,
  type MethodHandler,
  type PushMessageOptions,
  type RecordedCall,
  type StoredFileInfo,
  type UpdateInit,
  type UploadedFile,
} from './types.js';
export {
  encryptPassportData,
  encryptPassportBlob,
  type EncryptPassportOptions,
  type PassportElementInit,
  type PassportFileStore,
} from './passport.js';
export {
  ChatTracker,
  Conversation,
  DEFAULT_TEST_USER,
  type CallbackAnswer,
  type ChatEvent,
  type ChooseInlineResultOptions,
  type ConversationHost,
  type FileSendOptions,
  type GroupChatOptions,
  type InlineAnswer,
  type InlineQueryOptions,
  type MessageMatcher,
  type PrivateChatOptions,
  type ReplyKeyboard,
  type SendOptions,
  type TestUser,
  type WaitOptions,
} from './conversation/index.js';
export type { ContactSendOptions, LocationSendOptions, MessageContent } from './conversation/index.js';
export type { MemberChangeOptions, PayInvoiceOptions, PaymentResult } from './conversation/index.js';
export type { MediaKind, MediaSendOptions } from './conversation/index.js';
export type { RunBotOptions, RunnableBot } from './bot-runs.js';
export { ChatBase } from './conversation/index.js';
export type { RateLimitOptions } from './rules/rate-limits.js';
export type { WebhookDeliveryOptions } from './webhook-delivery.js';
export {
  runStateStorageContract,
  runHandlerBackendContract,
  type MakeStateStorage,
  type MakeHandlerBackend,
} from './contracts/index.js';
