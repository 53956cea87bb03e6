// polling's `timeout` (pyTelegramBotAPI's request timeout of infinity_polling) bounds a whole
// getUpdates request: a Bot API that stops answering is given up on after `timeout` seconds (the
// long poll included, and never less than the long poll + 5), the failure is logged and polling
// asks again, instead of waiting forever or cutting a healthy long poll short.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';
import { waitFor, withLogs } from './helpers.js';

test('a getUpdates that gets no answer is cut after `timeout` seconds, logged, and asked again', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    const seen: string[] = [];
    bot.handleMsg({}, (message) => {
      seen.push(message.text ?? '');
    });
    // The first getUpdates is held far longer than any timeout here; the next ones are answered.
    emu.injectFault({ method: 'getUpdates', kind: 'slow', delayMs: 60_000 });
    try {
      await withLogs('error', async (records) => {
        const running = bot.runthebot({ timeout: 12, longPollingTimeout: 3, backoff: { initialMs: 10, maxMs: 10 } });
        await waitFor(() => emu.callsOf('getUpdates').length >= 2, {
          timeoutMs: 25_000,
          message: 'the unanswered getUpdates was never given up on',
        });
        const [held, next] = emu.callsOf('getUpdates');
        const waitedSeconds = (next!.receivedAt - held!.receivedAt) / 1000;
        // 12 s asked for; the transport checks its timers about once a second.
        assert.ok(waitedSeconds >= 11 && waitedSeconds < 15, `cut after ${waitedSeconds} s, not about 12`);
        assert.ok(records.length >= 1, 'the cut request is logged');
        emu.pushMessage('after the timeout');
        await waitFor(() => seen.length === 1, { message: 'polling did not go on after the timeout' });
        await bot.stopBot();
        await running;
      });
    } finally {
      await bot.stopBot();
    }
  });
});
