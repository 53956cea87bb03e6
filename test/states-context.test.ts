// Whose state an update concerns (resolveStateContext), for every kind of update the states
// follow: a wrong chat or user here means a user's form answers land in someone else's
// conversation. One case per kind, built as Telegram sends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStateContext } from '../src/states/context.js';

const user = { id: 5, is_bot: false, first_name: 'A' };
const other = { id: 6, is_bot: false, first_name: 'B' };
const group = { id: -100, type: 'supergroup', title: 'G' };
const channel = { id: -200, type: 'channel', title: 'C' };

const cases: Array<[string, unknown, unknown]> = [
  [
    'a private message',
    { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, from: user, text: 'x' },
    { chatId: 5, userId: 5, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a group message',
    { message_id: 1, date: 1, chat: group, from: user },
    { chatId: -100, userId: 5, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a topic message',
    { message_id: 1, date: 1, chat: group, from: user, message_thread_id: 8, is_topic_message: true },
    { chatId: -100, userId: 5, threadId: 8, businessConnectionId: undefined },
  ],
  [
    'a reply in a thread that is not a topic: no thread',
    { message_id: 1, date: 1, chat: group, from: user, message_thread_id: 8 },
    { chatId: -100, userId: 5, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a message sent on behalf of a chat (anonymous admin)',
    { message_id: 1, date: 1, chat: group, sender_chat: { id: -300, type: 'channel' } },
    { chatId: -100, userId: -300, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a channel post without sender',
    { message_id: 1, date: 1, chat: channel },
    { chatId: -200, userId: -200, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a user message with a sender chat too: the user wins',
    { message_id: 1, date: 1, chat: group, from: user, sender_chat: { id: -300, type: 'channel' } },
    { chatId: -100, userId: 5, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a business message',
    { message_id: 1, date: 1, chat: { id: 9, type: 'private' }, from: other, business_connection_id: 'bc' },
    { chatId: 9, userId: 6, threadId: undefined, businessConnectionId: 'bc' },
  ],
  [
    'a callback query on a group message',
    { id: 'c', from: other, chat_instance: 'i', message: { message_id: 1, date: 1, chat: group, from: user } },
    { chatId: -100, userId: 6, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a callback query on a topic message of a business chat',
    {
      id: 'c',
      from: other,
      chat_instance: 'i',
      message: {
        message_id: 1,
        date: 1,
        chat: group,
        is_topic_message: true,
        message_thread_id: 4,
        business_connection_id: 'bc2',
      },
    },
    { chatId: -100, userId: 6, threadId: 4, businessConnectionId: 'bc2' },
  ],
  [
    "a callback query on an inline message: the user's private chat",
    { id: 'c', from: other, chat_instance: 'i', inline_message_id: 'im' },
    { chatId: 6, userId: 6, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a widget callback query carrying its chat',
    { id: 'c', from: other, chat_instance: 'i', chat: group },
    { chatId: -100, userId: 6, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    "a callback query whose chat has no numeric id: the user's chat",
    { id: 'c', from: other, chat_instance: 'i', chat: { id: 'x' } },
    { chatId: 6, userId: 6, threadId: undefined, businessConnectionId: undefined },
  ],
  [
    'a reaction of a user',
    { chat: group, message_id: 3, date: 1, user, old_reaction: [], new_reaction: [] },
    { chatId: -100, userId: 5 },
  ],
  [
    'an anonymous reaction (actor chat)',
    { chat: group, message_id: 3, date: 1, actor_chat: channel, old_reaction: [], new_reaction: [] },
    { chatId: -100, userId: -200 },
  ],
  [
    'a reaction without user or actor',
    { chat: group, message_id: 3, date: 1, old_reaction: [], new_reaction: [] },
    undefined,
  ],
  ['reaction counts (anonymous)', { chat: group, message_id: 3, date: 1, reactions: [] }, undefined],
  ['a poll answer of a user', { poll_id: 'p', option_ids: [0], user }, { chatId: 5, userId: 5 }],
  [
    'a poll answer of a chat voting anonymously',
    { poll_id: 'p', option_ids: [0], voter_chat: channel },
    { chatId: -200, userId: -200 },
  ],
  ['a poll answer without voter', { poll_id: 'p', option_ids: [0] }, undefined],
  ['a poll', { id: 'p', question: 'q', options: [] }, undefined],
  [
    'a business connection',
    { id: 'bc1', user, user_chat_id: 77, date: 1, can_reply: true, is_enabled: true },
    { chatId: 77, userId: 5, businessConnectionId: 'bc1' },
  ],
  [
    'deleted business messages',
    { business_connection_id: 'bc3', chat: { id: 12, type: 'private' }, message_ids: [1, 2] },
    { chatId: 12, userId: 12, businessConnectionId: 'bc3' },
  ],
  [
    'a chat boost from a user',
    { chat: channel, boost: { boost_id: 'b', add_date: 1, expiration_date: 2, source: { source: 'premium', user } } },
    { chatId: -200, userId: 5 },
  ],
  [
    'a chat boost from a giveaway without user',
    {
      chat: channel,
      boost: { boost_id: 'b', add_date: 1, expiration_date: 2, source: { source: 'giveaway', giveaway_message_id: 1 } },
    },
    undefined,
  ],
  [
    'a removed boost',
    { chat: channel, boost_id: 'b', remove_date: 3, source: { source: 'gift_code', user: other } },
    { chatId: -200, userId: 6 },
  ],
  [
    'a removed boost without user',
    { chat: channel, boost_id: 'b', remove_date: 3, source: { source: 'giveaway' } },
    undefined,
  ],
  [
    'a chat member update',
    { chat: group, from: user, date: 1, old_chat_member: {}, new_chat_member: {} },
    { chatId: -100, userId: 5 },
  ],
  ['a chat join request', { chat: group, from: other, user_chat_id: 6, date: 1 }, { chatId: -100, userId: 6 }],
  ['an inline query', { id: 'q', from: user, query: 'x', offset: '' }, { chatId: 5, userId: 5 }],
  [
    'a pre-checkout query',
    { id: 'q', from: other, currency: 'XTR', total_amount: 1, invoice_payload: 'p' },
    { chatId: 6, userId: 6 },
  ],
  ['a paid media purchase', { from_user: other, paid_media_payload: 'p' }, { chatId: 6, userId: 6 }],
  ['an object with from_user but no payload', { from_user: other }, undefined],
  ['not an object', 'message', undefined],
  ['null', null, undefined],
];

for (const [name, update, expected] of cases) {
  test(`resolveStateContext: ${name}`, () => {
    assert.deepEqual(resolveStateContext(update), expected);
  });
}
