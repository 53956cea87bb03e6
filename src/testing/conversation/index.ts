/**
 * The conversation kit: scripted chats between test users and a bot running on the emulator.
 * @module
 */
export { Conversation, type ConversationHost } from './conversation.js';
export { ChatBase } from './chat-base.js';
export {
  chooseInlineResult,
  DEFAULT_TEST_USER,
  groupChat,
  inlineQuery,
  privateChat,
  type ChooseInlineResultOptions,
  type InlineQueryOptions,
} from './chats.js';
export type {
  ContactSendOptions,
  LocationSendOptions,
  MediaKind,
  MediaSendOptions,
  MessageContent,
} from './user-content.js';
export type { PayInvoiceOptions, PaymentResult } from './payments.js';
export type { MemberChangeOptions } from './members.js';
export { ChatTracker, type ChatEvent, type ReplyKeyboard } from './tracker.js';
export type {
  CallbackAnswer,
  FileSendOptions,
  GroupChatOptions,
  InlineAnswer,
  MessageMatcher,
  PrivateChatOptions,
  SendOptions,
  TestUser,
  WaitOptions,
} from './types.js';
