// A caller's AbortSignal passed to many calls (the poller passes its run's signal to every
// getUpdates; a bot may pass one per conversation) must not collect an abort listener per call:
// each transport removes its listener when the call ends, so a long-running bot does not leak
// listeners or warn "MaxListenersExceededWarning" after a dozen calls.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { ApiClient } from '../src/api/client.js';
import { BotApiEmulator } from '../src/testing/index.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());

for (const transport of ['undici', 'fetch'] as const) {
  test(`${transport}: 20 calls with one signal leave no abort listener on it`, async () => {
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, transport });
    const controller = new AbortController();
    try {
      for (let i = 0; i < 20; i++) await bot.callApi('getMe', {}, { signal: controller.signal });
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(
        warnings.map((w) => w.name),
        [],
      );
    } finally {
      process.off('warning', onWarning);
      await bot.closeSession();
    }
  });
}
