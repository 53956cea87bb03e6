// The update scheduler at its edges: the concurrency setting (default, fractions, zero), the
// waits the poller relies on (nextSettled, idle), errors thrown by the ordering key or by the
// `done` callback, and per-chat order kept across a sweep of the forgotten chats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Update } from '../src/api/generated/telegram-types.js';
import { UpdateScheduler, orderingKey } from '../src/runner/update-scheduler.js';
import { waitFor } from './helpers.js';

const msg = (id: number, chat: number) =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, text: `m${id}` },
  }) as unknown as Update;

/** A runner whose updates wait until `open()`; `started` lists the update_ids that began. */
function gated() {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: number[] = [];
  const finished: number[] = [];
  const run = async (update: Update) => {
    started.push(update.update_id);
    await gate;
    finished.push(update.update_id);
  };
  return { run, started, finished, open };
}

test('concurrency: 16 by default, a fraction rounded down, below 1 still one at a time', async () => {
  for (const [concurrency, expected] of [
    [undefined, 16],
    [2.5, 2],
    [0, 1],
    [-3, 1],
  ] as const) {
    const { run, started, open } = gated();
    const scheduler = new UpdateScheduler(run, concurrency === undefined ? {} : { concurrency });
    for (let i = 1; i <= 40; i++) scheduler.push(msg(i, i));
    await waitFor(() => started.length >= expected, {
      message: () => `concurrency ${concurrency}: ${started.length} started, ${expected} expected`,
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(started.length, expected, `concurrency ${concurrency}`);
    assert.equal(scheduler.active, expected);
    assert.equal(scheduler.pending, 40);
    open();
    await scheduler.idle();
    assert.equal(started.length, 40);
    assert.equal(scheduler.pending, 0);
    assert.equal(scheduler.active, 0);
  }
});

test('nextSettled: at once when nothing is pending, else at the first finished update', async () => {
  const scheduler = new UpdateScheduler(() => undefined);
  await scheduler.nextSettled();
  await scheduler.idle();
  const releases: Array<() => void> = [];
  const slow = new UpdateScheduler(() => new Promise<void>((resolve) => releases.push(resolve)));
  slow.push(msg(1, 1));
  slow.push(msg(2, 2));
  let settled = false;
  const next = slow.nextSettled().then(() => (settled = true));
  let idle = false;
  const allDone = slow.idle().then(() => (idle = true));
  await waitFor(() => releases.length === 2, { message: 'both updates should have started' });
  assert.equal(settled, false);
  releases[0]!();
  await next;
  assert.equal(slow.pending, 1);
  assert.equal(idle, false, 'idle waits for every update');
  releases[1]!();
  await allDone;
  assert.equal(slow.pending, 0);
});

test('an ordering key that throws: the update still runs (ordered with nothing)', async () => {
  const ran: number[] = [];
  const scheduler = new UpdateScheduler((update) => void ran.push(update.update_id), {
    keyOf: (update) => {
      if (update.update_id === 2) throw new Error('bad key');
      return 1;
    },
  });
  for (let i = 1; i <= 3; i++) scheduler.push(msg(i, 1));
  await scheduler.idle();
  assert.deepEqual(ran, [1, 2, 3]);
});

test('a custom key orders across chats; junk updates have no key', async () => {
  const { run, started, open } = gated();
  const scheduler = new UpdateScheduler(run, { keyOf: () => 'one', concurrency: 8 });
  for (let i = 1; i <= 3; i++) scheduler.push(msg(i, i));
  await waitFor(() => started.length === 1, { message: 'the first update should have started' });
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [1], 'one key: one at a time');
  open();
  await scheduler.idle();
  assert.deepEqual(started, [1, 2, 3]);
  for (const junk of [null, 7, 'x', { update_id: 1, message: null }, { update_id: 1, message: { chat: { id: 'x' } } }])
    assert.equal(orderingKey(junk as unknown as Update), undefined, JSON.stringify(junk));
  assert.equal(orderingKey({ update_id: 1, message_reaction: { chat: { id: 5 }, user: { id: 9 } } } as never), 5);
  assert.equal(orderingKey({ update_id: 1, poll_answer: { voter_chat: { id: -7 } } } as never), -7);
  assert.equal(orderingKey({ update_id: 1, chat_boost: { chat: null }, poll: 'x' } as never), undefined);
  assert.equal(orderingKey({ update_id: 1, business_connection: { user: { id: 3 } } } as never), 3);
});

test('a done callback that throws is reported and the others still run', async () => {
  const errors: Array<[unknown, number]> = [];
  const scheduler = new UpdateScheduler(
    async (update) => {
      if (update.update_id === 3) throw new Error('rejected');
    },
    { onError: (error, update) => errors.push([error, update.update_id]) },
  );
  const done: number[] = [];
  for (let i = 1; i <= 4; i++)
    scheduler.push(msg(i, 1), (update) => {
      done.push(update.update_id);
      if (update.update_id === 1) throw new Error('done failed');
    });
  await scheduler.idle();
  assert.deepEqual(done, [1, 2, 3, 4]);
  assert.deepEqual(
    errors.map(([error, id]) => [(error as Error).message, id]),
    [
      ['done failed', 1],
      ['rejected', 3],
    ],
  );
});

test("forgetting idle chats (past 4096) keeps a busy chat's order", async () => {
  const { run, started, finished, open } = gated();
  const scheduler = new UpdateScheduler((update) => (update.message!.chat.id === 1 ? run(update) : undefined), {
    concurrency: 4,
  });
  scheduler.push(msg(1, 1));
  scheduler.push(msg(2, 1));
  // 5000 other chats, handled at once: the scheduler sweeps its idle keys meanwhile.
  for (let i = 0; i < 5000; i++) scheduler.push(msg(100 + i, 1000 + i));
  assert.ok(scheduler.trackedKeys < 5001, `${scheduler.trackedKeys} keys kept`);
  scheduler.push(msg(3, 1));
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(started, [1], 'chat 1 still runs one update at a time after the sweep');
  open();
  await scheduler.idle();
  assert.deepEqual(finished, [1, 2, 3]);
  assert.equal(scheduler.pending, 0);
});
