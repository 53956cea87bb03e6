/**
 * What the emulator remembers about chats, users and messages, so that answers are consistent:
 * message ids count per chat, replies and edits find the message, getChat knows pushed chats.
 * @module
 */
import type { Chat, Message, User } from '../api/generated/telegram-types.js';
import { badRequest } from './telegram-error.js';
import type { PushMessageOptions } from './types.js';
import { userTextEntities } from './user-entities.js';

/** Most messages remembered for replies, edits and forwards (oldest are forgotten first). */
const MAX_STORED_MESSAGES = 20_000;

/** Unix time now, as Telegram dates are. */
export function unixNow(): number {
  return Math.floor(Date.now() / 1000);
}

/** A loosely typed message while it is being built. */
export type MessageDraft = Record<string, unknown> & { message_id: number; date: number; chat: Chat };

/** Chats, users and messages seen by one emulator. */
export class ChatDirectory {
  private readonly chats = new Map<number, Chat>();
  private readonly users = new Map<number, User>();
  private readonly lastMessageId = new Map<number, number>();
  private readonly messages = new Map<string, MessageDraft>();
  /** Chat of each pushed callback query, by id: an ephemeral reply may name only the query (Bot API 10.4). */
  private readonly callbackQueryChats = new Map<string, number>();

  /** Remembers the chat a pushed callback query came from. */
  noteCallbackQuery(id: string, chatId: number): void {
    this.callbackQueryChats.set(id, chatId);
  }

  /** The chat of pushed callback query `id`, if the emulator pushed it. */
  callbackQueryChat(id: unknown): number | undefined {
    return typeof id === 'string' ? this.callbackQueryChats.get(id) : undefined;
  }

  /** Creates a directory that knows the bot itself. */
  constructor(readonly bot: User) {
    this.users.set(bot.id, bot);
  }

  /** Remembers a chat (later getChat and replies use it). */
  rememberChat(chat: Chat): void {
    this.chats.set(chat.id, chat);
  }

  /** Remembers a user. */
  rememberUser(user: User): void {
    this.users.set(user.id, user);
  }

  /** A known user, or a plausible one made up from the id. */
  user(id: number): User {
    return this.users.get(id) ?? { id, is_bot: false, first_name: `User ${id}` };
  }

