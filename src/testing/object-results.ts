/**
 * Default answers of the methods whose Bot API result is an object but which are not about
 * sending messages: business connections, stories, checklists, managed bots, prepared buttons,
 * guest queries and game scores. Without them the emulator answered `true`, which a typed bot
 * reads as the object (`(await bot.getBusinessConnection(id)).user` threw).
 * test/emulator-typed-answers.test.ts checks that no such method answers `true`.
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { DefaultContext } from './default-methods.js';
import { editMessage } from './send-methods.js';
import { unixNow } from './chats.js';

type ObjectResult = (ctx: DefaultContext) => unknown;

/** The key under which a `business_connection` update pushed to the emulator is remembered. */
export function businessConnectionKey(id: unknown): string {
  return `business|${String(id)}`;
}

/**
 * The business connection `id`: the one pushed in a `business_connection` update, else a made-up
 * enabled connection (tests often use an id they never pushed), whose account is user 1001.
 */
function businessConnection(ctx: DefaultContext, id: unknown): Record<string, unknown> {
  const known = ctx.state.settings.get(businessConnectionKey(id));
  if (known && typeof known === 'object') return known as Record<string, unknown>;
  const user = ctx.chats.user(1001);
  return {
    id: String(id ?? ''),
    user: { ...user, first_name: user.first_name === 'User 1001' ? 'Test' : user.first_name },
    user_chat_id: user.id,
    date: unixNow(),
    is_enabled: true,
  };
}

/** The private chat of the business account behind a connection: where its stories are posted. */
function accountChat(ctx: DefaultContext, connectionId: unknown): Record<string, unknown> {
  const connection = businessConnection(ctx, connectionId);
  const user = connection.user as { id: number; first_name: string; username?: string };
  return {
    id: Number(connection.user_chat_id),
    type: 'private',
    first_name: user.first_name,
    ...(user.username ? { username: user.username } : {}),
  };
}

function nextCounter(ctx: DefaultContext, name: string): number {
  const next = Number(ctx.state.settings.get(name) ?? 0) + 1;
  ctx.state.settings.set(name, next);
  return next;
}

function newBotToken(userId: unknown): string {
  return `${String(userId)}:${randomBytes(26).toString('base64url').slice(0, 35)}`;
}

function managedToken(ctx: DefaultContext, replace: boolean): string {
  const key = `managed-token|${String(ctx.params.user_id)}`;
  const current = ctx.state.settings.get(key);
  if (typeof current === 'string' && !replace) return current;
  const token = newBotToken(ctx.params.user_id);
  ctx.state.settings.set(key, token);
  return token;
}

/** Default answers by method name (merged into the emulator's defaults, src/testing/default-methods.ts). */
export const OBJECT_RESULTS: Record<string, ObjectResult> = {
  getBusinessConnection: (ctx) => businessConnection(ctx, ctx.params.business_connection_id),
  postStory: (ctx) => ({
    chat: accountChat(ctx, ctx.params.business_connection_id),
    id: nextCounter(ctx, 'story-id'),
  }),
  repostStory: (ctx) => ({
    chat: accountChat(ctx, ctx.params.business_connection_id),
    id: nextCounter(ctx, 'story-id'),
  }),
  editStory: (ctx) => ({
    chat: accountChat(ctx, ctx.params.business_connection_id),
    id: Number(ctx.params.story_id),
  }),
  editMessageChecklist: (ctx) => editMessage('editMessageChecklist', ctx),
  getManagedBotToken: (ctx) => managedToken(ctx, false),
  replaceManagedBotToken: (ctx) => managedToken(ctx, true),
  getManagedBotAccessSettings: (ctx) =>
    ctx.state.settings.get(`managed-access|${String(ctx.params.user_id)}`) ?? { is_access_restricted: false },
  setManagedBotAccessSettings: (ctx) => {
    const p = ctx.params;
    ctx.state.settings.set(`managed-access|${String(p.user_id)}`, {
      is_access_restricted: p.is_access_restricted === true,
      ...(Array.isArray(p.added_user_ids)
        ? { added_users: p.added_user_ids.map((id) => ctx.chats.user(Number(id))) }
        : {}),
    });
    return true;
  },
  savePreparedKeyboardButton: () => ({ id: randomBytes(8).toString('hex') }),
  answerGuestQuery: () => ({ inline_message_id: randomBytes(12).toString('base64url') }),
  // A game message in a chat is answered with the edited Message; an inline one with True.
  setGameScore: (ctx) =>
    ctx.params.inline_message_id !== undefined || ctx.params.chat_id === undefined
      ? true
      : editMessage('setGameScore', ctx),
};
