/**
 * The `types` namespace: `import { types } from 'botte'`.
 *
 * - every Telegram type as a TypeScript type (`types.User`, `types.Chat`, `types.Update`, ...);
 * - `types.Message`: Telegram's Message plus `content_type` and `from_user`;
 * - constructible classes with required fields positional and the rest in an options object with
 *   Telegram's names, serialising to exactly Telegram's JSON (`new types.ReplyKeyboardMarkup()`,
 *   `new types.InlineQueryResultArticle(id, title, content)`, `new types.InputMediaPhoto(media)`, ...);
 * - `types.InputFile` for uploads.
 * @module
 */

// Telegram's types as types only. The names below that Botte defines itself (classes, Message, the
// generic Input* unions with Botte's upload type as default) shadow these star re-exports.
export type * from '../api/generated/telegram-types.js';

export { InputFile, isUploadable, toInputFile } from './input-file.js';
export type { InputFileSource, Uploadable } from './input-file.js';

export { extractAttachments, hasNestedUploads, CarriesFiles } from './attachments.js';
export type { ExtractedAttachments } from './attachments.js';

export {
  contentTypes,
  contentTypeMedia,
  contentTypeService,
  contentTypeOf,
  enrichMessage,
  enrichUpdate,
} from './message.js';
export type { ContentType, MessageExtras, MessageWith, MaybeInaccessibleMessage } from './message.js';
// Each of these is the TypeScript type and a value with `deJson(json)` (pyTelegramBotAPI's `de_json`).
export {
  Update,
  Message,
  CallbackQuery,
  User,
  Chat,
  InlineQuery,
  ChosenInlineResult,
  ShippingQuery,
  PreCheckoutQuery,
  Poll,
  PollAnswer,
  ChatMemberUpdated,
  ChatJoinRequest,
  File,
  WebhookInfo,
} from './de-json.js';
export type { JsonDeserializer } from './de-json.js';

export {
  MAX_REPLY_ROW_WIDTH,
  MAX_INLINE_ROW_WIDTH,
  KeyboardButton,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  WebAppInfo,
  LoginUrl,
  SwitchInlineQueryChosenChat,
  CopyTextButton,
  KeyboardButtonPollType,
} from './keyboards.js';
export type {
  KeyboardButtonOptions,
  ReplyKeyboardMarkupOptions,
  InlineKeyboardButtonOptions,
  InlineKeyboardButtonConstructor,
  InlineKeyboardMarkupOptions,
} from './keyboards.js';

export {
  InlineQueryResultArticle,
  InlineQueryResultPhoto,
  InlineQueryResultGif,
  InlineQueryResultMpeg4Gif,
  InlineQueryResultVideo,
  InlineQueryResultAudio,
  InlineQueryResultVoice,
  InlineQueryResultDocument,
  InlineQueryResultLocation,
  InlineQueryResultVenue,
  InlineQueryResultContact,
  InlineQueryResultGame,
  InlineQueryResultsButton,
} from './inline-query-results.js';
export type {
  InlineQueryResultArticleOptions,
  InlineQueryResultPhotoOptions,
  InlineQueryResultGifOptions,
  InlineQueryResultMpeg4GifOptions,
  InlineQueryResultVideoOptions,
  InlineQueryResultAudioOptions,
  InlineQueryResultVoiceOptions,
  InlineQueryResultDocumentOptions,
  InlineQueryResultLocationOptions,
  InlineQueryResultVenueOptions,
  InlineQueryResultContactOptions,
  InlineQueryResultGameOptions,
} from './inline-query-results.js';

export {
  InlineQueryResultCachedPhoto,
  InlineQueryResultCachedGif,
  InlineQueryResultCachedMpeg4Gif,
  InlineQueryResultCachedSticker,
  InlineQueryResultCachedDocument,
  InlineQueryResultCachedVideo,
  InlineQueryResultCachedVoice,
  InlineQueryResultCachedAudio,
} from './inline-query-results-cached.js';
export type {
  InlineQueryResultCachedPhotoOptions,
  InlineQueryResultCachedGifOptions,
  InlineQueryResultCachedMpeg4GifOptions,
  InlineQueryResultCachedStickerOptions,
  InlineQueryResultCachedDocumentOptions,
  InlineQueryResultCachedVideoOptions,
  InlineQueryResultCachedVoiceOptions,
  InlineQueryResultCachedAudioOptions,
} from './inline-query-results-cached.js';

export {
  InputTextMessageContent,
  InputRichMessageContent,
  InputLocationMessageContent,
  InputVenueMessageContent,
  InputContactMessageContent,
  InputInvoiceMessageContent,
} from './input-message-contents.js';
export type {
  InputTextMessageContentOptions,
  InputLocationMessageContentOptions,
  InputVenueMessageContentOptions,
  InputContactMessageContentOptions,
  InputInvoiceMessageContentOptions,
} from './input-message-contents.js';

export {
  InputMediaPhoto,
  InputMediaVideo,
  InputMediaAnimation,
  InputMediaAudio,
  InputMediaDocument,
  InputMediaLivePhoto,
  InputMediaSticker,
  InputMediaVoiceNote,
  InputMediaLink,
  InputMediaLocation,
  InputMediaVenue,
} from './input-media.js';
export type {
  MediaSource,
  InputMedia,
  InputPollMedia,
  InputPollOptionMedia,
  InputMediaPhotoOptions,
  InputMediaVideoOptions,
  InputMediaAnimationOptions,
  InputMediaAudioOptions,
  InputMediaDocumentOptions,
  InputMediaLivePhotoOptions,
  InputMediaStickerOptions,
  InputMediaVoiceNoteOptions,
  InputMediaLocationOptions,
  InputMediaVenueOptions,
} from './input-media.js';

export {
  InputPaidMediaPhoto,
  InputPaidMediaVideo,
  InputPaidMediaLivePhoto,
  InputSticker,
  InputProfilePhotoStatic,
  InputProfilePhotoAnimated,
  InputStoryContentPhoto,
  InputStoryContentVideo,
} from './input-uploads.js';
export type {
  InputPaidMedia,
  InputProfilePhoto,
  InputStoryContent,
  InputPaidMediaVideoOptions,
  InputStickerOptions,
  InputProfilePhotoAnimatedOptions,
  InputStoryContentVideoOptions,
} from './input-uploads.js';

export {
  ReplyParameters,
  LinkPreviewOptions,
  MessageEntity,
  ReactionTypeEmoji,
  ReactionTypeCustomEmoji,
  ReactionTypePaid,
} from './reply-options.js';
export type {
  ReplyParametersOptions,
  MessageEntityType,
  MessageEntityOptions,
  MessageEntityConstructor,
} from './reply-options.js';

export {
  BotCommand,
  BotCommandScopeDefault,
  BotCommandScopeAllPrivateChats,
  BotCommandScopeAllGroupChats,
  BotCommandScopeAllChatAdministrators,
  BotCommandScopeChat,
  BotCommandScopeChatAdministrators,
  BotCommandScopeChatMember,
  MenuButtonCommands,
  MenuButtonWebApp,
  MenuButtonDefault,
  ChatPermissions,
} from './bot-settings.js';

export { LabeledPrice, ShippingOption } from './payments.js';

export { InputPollOption, InputChecklistTask, InputChecklist } from './polls.js';
export type { InputPollOptionOptions, InputChecklistTaskOptions, InputChecklistOptions } from './polls.js';
