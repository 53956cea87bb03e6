// What the exception handler is told about each malformed update (the problem, the update id,
// the update itself), and which unusual but valid updates still reach their handlers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import type { Update } from '../src/api/generated/telegram-types.js';
import { Botte, MalformedUpdateError } from '../src/index.js';
import { useEmulator } from './emulator-harness.js';
import { recordErrors } from './helpers.js';

const emu = await useEmulator();

const chat = { id: 10, type: 'private', first_name: 'U' };
const from = { id: 10, is_bot: false, first_name: 'U' };

/** Feeds `updates` to a bot with a handler for every type; returns what was handled and reported. */
async function feed(updates: unknown[]) {
  const seen: string[] = [];
  const { errors, exceptionHandler } = recordErrors();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  bot.handleMsg({ func: () => true, contentTypes: ['text'] }, (m) => {
    seen.push(`message ${m.text}`);
  });
  bot.editedHandleMsg({ func: () => true }, (m) => {
    seen.push(`edited ${m.text}`);
  });
  bot.callbackQueryHandler({ func: () => true }, (q) => {
    seen.push(`callback ${q.data}`);
  });
  bot.pollAnswerHandler(
    () => true,
    (a) => {
      seen.push(`poll_answer ${a.user?.id}`);
    },
  );
  bot.chatMemberHandler(
    () => true,
    (u) => {
      seen.push(`chat_member ${u.chat.id}`);
    },
  );
  try {
    await bot.processNewUpdates(updates as Update[]);
  } finally {
    await bot.closeSession();
  }
  return { seen, errors };
}

test('each malformed update is reported with what is wrong with it', async () => {
  const cases: [unknown, string][] = [
    [null, 'Malformed update skipped: the update is null, not an object'],
    [[], 'Malformed update skipped: the update is an array, not an object'],
    ['update', 'Malformed update skipped: the update is a string, not an object'],
    [
      { update_id: 1.5, message: { message_id: 1, date: 1, chat, text: 'x' } },
      'Malformed update 1.5 skipped: update_id is not an integer',
    ],
    [
      { update_id: '12', message: { message_id: 1, date: 1, chat, text: 'x' } },
      'Malformed update skipped: update_id is not an integer',
    ],
    [
      { update_id: 2, message: { message_id: 1, date: 1, text: 'x' } },
      'Malformed update 2 skipped: message.chat is missing',
    ],
    [{ update_id: 3, message: [1] }, 'Malformed update 3 skipped: message is not an object'],
    [
      { update_id: 4, message: { message_id: 1, date: 1, chat: 'c', text: 'x' } },
      'Malformed update 4 skipped: message.chat is not an object',
    ],
    [
      { update_id: 5, message: { message_id: 1, date: 1, chat: { id: '5' }, text: 'x' } },
      'Malformed update 5 skipped: message.chat.id is not a number',
    ],
    [
      { update_id: 6, message: { message_id: 1, date: 1, chat, from: { first_name: 'no id' }, text: 'x' } },
      'Malformed update 6 skipped: message.from.id is not a number',
    ],
    [
      { update_id: 7, edited_message: { message_id: 1, date: 1, chat: null, text: 'x' } },
      'Malformed update 7 skipped: edited_message.chat is not an object',
    ],
    [
      { update_id: 8, business_message: { message_id: 1, date: 1, text: 'x' } },
      'Malformed update 8 skipped: business_message.chat is missing',
    ],
    [{ update_id: 9, callback_query: 'data' }, 'Malformed update 9 skipped: callback_query is not an object'],
    [
      { update_id: 10, callback_query: { id: 'q', from: 7, data: 'x' } },
      'Malformed update 10 skipped: callback_query.from is not an object',
    ],
    [
      { update_id: 11, poll_answer: { poll_id: 'p', option_ids: [0], user: { id: null } } },
      'Malformed update 11 skipped: poll_answer.user.id is not a number',
    ],
    [
      { update_id: 12, chat_member: { chat: { id: 'x' }, from, date: 1 } },
      'Malformed update 12 skipped: chat_member.chat.id is not a number',
    ],
    [
      { update_id: 13, callback_query: { id: 'q', from, data: 'x', message: { message_id: 1, date: 1 } } },
      'Malformed update 13 skipped: callback_query.message.chat is missing',
    ],
    [{ update_id: 14 }, 'Malformed update 14 skipped: it has no payload besides update_id'],
    [{ update_id: 15, message: undefined }, 'Malformed update 15 skipped: it has no payload besides update_id'],
  ];
  const { seen, errors } = await feed(cases.map(([update]) => update));
  assert.deepEqual(seen, []);
  // Updates of different chats run side by side: the reports come in any order.
  assert.deepEqual(errors.map((error) => (error as Error).message).sort(), cases.map(([, message]) => message).sort());
  for (const error of errors) assert.ok(error instanceof MalformedUpdateError);
  const first = errors.find((error) => (error as MalformedUpdateError).updateId === 2) as MalformedUpdateError;
  assert.equal(first.name, 'MalformedUpdateError');
  assert.equal(first.updateId, 2);
  assert.equal(first.update, cases[5]![0], 'the update as received');
  const stringId = errors.find(
    (error) => (error as Error).message === 'Malformed update skipped: update_id is not an integer',
  );
  assert.equal((stringId as MalformedUpdateError).updateId, undefined, 'a string update_id is not an id');
  // The update rides along without being printed with the error.
  assert.ok(!Object.keys(first).includes('update'));
  assert.ok(!inspect(first).includes('message_id'), inspect(first));
});

test('unusual but valid updates are handled: no from, no update_id, a user holder, unknown fields', async () => {
  const { seen, errors } = await feed([
    // A message without `from` (a channel-like sender), and with a later unknown field.
    { update_id: 1, message: { message_id: 1, date: 1, chat, text: 'no sender', some_future_field: { x: 1 } } },
    // No update_id at all (processNewUpdates fed by hand).
    { message: { message_id: 2, date: 1, chat, from, text: 'no id' } },
    { update_id: 3, edited_message: { message_id: 1, date: 2, chat, from, text: 'edited' } },
    { update_id: 4, callback_query: { id: 'q', from, chat_instance: 'c', data: 'inline', inline_message_id: 'im' } },
    { update_id: 5, poll_answer: { poll_id: 'p', option_ids: [0], user: from } },
    {
      update_id: 6,
      poll_answer: { poll_id: 'p', option_ids: [0], voter_chat: { id: -5, type: 'channel', title: 'C' } },
    },
    {
      update_id: 7,
      chat_member: {
        chat: { id: -7, type: 'group', title: 'G' },
        from,
        date: 1,
        old_chat_member: {},
        new_chat_member: {},
      },
    },
    {
      update_id: 8,
      callback_query: {
        id: 'q2',
        from,
        chat_instance: 'c',
        data: 'with message',
        message: { message_id: 3, date: 1, chat },
      },
    },
  ]);
  assert.deepEqual(errors, []);
  assert.deepEqual(
    seen.sort(),
    [
      'message no sender',
      'message no id',
      'edited edited',
      'callback inline',
      'poll_answer 10',
      'poll_answer undefined',
      'chat_member -7',
      'callback with message',
    ].sort(),
  );
});
