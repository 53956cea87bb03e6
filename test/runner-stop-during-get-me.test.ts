// Stopping a bot while its first getMe keeps failing (a Bot API that answers 500s slowly) ends
// polling quietly: the getMe that fails after the stop began is not reported as one more failure
// (the exceptionHandler heard of the earlier ones), and it is not tried again; the same for
// skipPending's first getUpdates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';
import { TelegramError } from '../src/testing/index.js';
import { recordErrors, sleep, waitFor } from './helpers.js';

test('stopBot while a failing getMe is on its way: that failure is not reported, nothing is retried', async () => {
  await withEmulator(async (emu) => {
    const { errors, exceptionHandler } = recordErrors();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    emu.onMethod('getMe', async () => {
      await sleep(300);
      throw new TelegramError(500, 'Internal Server Error: try again');
    });
    const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10, maxMs: 10 } });
    await waitFor(() => errors.length === 1, { message: 'the first failed getMe was not reported' });
    const calls = emu.callsOf('getMe').length;
    await waitFor(() => emu.callsOf('getMe').length > calls, { message: 'getMe was not retried' });
    // The retry is on its way (answered with a 500 after 300 ms): stop now.
    await bot.stopBot();
    await running;
    assert.equal(errors.length, 1, `reported after the stop: ${errors.slice(1).map((e) => (e as Error).message)}`);
    const after = emu.callsOf('getMe').length;
    await sleep(100);
    assert.equal(emu.callsOf('getMe').length, after, 'getMe was tried again after the stop');
    assert.equal(emu.callsOf('getUpdates').length, 0);
  });
});

test("stopBot while skipPending's failing getUpdates is on its way: that failure is not reported", async () => {
  await withEmulator(async (emu) => {
    const { errors, exceptionHandler } = recordErrors();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    emu.onMethod('getUpdates', async () => {
      await sleep(300);
      throw new TelegramError(500, 'Internal Server Error: try again');
    });
    const running = bot.runthebot({ skipPending: true, longPollingTimeout: 1, backoff: { initialMs: 10, maxMs: 10 } });
    await waitFor(() => errors.length === 1, { message: 'the first failed getUpdates was not reported' });
    const calls = emu.callsOf('getUpdates').length;
    await waitFor(() => emu.callsOf('getUpdates').length > calls, { message: 'getUpdates was not retried' });
    await bot.stopBot();
    await running;
    assert.equal(errors.length, 1, `reported after the stop: ${errors.slice(1).map((e) => (e as Error).message)}`);
    assert.ok(
      emu.callsOf('getUpdates').every((call) => call.params.offset === -1),
      'only the skipPending call was made',
    );
  });
});
