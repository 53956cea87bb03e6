// How updates flow through the scheduler when slots are full or code re-enters it: synchronous
// updates queued behind busy slots all run (none is left behind, however many), an update pushed
// from inside a handler (a handler calling `bot.processNewUpdates`) starts after that handler,
// updates with no ordering key (polls) run side by side, updates fed from a `done` callback wait
// behind those already queued, and `onError`/`done` are optional. Found by mutation testing
// (docs/testing/mutation-mut-leftovers.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Update } from '../src/api/generated/telegram-types.js';
import { UpdateScheduler } from '../src/runner/update-scheduler.js';
import { waitFor } from './helpers.js';

const msg = (id: number, chat: number) =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id: chat, type: 'private' }, text: `m${id}` },
  }) as unknown as Update;
const poll = (id: number) => ({ update_id: id, poll: { id: `p${id}` } }) as unknown as Update;

/** `scheduler.idle()`, failing with `what` when it has not resolved within 5 s (a wedged scheduler). */
async function idleWithin(scheduler: UpdateScheduler, what: () => string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new assert.AssertionError({ message: `not idle after 5 s: ${what()}` })), 5000);
  });
  try {
    await Promise.race([scheduler.idle(), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

test('20 000 synchronous updates queued behind a busy slot all run, in arrival order', async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const ran: number[] = [];
  const errors: unknown[] = [];
  const scheduler = new UpdateScheduler(
    (update) => {
      if (update.update_id === 0) return gate.then(() => void ran.push(0));
      ran.push(update.update_id);
      return undefined;
    },
    { concurrency: 1, onError: (error) => errors.push(error) },
  );
  scheduler.push(msg(0, 0));
  for (let i = 1; i <= 20_000; i++) scheduler.push(msg(i, 1000 + i));
  assert.deepEqual(ran, [], 'the one slot is taken: the others wait');
  open();
  await idleWithin(scheduler, () => `${ran.length} of 20001 updates ran`);
  assert.deepEqual(errors, []);
  assert.equal(ran.length, 20_001);
  assert.ok(
    ran.every((id, i) => id === i),
    'one slot: arrival order',
  );
});

test('an update pushed from inside a running handler starts after that handler, not inside it', async () => {
  const log: string[] = [];
  let scheduler!: UpdateScheduler;
  scheduler = new UpdateScheduler(
    (update) => {
      log.push(`start ${update.update_id}`);
      if (update.update_id === 1) scheduler.push(msg(2, 20)); // another chat, a free slot
      log.push(`end ${update.update_id}`);
      return undefined;
    },
    { concurrency: 4 },
  );
  scheduler.push(msg(1, 10));
  await idleWithin(scheduler, () => log.join(', '));
  assert.deepEqual(log, ['start 1', 'end 1', 'start 2', 'end 2']);
});

test('updates without an ordering key (polls) run side by side', async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: number[] = [];
  const scheduler = new UpdateScheduler(
    async (update) => {
      started.push(update.update_id);
      await gate;
    },
    { concurrency: 4 },
  );
  for (let i = 1; i <= 3; i++) scheduler.push(poll(i));
  await waitFor(() => started.length === 3, {
    message: () => `${started.length} of 3 polls started while the first still ran`,
    timeoutMs: 5000,
  });
  assert.equal(scheduler.active, 3);
  open();
  await idleWithin(scheduler, () => `${started.length} started`);
});

test('updates fed from a done callback wait behind the updates already queued', async () => {
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const started: number[] = [];
  const scheduler = new UpdateScheduler(
    async (update) => {
      started.push(update.update_id);
      if (update.update_id === 1) await gate;
    },
    { concurrency: 1 },
  );
  // A feeder keeping the one slot busy: each finished update brings a new one (ids 100...).
  let fed = 0;
  const feed = () => {
    if (fed < 20) scheduler.push(msg(100 + fed, 100 + fed++), feed);
  };
  scheduler.push(msg(1, 1), feed); // chat 1 runs (held by the gate)...
  scheduler.push(msg(2, 1), feed); // ...its next update waits behind it
  scheduler.push(msg(3, 3), feed); // another chat, waiting for the slot
  open();
  await idleWithin(scheduler, () => `started: ${started.join(', ')}`);
  assert.deepEqual(started.slice(0, 3), [1, 3, 2], 'the queued updates first, in arrival order');
  assert.equal(started.length, 23);
});

test('onError and done are optional: without onError errors are dropped, without done nothing fails', async () => {
  const ran: number[] = [];
  // No onError: a runner that throws, one that rejects, and a done callback that throws.
  const quiet = new UpdateScheduler((update) => {
    ran.push(update.update_id);
    if (update.update_id === 1) throw new Error('thrown');
    if (update.update_id === 2) return Promise.reject(new Error('rejected'));
    return undefined;
  });
  quiet.push(msg(1, 1));
  quiet.push(msg(2, 1));
  quiet.push(msg(3, 1), () => {
    throw new Error('done failed');
  });
  quiet.push(msg(4, 1));
  await idleWithin(quiet, () => `ran ${ran.join(', ')}`);
  assert.deepEqual(ran, [1, 2, 3, 4]);

  // No done callbacks (asynchronous and synchronous updates): nothing is reported as an error.
  const errors: unknown[] = [];
  const noDone = new UpdateScheduler((update) => (update.update_id % 2 ? Promise.resolve() : undefined), {
    onError: (error) => errors.push(error),
  });
  for (let i = 5; i <= 8; i++) noDone.push(msg(i, i));
  await idleWithin(noDone, () => `${noDone.pending} pending`);
  assert.deepEqual(errors, []);
});
