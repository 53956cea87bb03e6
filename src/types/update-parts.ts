/**
 * Where the built-in filters find text, chat, message and user in the different update objects.
 * Objects are recognised by their fields, so plain JSON from Telegram works as well as enriched ones.
 * @module
 */
import type { Chat, Message, User } from '../api/generated/telegram-types.js';

/** Any non-null object, with its fields readable (update objects are told apart by their fields). */
export type Obj = Record<string, any>;

/** Whether `value` is a non-null object. */
export const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null;

/** Whether `obj` is a Message. */
export function isMessage(obj: unknown): obj is Message {
  return isObj(obj) && 'message_id' in obj && isObj(obj.chat);
}

/** Whether `obj` is a CallbackQuery. */
export function isCallbackQuery(obj: unknown): obj is { id: string; from: User; message?: Message; data?: string } {
  return isObj(obj) && 'chat_instance' in obj && isObj(obj.from);
}

/**
 * The text a text filter looks at: Message `text` (else `caption`), CallbackQuery `data`,
 * InlineQuery and ChosenInlineResult `query`, Poll `question`. Undefined for anything else.
 */
export function textOf(obj: unknown): string | undefined {
  if (!isObj(obj)) return undefined;
  if (isMessage(obj)) return obj.text ?? obj.caption;
  if (isCallbackQuery(obj)) return obj.data;
  if (typeof obj.query === 'string' && isObj(obj.from)) return obj.query;
  if (typeof obj.question === 'string' && Array.isArray(obj.options)) return obj.question;
  return undefined;
}

/** The message an update is about: the Message itself, or a CallbackQuery's message. */
export function messageOf(obj: unknown): Message | undefined {
  if (isMessage(obj)) return obj;
  // An inaccessible message (date 0) has only chat, message_id and date; that is still a message here.
  if (isCallbackQuery(obj) && isMessage(obj.message)) return obj.message;
  return undefined;
}

/** The chat of an update: its message's chat, or its own `chat` (member updates, join requests, reactions). */
export function chatOf(obj: unknown): Chat | undefined {
  const message = messageOf(obj);
  if (message) return message.chat;
  return isObj(obj) && isObj(obj.chat) ? (obj.chat as Chat) : undefined;
}

/** The user behind an update: `from` (Message, CallbackQuery, queries, ...) or `user` (PollAnswer, reactions). */
export function userOf(obj: unknown): User | undefined {
  if (!isObj(obj)) return undefined;
  if (isObj(obj.from)) return obj.from as User;
  if (isObj(obj.user) && typeof obj.user.id === 'number') return obj.user as User;
  return undefined;
}
