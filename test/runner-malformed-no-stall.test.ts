// An update without a usable update_id (null, a string id, a fraction) is reported by the poller
// and never tracked: it cannot hold the offset, count as unfinished, or show up later as a
// "still being handled" update. The updates after it flow as usual, with no stall warning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, MalformedUpdateError } from '../src/index.js';
import type { BotApiEmulator } from '../src/testing/index.js';
import { withEmulator } from './emulator-harness.js';
import { recordErrors, sleep, waitFor, withLogs } from './helpers.js';

/** Puts `broken` in front of the first getUpdates answer that holds updates (a faulty proxy would). */
function prependToFirstAnswer(emu: BotApiEmulator, broken: unknown[]): void {
  let once = true;
  emu.onMethod('getUpdates', async (_params, _call, fallback) => {
    const updates = (await fallback()) as unknown[];
    if (once && updates.length) {
      once = false;
      return [...broken, ...updates];
    }
    return updates;
  });
}

test('malformed update ids are reported by polling, never tracked: no stall, no warning, the rest handled', async () => {
  await withEmulator(async (emu) => {
    const { errors, exceptionHandler } = recordErrors();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    const handled: string[] = [];
    bot.handleMsg({ func: () => true }, (message) => void handled.push(message.text ?? ''));
    prependToFirstAnswer(emu, [null, { update_id: 'x', message: {} }, { update_id: 1.5 }]);
    await withLogs('warn', async (records) => {
      const running = bot.runthebot({ longPollingTimeout: 1, stalledWindowMs: 300 });
      try {
        emu.pushMessage('first');
        await waitFor(() => handled.length === 1, { message: 'the valid update was not handled' });
        await sleep(700); // past the stalled window: a tracked malformed update would be "still running"
        emu.pushMessage('second');
        await waitFor(() => handled.length === 2, { message: 'the next update was not handled' });
      } finally {
        await bot.stopBot();
        await running;
      }
      assert.deepEqual(handled, ['first', 'second']);
      const malformed = errors.filter((error) => error instanceof MalformedUpdateError);
      assert.equal(malformed.length, 3);
      assert.match((malformed[0] as Error).message, /update_id is not an integer/);
      assert.deepEqual(
        records.map((record) => record.message),
        [],
        'a malformed update was tracked as running',
      );
      assert.equal(emu.pendingUpdates().length, 0, 'everything was confirmed');
    });
  });
});

test('without an exceptionHandler, a malformed update is logged as one getUpdates returned', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    const handled: string[] = [];
    bot.handleMsg({ func: () => true }, (message) => void handled.push(message.text ?? ''));
    prependToFirstAnswer(emu, [null]);
    await withLogs('error', async (records) => {
      const running = bot.runthebot({ longPollingTimeout: 1 });
      try {
        emu.pushMessage('valid');
        await waitFor(() => handled.length === 1, { message: 'the valid update was not handled' });
      } finally {
        await bot.stopBot();
        await running;
      }
      assert.deepEqual(
        records.map((record) => [record.message, (record.error as Error | undefined)?.name]),
        [['getUpdates returned a malformed update', 'MalformedUpdateError']],
      );
    });
  });
});
