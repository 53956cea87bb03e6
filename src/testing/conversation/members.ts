/**
 * Chat member changes made by test users: `my_chat_member` (the bot blocked, added, removed),
 * `chat_member` (someone joined or left; Telegram sends it only when the bot asked for it in
 * allowed_updates) and the service messages that go with them.
 * @module
 */
import type { Chat, User } from '../../api/generated/telegram-types.js';
import { unixNow } from '../chats.js';
import type { UpdateInit } from '../types.js';

/** Options of the member helpers ({@link Conversation.addMember}...). */
export interface MemberChangeOptions {
  /** Who made the change (default: the user who joins or leaves, else the chat's first user). */
  by?: import('./types.js').TestUser | undefined;
}

/** A ChatMember object of `status` for `user`. */
function member(status: 'member' | 'left' | 'kicked', user: User): Record<string, unknown> {
  return status === 'kicked' ? { status, user, until_date: 0 } : { status, user };
}

/** A `my_chat_member` or `chat_member` update: `user` goes from `before` to `after`, done by `from`. */
export function memberUpdate(
  kind: 'my_chat_member' | 'chat_member',
  chat: Chat,
  from: User,
  user: User,
  before: 'member' | 'left' | 'kicked',
  after: 'member' | 'left' | 'kicked',
): UpdateInit {
  return {
    [kind]: {
      chat,
      from,
      date: unixNow(),
      old_chat_member: member(before, user),
      new_chat_member: member(after, user),
    },
  };
}

/** Telegram's 403 description once the bot is out of `chat`. */
export function forbiddenReason(chat: Chat): string {
  return chat.type === 'private'
    ? 'Forbidden: bot was blocked by the user'
    : `Forbidden: bot was kicked from the ${chat.type} chat`;
}

/** Throws unless the chat is of the kind the helper is for. */
export function requireChatKind(helper: string, chat: Chat, kind: 'private' | 'group'): void {
  const isPrivate = chat.type === 'private';
  if (kind === 'private' && !isPrivate)
    throw new TypeError(`${helper}: only in private chats; chat ${chat.id} is a ${chat.type}`);
  if (kind === 'group' && isPrivate) throw new TypeError(`${helper}: only in groups; chat ${chat.id} is private`);
}
