/**
 * Public types of the conversation kit.
 * @module
 */
import type { Message } from '../../api/generated/telegram-types.js';

/** A user taking part in a scripted conversation. */
export interface TestUser {
  /** The user id (also the private chat's id). */
  id: number;
  /** First name (default `Test`). */
  first_name?: string | undefined;
  /** Username, without `@`. */
  username?: string | undefined;
  /** IETF language tag. */
  language_code?: string | undefined;
}

/** What a reply or edit must look like: exact text (or caption), a pattern, or a test of the Message. */
export type MessageMatcher = string | RegExp | ((message: Message) => boolean);

/** Options of {@link Conversation.send} and the other user actions. */
export interface SendOptions {
  /** Who sends it (group chats; default the chat's first user). */
  from?: TestUser | undefined;
  /** The message it replies to: a Message of this chat or its id. */
  replyTo?: Message | number | undefined;
  /** Forum groups: the topic it is written in (its `message_thread_id`). */
  threadId?: number | undefined;
}

/** Options of the waits ({@link Conversation.expectReply}, {@link Conversation.pressButton}...). */
export interface WaitOptions {
  /** Give up after this many ms (default 10000: a loaded CI machine can be slow to start a bot). */
  timeoutMs?: number | undefined;
}

/** Options of {@link Conversation.sendDocument} and {@link Conversation.sendPhoto}. */
export interface FileSendOptions extends SendOptions {
  /** Caption shown under the file. */
  caption?: string | undefined;
  /** File name (documents; default `file.bin`, photos `photo.jpg`). */
  fileName?: string | undefined;
  /** MIME type (default `application/octet-stream`, photos `image/jpeg`). */
  mimeType?: string | undefined;
}

/** How the bot answered a pressed inline button (its answerCallbackQuery parameters). */
export interface CallbackAnswer {
  /** The toast or alert text, if any. */
  text?: string | undefined;
  /** Whether it is an alert the user must dismiss rather than a toast. */
  show_alert?: boolean | undefined;
  /** A URL the client opens (games, `t.me/bot?start=` links). */
  url?: string | undefined;
  /** Every parameter the bot sent. */
  params: Record<string, unknown>;
}

/** Options of `emu.privateChat(options)` (BotApiEmulator.privateChat). */
export interface PrivateChatOptions {
  /** The user talking to the bot (default id 1001, `Test`). */
  user?: TestUser | undefined;
}

/** Options of `emu.groupChat(options)` (BotApiEmulator.groupChat). */
export interface GroupChatOptions {
  /** The members who write in it (at least one; the first is the default sender). */
  users: TestUser[];
  /** Chat title (default `Test group`). */
  title?: string | undefined;
  /** Chat id (negative; default a new one per group). */
  id?: number | undefined;
  /** `group` or `supergroup` (default `supergroup`). */
  type?: 'group' | 'supergroup' | undefined;
  /**
   * Deliver only what a bot in privacy mode (Telegram's default for new bots) receives: commands
   * (without a bot name or with this bot's), messages mentioning the bot, replies to its messages
   * and service messages. Default false: every message reaches the bot, as for an admin bot or one
   * with privacy mode turned off in @BotFather.
   */
  privacyMode?: boolean | undefined;
  /** A forum supergroup (`is_forum`): users write in topics with `send(text, { threadId })`. */
  isForum?: boolean | undefined;
}

/** The bot's answer to an inline query (its answerInlineQuery parameters). */
export interface InlineAnswer {
  /** The results offered. */
  results: Array<Record<string, unknown>>;
  /** Every parameter the bot sent. */
  params: Record<string, unknown>;
  /** The inline query's id. */
  queryId: string;
}
