import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { sleep } from './helpers.js';

test('stopBot() aborts the long poll at once, whatever the timing (50 races)', async () => {
  const emu = await BotApiEmulator.start();
  // A long poll of 60 s: a stop that waits for it instead of aborting it is unmistakable.
  const LONG_POLL = 60;
  const DEADLINE_MS = 10_000;
  // Sends answered after 60 ms; 70 of them in flight fill the pool (64 connections), so a long
  // poll started meanwhile waits for a connection: a stop must abort it there too.
  emu.injectFault({ kind: 'slow', method: 'sendMessage', delayMs: 60, probability: 1 });
  try {
    for (let i = 0; i < 50; i++) {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      let handled = 0;
      // The README's style: the reply is not awaited.
      bot.handleMsg({ func: () => true }, (message) => {
        void bot.replyTo(message, `re ${message.text}`);
        handled++;
      });
      const running = bot.runthebot({ longPollingTimeout: LONG_POLL });
      let busy = true;
      const load = Array.from({ length: 70 }, async (_, k) => {
        while (busy) await bot.sendMessage(1000 + k, 'load').catch(() => undefined);
      });
      emu.pushMessage('a', { chatId: 1, userId: 1 });
      emu.pushMessage('b', { chatId: 2, userId: 2 });
      const started = Date.now();
      while (handled < 2) {
        assert.ok(
          Date.now() - started < DEADLINE_MS,
          `iteration ${i}: the updates were not handled within ${DEADLINE_MS} ms`,
        );
        await sleep(1);
      }
      // Stop at a different moment of the poll cycle each round.
      await sleep((i * 7) % 70);
      busy = false;
      const stoppedAt = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const outcome = await Promise.race([
        bot.stopBot().then(() => 'stopped'),
        new Promise<string>((resolve) => (timer = setTimeout(() => resolve('hung'), DEADLINE_MS))),
      ]);
      clearTimeout(timer);
      assert.equal(
        outcome,
        'stopped',
        `iteration ${i}: stopBot() still waiting after ${Date.now() - stoppedAt} ms: a long poll was not aborted`,
      );
      await running;
      await Promise.all(load);
    }
    assert.equal(emu.pendingUpdates().length, 0, 'every update confirmed');
  } finally {
    await emu.stop();
  }
});