  /**
   * The chat a `chat_id` parameter names: a remembered chat, else private for positive ids,
   * supergroup for negative ids and channel for `@username`. Throws 400 when it is missing.
   */
  chat(chatId: unknown): Chat {
    if (chatId === undefined || chatId === null || chatId === '') throw badRequest('chat_id is empty');
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const username = chatId.slice(1);
      const known = [...this.chats.values()].find((c) => 'username' in c && c.username === username);
      if (known) return known;
      const chat: Chat = {
        id: -1_000_000_000_000 - stableNumber(username),
        type: 'channel',
        title: username,
        username,
      };
      this.rememberChat(chat);
      return chat;
    }
    const id = typeof chatId === 'number' ? chatId : Number(chatId);
    if (!Number.isSafeInteger(id) || id === 0) throw badRequest('chat not found');
    const known = this.chats.get(id);
    if (known) return known;
    if (id > 0) {
      const user = this.user(id);
      return {
        id,
        type: 'private',
        first_name: user.first_name,
        ...(user.username ? { username: user.username } : {}),
      };
    }
    return { id, type: 'supergroup', title: `Chat ${id}` };
  }

  /** Whether the emulator has seen this chat (a pushed message or update, or `rememberChat`). */
  isKnown(chatId: number): boolean {
    return this.chats.has(chatId);
  }

  /** The next message_id in a chat (ids are per chat and shared by bot and users, as in Telegram). */
  nextMessageId(chatId: number): number {
    const next = (this.lastMessageId.get(chatId) ?? 0) + 1;
    this.lastMessageId.set(chatId, next);
    return next;
  }

  /** Remembers a message (replaces an older version with the same id). */
  store(message: MessageDraft): void {
    const key = `${message.chat.id}:${message.message_id}`;
    this.messages.delete(key);
    this.messages.set(key, message);
    if (this.messages.size > MAX_STORED_MESSAGES) this.messages.delete(this.messages.keys().next().value!);
    if (message.message_id > (this.lastMessageId.get(message.chat.id) ?? 0))
      this.lastMessageId.set(message.chat.id, message.message_id);
  }

  /** A remembered message. */
  find(chatId: number, messageId: unknown): MessageDraft | undefined {
    return this.messages.get(`${chatId}:${Number(messageId)}`);
  }

  /** Forgets a message; true when it was known. */
  delete(chatId: number, messageId: unknown): boolean {
    return this.messages.delete(`${chatId}:${Number(messageId)}`);
  }

  /** Builds the Message a user sends, for {@link BotApiEmulator.pushMessage}. */
  incoming(text: string | undefined, options: PushMessageOptions): { type: string; message: MessageDraft } {
    const chatType = options.chatType ?? 'private';
    const userId = options.userId ?? 1001;
    const from: User = {
      ...(this.users.get(userId) ?? {}),
      id: userId,
      is_bot: false,
      first_name: options.firstName ?? this.users.get(userId)?.first_name ?? 'Test',
      ...(options.username !== undefined ? { username: options.username } : {}),
      ...(options.languageCode !== undefined ? { language_code: options.languageCode } : {}),
    };
    const defaultChatId = {
      private: userId,
      group: -1001,
      supergroup: -1_001_000_000_001,
      channel: -1_001_000_000_002,
    }[chatType];
    const chatId = options.chatId ?? defaultChatId;
    let chat: Chat;
    if (chatType === 'private') {
      chat = {
        id: chatId,
        type: 'private',
        first_name: from.first_name,
        ...(from.username ? { username: from.username } : {}),
      };
    } else {
      const title = options.chatTitle ?? (chatType === 'channel' ? 'Test channel' : 'Test group');
      chat = { id: chatId, type: chatType, title } as Chat;
    }
    this.rememberUser(from);
    this.rememberChat(chat);

    const editOf = options.editOf !== undefined ? this.find(chatId, options.editOf) : undefined;
    const message: MessageDraft = {
      ...(editOf ?? {}),
      message_id: options.editOf ?? this.nextMessageId(chatId),
      date: editOf?.date ?? unixNow(),
      chat,
    };
    if (chatType === 'channel') message.sender_chat = chat;
    else message.from = from;
    if (text !== undefined) {
      message.text = text;
      const entities = options.entities ?? userTextEntities(text);
      if (entities.length > 0) message.entities = entities;
      else delete message.entities;
    }
    if (options.replyToMessage !== undefined) {
      const reply =
        typeof options.replyToMessage === 'number' ? this.find(chatId, options.replyToMessage) : options.replyToMessage;
      if (reply === undefined)
        throw new TypeError(`pushMessage: message ${String(options.replyToMessage)} of chat ${chatId} is unknown`);
      message.reply_to_message = withoutReply(reply);
    }
    if (options.editOf !== undefined) message.edit_date = unixNow();
    Object.assign(message, options.extra ?? {});
    this.store(message);
    const base = chatType === 'channel' ? 'channel_post' : 'message';
    return { type: options.editOf !== undefined ? `edited_${base}` : base, message };
  }
}

/** A replied-to message does not carry its own reply (Telegram nests only one level). */
export function withoutReply(message: Record<string, unknown>): Record<string, unknown> {
  const { reply_to_message: _ignored, ...rest } = message;
  return rest;
}

/** A stable positive number from a string (made-up ids for `@username` chats). */
function stableNumber(text: string): number {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) % 1_000_000_000;
  return hash + 1;
}

/** The message as Telegram's type (drafts are built loosely, answered as Message). */
export function asMessage(draft: MessageDraft): Message {
  return draft as unknown as Message;
}
