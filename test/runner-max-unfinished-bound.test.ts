// `maxUnfinished` is the most polled updates that may be queued or running: fetching pauses only
// while *more* than that many are unfinished (src/runner/polling.ts). With `maxUnfinished: 1`
// and one handler blocked, the next update of another chat is still fetched and handled; with
// two unfinished, a third waits until one finishes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import type { BotApiEmulator } from '../src/testing/index.js';
import { withEmulator } from './emulator-harness.js';
import { sleep, waitFor } from './helpers.js';

/**
 * Runs a bot with `maxUnfinished: 1` whose handler blocks on texts starting with "block" until
 * `release()`; `started` and `handled` list the texts as handlers begin and end.
 */
async function withBlockingBot(
  emu: BotApiEmulator,
  body: (bot: { started: string[]; handled: string[]; release: () => void }) => Promise<void>,
): Promise<void> {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, numThreads: 4 });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const started: string[] = [];
  const handled: string[] = [];
  bot.handleMsg({ func: () => true }, async (message) => {
    started.push(message.text ?? '');
    if (message.text?.startsWith('block')) await gate;
    handled.push(message.text ?? '');
  });
  const running = bot.runthebot({ longPollingTimeout: 1, maxUnfinished: 1, stalledWindowMs: Number.POSITIVE_INFINITY });
  try {
    await body({ started, handled, release });
  } finally {
    release();
    await bot.stopBot();
    await running;
  }
}

test('maxUnfinished: 1 lets one more update in beside a blocked one, not two', () =>
  withEmulator((emu) =>
    withBlockingBot(emu, async ({ started, handled, release }) => {
      emu.pushMessage('block-a', { chatId: 1, userId: 1 });
      await waitFor(() => started.includes('block-a'), { message: 'block-a was not fetched' });
      emu.pushMessage('quick', { chatId: 2, userId: 2 });
      await waitFor(() => handled.includes('quick'), {
        timeoutMs: 5_000,
        message: 'with one update unfinished and maxUnfinished 1, the next one was not fetched',
      });
      release();
      await waitFor(() => handled.includes('block-a'), { message: 'block-a did not finish' });
    }),
  ));

test('maxUnfinished: 1 with two unfinished: a third update waits until one finishes', () =>
  withEmulator((emu) =>
    withBlockingBot(emu, async ({ started, release }) => {
      // Two blocked updates in one answer: both accepted, two unfinished.
      emu.pushMessage('block-a', { chatId: 1, userId: 1 });
      emu.pushMessage('block-b', { chatId: 2, userId: 2 });
      await waitFor(() => started.length === 2, { message: () => `started: ${started}` });
      emu.pushMessage('third', { chatId: 3, userId: 3 });
      await sleep(1_500);
      assert.deepEqual(started, ['block-a', 'block-b'], 'the third was fetched while two were unfinished');
      release();
      await waitFor(() => started.includes('third'), { message: 'the third was not handled once they finished' });
    }),
  ));
