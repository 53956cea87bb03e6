// stopPolling() is graceful: it resolves only once the handler still running finished and its
// update was confirmed to Telegram. And stopping a bot whose start was refused (restartOnChange)
// just resolves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { stopQuietly } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

test('stopPolling() resolves after the running handler finished and its update was confirmed', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const inHandler = new Promise<void>((resolve) => (entered = resolve));
    let finished = false;
    bot.handleMsg({}, async () => {
      entered();
      await gate;
      finished = true;
    });
    try {
      const running = bot.runthebot({ longPollingTimeout: 1 });
      const update = emu.pushMessage('slow');
      await inHandler;
      const stopped = bot.stopPolling().then(() => ({ finished, confirmed: emu.confirmedOffset > update.update_id }));
      setTimeout(release, 200);
      assert.deepEqual(await stopped, { finished: true, confirmed: true });
      await running;
    } finally {
      release();
      await stopQuietly(bot);
    }
  });
});

test('stopBot() after a refused start (restartOnChange) resolves', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    await assert.rejects(bot.runthebot({ restartOnChange: true }), /restartOnChange is not supported/);
    await bot.stopPolling();
    await bot.stopBot();
  });
});
