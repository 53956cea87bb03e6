/**
 * Creating conversations (private and group chats) and inline-mode actions, which are not tied to a chat.
 * @module
 */
import type { Chat } from '../../api/generated/telegram-types.js';
import { asUser, Conversation, type ConversationHost, DEFAULT_WAIT_MS, newQueryId } from './conversation.js';
import type { ChatEvent } from './tracker.js';
import type { GroupChatOptions, InlineAnswer, PrivateChatOptions, TestUser, WaitOptions } from './types.js';

/** The user of a private chat when none is given. */
export const DEFAULT_TEST_USER: TestUser = { id: 1001, first_name: 'Test' };

let nextGroupId = -1001;

/** A private chat between `options.user` and the bot. */
export function privateChat(host: ConversationHost, options: PrivateChatOptions = {}): Conversation {
  const user = options.user ?? DEFAULT_TEST_USER;
  if (!Number.isSafeInteger(user.id) || user.id <= 0)
    throw new TypeError(`privateChat: user.id must be a positive integer, got ${String(user.id)}`);
  const chat = {
    id: user.id,
    type: 'private',
    first_name: user.first_name ?? 'Test',
    ...(user.username !== undefined ? { username: user.username } : {}),
  } as Chat;
  return new Conversation(host, chat, [user]);
}

/** A group (by default a supergroup) with several users and the bot. */
export function groupChat(host: ConversationHost, options: GroupChatOptions): Conversation {
  const id = options.id ?? nextGroupId--;
  if (!Number.isSafeInteger(id) || id >= 0)
    throw new TypeError(`groupChat: id must be a negative integer, got ${String(id)}`);
  const chat = {
    id,
    type: options.type ?? 'supergroup',
    title: options.title ?? 'Test group',
    ...(options.isForum === true ? { is_forum: true } : {}),
  } as Chat;
  return new Conversation(host, chat, options.users, { privacyMode: options.privacyMode });
}

/** Options of {@link inlineQuery}. */
export interface InlineQueryOptions extends WaitOptions {
  /** Who types the query (default user 1001). */
  from?: TestUser;
  /** The `offset` (next page) of the query. */
  offset?: string;
  /** Type of the chat the query is typed in (`sender`, `private`, `group`, `supergroup`, `channel`). */
  chatType?: string;
}

/** Types `@bot query` as a user; resolves with the bot's answerInlineQuery. */
export async function inlineQuery(
  host: ConversationHost,
  query: string,
  options: InlineQueryOptions = {},
): Promise<InlineAnswer> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
  const id = newQueryId();
  const from = host.tracker.lastSeq;
  host.pushUpdate({
    inline_query: {
      id,
      from: asUser(options.from ?? DEFAULT_TEST_USER),
      query,
      offset: options.offset ?? '',
      ...(options.chatType !== undefined ? { chat_type: options.chatType } : {}),
    },
  });
  const event = await host.tracker.waitFor(
    from,
    (e) => e.type === 'inline_answer' && e.queryId === id,
    timeoutMs,
    () => {
      const calls = host.tracker
        .events(from)
        .filter((e): e is Extract<ChatEvent, { type: 'call' }> => e.type === 'call')
        .map((e) => e.call.method)
        .filter((m) => m !== 'getUpdates');
      return `inlineQuery(${JSON.stringify(query)}): the bot did not call answerInlineQuery within ${timeoutMs} ms. Bot API calls since: ${calls.join(', ') || 'none'}.`;
    },
  );
  const params = (event as Extract<ChatEvent, { type: 'inline_answer' }>).params;
  const results = Array.isArray(params.results) ? (params.results as Array<Record<string, unknown>>) : [];
  return { params, results, queryId: id };
}

/** Options of {@link chooseInlineResult}. */
export interface ChooseInlineResultOptions {
  /** Who chose it (default user 1001). */
  from?: TestUser;
  /** The query that produced the result (default empty). */
  query?: string;
  /** The id of the sent inline message, when the result had an inline keyboard. */
  inlineMessageId?: string;
}

/** Sends a `chosen_inline_result` update, as if the user picked result `resultId`. */
export function chooseInlineResult(
  host: ConversationHost,
  resultId: string,
  options: ChooseInlineResultOptions = {},
): void {
  host.pushUpdate({
    chosen_inline_result: {
      result_id: resultId,
      from: asUser(options.from ?? DEFAULT_TEST_USER),
      query: options.query ?? '',
      ...(options.inlineMessageId !== undefined ? { inline_message_id: options.inlineMessageId } : {}),
    },
  });
}
