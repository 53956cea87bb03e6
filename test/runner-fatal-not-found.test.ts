// A 404 from getMe/getUpdates means the API address or the token's form is wrong: no retry can
// fix it, so even infinityPolling (which retries every other failure) stops with the error
// instead of polling a wrong address for ever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { ApiTelegramException } from '../src/api/errors.js';
import { stopQuietly, waitFor, withLogs } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

test('infinityPolling against a wrong API address (404 Not Found) stops with the 404 error', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: `${emu.apiUrl}/wrong-prefix` });
      let outcome: unknown = 'still polling';
      const running = bot.infinityPolling({ longPollingTimeout: 1, backoff: { initialMs: 1, maxMs: 5 } }).then(
        () => (outcome = 'ended without an error'),
        (error: unknown) => (outcome = error),
      );
      try {
        await waitFor(() => outcome !== 'still polling', {
          timeoutMs: 5000,
          message: () => `polling went on after 404 answers (${emu.calls.length} calls made)`,
        });
        assert.ok(outcome instanceof ApiTelegramException, `ended with ${String(outcome)}`);
        assert.equal(outcome.errorCode, 404);
        assert.ok(records.some((r) => /failed with 404/.test(r.message)));
        assert.ok(!records.some((r) => r.message.includes(emu.token)));
      } finally {
        await stopQuietly(bot);
        await running;
      }
    });
  });
});
