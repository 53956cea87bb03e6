// `interval` (seconds between two getUpdates calls, pyTelegramBotAPI's polling(interval=...)):
// with Telegram answering at once (longPollingTimeout 0), the calls of a bot with interval 0.5
// come at least half a second apart instead of in a busy loop. Only a lower bound is asserted:
// a loaded machine makes the calls slower, never faster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { stopQuietly, waitFor } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

test('interval spaces the getUpdates calls', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    try {
      const running = bot.runthebot({ longPollingTimeout: 0, interval: 0.5 });
      const calls = () => emu.callsOf('getUpdates').length;
      await waitFor(() => calls() >= 1, { timeoutMs: 20_000, message: 'no getUpdates call' });
      const first = Date.now();
      await waitFor(() => calls() >= 3, { timeoutMs: 20_000, message: () => `${calls()} getUpdates calls` });
      const elapsed = Date.now() - first;
      assert.ok(elapsed >= 900, `3 getUpdates calls within ${elapsed} ms despite interval 0.5 s`);
      await bot.stopBot();
      await running;
    } finally {
      await stopQuietly(bot);
    }
  });
});
