// While a slow handler holds the offset, Telegram answers getUpdates at once, so the poller asks
// again on a tick of `stalledWindowMs / 4` (src/runner/polling.ts): often enough that other
// chats' updates start soon, never in a tight loop that would hammer the Bot API, and each wait
// cleans up after itself (no abort listener piles up on the run's signal, however long the stall).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { gatedPollingBot, sleep, stopQuietly, waitFor } from './helpers.js';

test('a held offset is polled every stalledWindowMs / 4: neither spinning nor waiting the whole window', async () => {
  const emu = await BotApiEmulator.start();
  const { bot, running, release } = gatedPollingBot(emu, { stalledWindowMs: 1000, longPollingTimeout: 1 });
  try {
    const slow = emu.pushMessage('slow', { chatId: 1, userId: 1 });
    const handedOut = () =>
      emu.callsOf('getUpdates').filter((c) => (c.response?.result as unknown[] | undefined)?.length);
    await waitFor(() => handedOut().length >= 1, { message: 'the slow update was never fetched' });
    const from = emu.callsOf('getUpdates').length;
    await sleep(900); // inside the window: the offset is still held by the slow update
    const polls = emu.callsOf('getUpdates').slice(from);
    assert.ok(
      polls.every((c) => c.params.offset === slow.update_id),
      'the offset stays at the slow update inside the window',
    );
    // A tick of 250 ms: about 3 polls in 900 ms; 1 s ticks would give at most 1, a spin dozens.
    assert.ok(polls.length >= 2 && polls.length <= 8, `${polls.length} polls in 900 ms with the offset held`);
  } finally {
    release();
    await stopQuietly(bot);
    await running.catch(() => undefined);
    await emu.stop();
  }
});

test('a long stall (stalledWindowMs: Infinity, 4 s) leaves no abort listeners behind', async () => {
  const warnings: Error[] = [];
  const onWarning = (warning: Error) => warnings.push(warning);
  process.on('warning', onWarning);
  const emu = await BotApiEmulator.start();
  const { bot, running, release } = gatedPollingBot(emu, {
    stalledWindowMs: Number.POSITIVE_INFINITY,
    longPollingTimeout: 1,
  });
  try {
    emu.pushMessage('slow', { chatId: 1, userId: 1 });
    const from = () => emu.callsOf('getUpdates').length;
    const start = from();
    await waitFor(() => from() - start >= 14, { message: () => `${from() - start} polls while the offset is held` });
    await sleep(50); // warnings are emitted on the next tick
    assert.deepEqual(
      warnings.map((w) => `${w.name}: ${w.message}`),
      [],
      'every wait removes its abort listener',
    );
  } finally {
    process.off('warning', onWarning);
    release();
    await stopQuietly(bot);
    await running.catch(() => undefined);
    await emu.stop();
  }
});
