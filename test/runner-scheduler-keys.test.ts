// The ordering key of a malformed update. Telegram's JSON can carry a payload that is null, a
// message without a chat, a callback query whose message has no chat; code building updates by
// hand can leave a field undefined. The key must still come out (the update is reported and
// skipped later, when it runs): `botte/scale` computes it while appending a webhook update to
// the queue, where a throw would fail the append (the webhook then answers 503 and Telegram sends
// the same update again and again), and while a worker takes the update in. Found by mutation
// testing (docs/testing/mutation-mut-leftovers.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Update } from '../src/api/generated/telegram-types.js';
import { queueLaneOf, partitionOf } from '../src/scale/index.js';
import { UpdateScheduler } from '../src/runner/update-scheduler.js';

const malformed: Array<[string, unknown, string]> = [
  ['a message without a chat', { update_id: 11, message: { message_id: 1, date: 0 } }, 'u11'],
  ['a null payload', { update_id: 12, edited_message: null }, 'u12'],
  [
    'a null payload before a valid one',
    { update_id: 13, edited_message: null, callback_query: { from: { id: 5 } } },
    '5',
  ],
  ['an undefined payload', { update_id: 14, edited_message: undefined }, 'u14'],
  [
    'an undefined payload before a valid one',
    { update_id: 15, chat_member: undefined, poll_answer: { user: { id: 6 } } },
    '6',
  ],
  [
    "a callback query whose message has no chat (its user's lane)",
    { update_id: 16, callback_query: { id: 'q', from: { id: 7 }, message: { message_id: 3, date: 0 } } },
    '7',
  ],
];

test('botte/scale gives every malformed update a lane and a partition instead of throwing', () => {
  for (const [what, update, lane] of malformed) {
    assert.equal(queueLaneOf(update as Update), lane, what);
    const partition = partitionOf(update as Update, 8);
    assert.ok(Number.isInteger(partition) && partition >= 0 && partition < 8, `${what}: partition ${partition}`);
  }
});

test("a callback query whose message has no chat is still ordered behind its user's updates", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started: number[] = [];
  const scheduler = new UpdateScheduler(
    async (update) => {
      started.push(update.update_id);
      if (update.update_id === 1) await gate;
    },
    { concurrency: 4 },
  );
  // User 7's private chat (chat id = user id), then the callback query of that user.
  scheduler.push({ update_id: 1, message: { message_id: 1, date: 0, chat: { id: 7, type: 'private' } } } as Update);
  scheduler.push(malformed[5]![1] as Update);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [1], 'the callback query waits for the message of its user');
  release();
  await scheduler.idle();
  assert.deepEqual(started, [1, 16]);
});
