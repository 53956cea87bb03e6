// `interval` (seconds between two getUpdates calls, pyTelegramBotAPI's polling(interval=...)):
// with Telegram answering at once (longPollingTimeout 0), a bot with interval 0.5 makes a handful
// of calls in a second, not a busy loop of hundreds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { sleep } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

test('interval spaces the getUpdates calls; without it they follow each other at once', async () => {
  await withEmulator(async (emu) => {
    const countCalls = async (interval: number | undefined) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      const before = emu.callsOf('getUpdates').length;
      const running = bot.runthebot({ longPollingTimeout: 0, ...(interval === undefined ? {} : { interval }) });
      await sleep(1200);
      await bot.stopBot();
      await running;
      return emu.callsOf('getUpdates').length - before;
    };
    const spaced = await countCalls(0.5);
    const unspaced = await countCalls(undefined);
    assert.ok(spaced >= 2 && spaced <= 6, `interval 0.5 over 1.2 s: ${spaced} getUpdates calls`);
    assert.ok(unspaced > 3 * spaced, `no interval: ${unspaced} calls, interval 0.5: ${spaced}`);
  });
});
