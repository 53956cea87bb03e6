import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Update } from '../src/api/generated/telegram-types.js';
import { UpdateScheduler, orderingKey } from '../src/runner/update-scheduler.js';
import { OffsetTracker } from '../src/runner/offset-tracker.js';
import { sleep, waitFor } from './helpers.js';
const msg = (id: number, chat: number) =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, text: `m${id}` },
  }) as unknown as Update;

test('orderingKey: chat, then message chat, then user', () => {
  assert.equal(orderingKey(msg(1, 42)), 42);
  assert.equal(
    orderingKey({
      update_id: 1,
      callback_query: { id: 'x', from: { id: 7 }, message: { chat: { id: -100 } } },
    } as unknown as Update),
    -100,
  );
  assert.equal(
    orderingKey({ update_id: 1, inline_query: { id: 'x', from: { id: 7 }, query: '' } } as unknown as Update),
    7,
  );
  assert.equal(orderingKey({ update_id: 1, poll: { id: 'p' } } as unknown as Update), undefined);
});

test('per-chat order, bounded concurrency, other chats not blocked', async () => {
  let running = 0;
  let maxRunning = 0;
  const seen = new Map<number, number[]>();
  // Chat 1 is stuck until the others are done: a scheduler that made them wait would never get there.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const scheduler = new UpdateScheduler(
    async (update) => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      const chat = update.message!.chat.id;
      await (chat === 1 ? gate : sleep(Math.random() * 2));
      const list = seen.get(chat) ?? [];
      list.push(update.update_id);
      seen.set(chat, list);
      running--;
    },
    { concurrency: 4 },
  );
  let id = 0;
  for (let round = 0; round < 5; round++) for (let chat = 1; chat <= 10; chat++) scheduler.push(msg(++id, chat));
  assert.equal(scheduler.pending, 50);
  const othersDone = () => [2, 3, 4, 5, 6, 7, 8, 9, 10].filter((chat) => seen.get(chat)?.length === 5).length;
  await waitFor(() => othersDone() === 9, {
    message: () => `only ${othersDone()} of 9 chats were done while chat 1 was stuck`,
  });
  assert.equal(seen.get(1), undefined, 'chat 1 is still stuck on its first update');
  assert.equal(scheduler.active, 1, 'only the stuck update runs: its chat waits behind it');
  release();
  await scheduler.idle();
  assert.ok(maxRunning <= 4 && maxRunning > 1);
  for (const [, ids] of seen)
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
  assert.deepEqual(seen.get(1), [1, 11, 21, 31, 41]);
});

test('perChat false: one at a time in arrival order', async () => {
  const order: number[] = [];
  let running = 0;
  const scheduler = new UpdateScheduler(
    async (update) => {
      assert.equal(++running, 1);
      await sleep(Math.random() * 2);
      order.push(update.update_id);
      running--;
    },
    { perChat: false, concurrency: 8 },
  );
  for (let i = 1; i <= 30; i++) scheduler.push(msg(i, i % 3));
  await scheduler.idle();
  assert.deepEqual(
    order,
    Array.from({ length: 30 }, (_, i) => i + 1),
  );
});

test('a throwing or synchronous runner does not wedge the scheduler', async () => {
  const errors: unknown[] = [];
  let n = 0;
  const scheduler = new UpdateScheduler(
    (update) => {
      n++;
      if (update.update_id % 2) throw new Error('boom');
      return undefined;
    },
    { onError: (error) => errors.push(error) },
  );
  const done: number[] = [];
  for (let i = 1; i <= 10; i++) scheduler.push(msg(i, 1), (u) => done.push(u.update_id));
  await scheduler.idle();
  assert.equal(n, 10);
  assert.equal(errors.length, 5);
  assert.deepEqual(done, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('thousands of chats, mixed synchronous and slow updates: every update once, per-chat order, bounded key memory', async () => {
  const seen = new Map<number, number[]>();
  const scheduler = new UpdateScheduler(
    (update) => {
      const chat = update.message!.chat.id;
      const record = () => {
        const list = seen.get(chat) ?? [];
        list.push(update.update_id);
        seen.set(chat, list);
      };
      // Chats 0-2 are slow (their queues grow long and wrap around); the rest answer at once.
      if (chat < 3) return sleep(Math.random() * 3).then(record);
      record();
      return undefined;
    },
    { concurrency: 8 },
  );
  let id = 0;
  for (let round = 0; round < 3; round++) {
    for (let chat = 0; chat < 10_000; chat++) {
      scheduler.push(msg(++id, chat));
      if (chat % 200 === 0) for (let slow = 0; slow < 3; slow++) scheduler.push(msg(++id, slow));
    }
  }
  await scheduler.idle();
  let total = 0;
  for (const [, ids] of seen) {
    total += ids.length;
    assert.deepEqual(
      ids,
      [...ids].sort((a, b) => a - b),
    );
  }
  assert.equal(total, id);
  assert.equal(seen.get(1)!.length, 3 + 3 * 50);
  // Idle chats are forgotten in sweeps: 10 000 chats seen, far fewer remembered.
  assert.ok(scheduler.trackedKeys < 8192, `${scheduler.trackedKeys} keys kept`);
});

test('OffsetTracker: offset is the lowest unfinished id; finished ids above it are known', () => {
  const tracker = new OffsetTracker();
  assert.equal(tracker.offset(), undefined);
  for (const id of [5, 6, 7]) tracker.accept(id);
  tracker.finish(6);
  tracker.finish(7);
  assert.equal(tracker.offset(), 5);
  assert.ok(tracker.isKnown(6) && tracker.isKnown(5) && !tracker.isKnown(8));
  tracker.confirm(5);
  tracker.finish(5);
  assert.equal(tracker.offset(), 8);
  tracker.confirm(8);
  assert.ok(tracker.isKnown(7), 'below the confirmed offset');
  const held = new OffsetTracker();
  held.accept(1, 0);
  held.accept(2, 0);
  held.finish(2);
  assert.deepEqual(held.releaseOlderThan(100, 50), []);
  assert.equal(held.offset(), 1);
  assert.deepEqual(held.releaseOlderThan(100, 1000), [1]);
  assert.equal(held.offset(), 3, 'a released update stops holding the offset');
  assert.ok(held.isKnown(1));
});
