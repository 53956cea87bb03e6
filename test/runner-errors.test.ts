import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { ApiTelegramException, ApiHTTPException } from '../src/api/errors.js';
import { withLogs, recordErrors } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

test('401 Unauthorized ends runthebot with a clear error', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'unauthorized' });
      await assert.rejects(bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 1 } }), (error: unknown) => {
        assert.ok(error instanceof ApiTelegramException);
        assert.equal(error.errorCode, 401);
        return true;
      });
      assert.ok(records.some((r) => /token is wrong or was revoked/.test(r.message)));
      assert.ok(!records.some((r) => r.message.includes(emu.token)));
      await bot.stopBot();
    });
  });
});

test('a wrong token (401 from getMe) ends runthebot too', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async () => {
      const bot = new Botte('999:wrong-token', { apiUrl: emu.apiUrl });
      await assert.rejects(
        bot.runthebot({ longPollingTimeout: 1 }),
        (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 401,
      );
    });
  });
});

test('409 Conflict is logged clearly and polling recovers', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, 'ok'));
      emu.injectFault({ method: 'getUpdates', kind: 'conflict', times: 3 });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 5, maxMs: 20 } });
      emu.pushMessage('hi');
      await emu.waitForCall('sendMessage');
      await bot.stopBot();
      await running;
      assert.equal(emu.callsOf('getUpdates').filter((c) => c.status === 409).length, 3);
      assert.ok(
        records.some((r) =>
          /409 Conflict: another instance of this bot is polling, or a webhook is set/.test(r.message),
        ),
      );
    });
  });
});

test('network errors, 5xx and invalid JSON: runthebot backs off and recovers', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async () => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, 'ok'));
      for (const kind of ['reset', 'http-500', 'http-502', 'invalid-json'] as const)
        emu.injectFault({ method: 'getUpdates', kind });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 5, maxMs: 20 } });
      emu.pushMessage('hi');
      await emu.waitForCall('sendMessage');
      await bot.stopBot();
      await running;
      assert.ok(emu.callsOf('getUpdates').filter((c) => c.fault).length >= 4);
    });
  });
});

test('polling() without nonStop ends at the first error; an exceptionHandler returning true keeps it going', async () => {
  await withEmulator(async (emu) => {
    await withLogs('warn', async () => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'reset' });
      await assert.rejects(bot.polling({ longPollingTimeout: 1 }), ApiHTTPException);

      const { errors: seen, exceptionHandler } = recordErrors();
      const tolerant = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
      tolerant.handleMsg({ func: () => true }, (message) => void tolerant.replyTo(message, 'ok'));
      emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
      const running = tolerant.polling({ longPollingTimeout: 1, backoff: { initialMs: 1 } });
      emu.pushMessage('hi');
      await emu.waitForCall('sendMessage');
      await tolerant.stopBot();
      await running;
      assert.equal(seen.length, 1);
      await bot.stopBot();
    });
  });
});

test('polling twice at once is refused; restartOnChange says what to use instead', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    await assert.rejects(bot.runthebot({ restartOnChange: true }), /node --watch/);
    const running = bot.runthebot({ longPollingTimeout: 1 });
    await assert.rejects(bot.polling(), /already polling/);
    await bot.stopBot();
    await running;
  });
});
