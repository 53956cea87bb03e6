// What a polling bot logs when Telegram fails: which call failed, the 429 wait Telegram asked
// for, the doubling (and capped) backoff, and the greeting naming the bot. Users read these lines
// to know why their bot is quiet, so the words and the waits are part of the behaviour.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import type { BotApiEmulator } from '../src/testing/index.js';
import { LogLevels, type LogRecord } from '../src/logger.js';
import { stopQuietly, waitFor, withLogs } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

/** Polls until the bot answered one pushed message, then stops it. */
async function answerOnce(emu: BotApiEmulator, bot: Botte, running: Promise<void>): Promise<void> {
  bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, 'ok'));
  try {
    emu.pushMessage('hi');
    await waitFor(() => emu.callsOf('sendMessage').length > 0, { message: 'the bot never answered' });
  } finally {
    await stopQuietly(bot);
  }
  await running;
}

const errorsAbout = (records: LogRecord[], what: RegExp) =>
  records.filter((r) => r.level >= LogLevels.ERROR && what.test(r.message)).map((r) => r.message);

test('runthebot names the failed call and doubles its wait up to backoff.maxMs', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'http-500', times: 4 });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10, maxMs: 40 } });
      await answerOnce(emu, bot, running);
      assert.deepEqual(errorsAbout(records, /getUpdates/), [
        'getUpdates failed; retrying in 10 ms',
        'getUpdates failed; retrying in 20 ms',
        'getUpdates failed; retrying in 40 ms',
        'getUpdates failed; retrying in 40 ms',
      ]);
    });
  });
});

test('a 429 waits the retry_after Telegram asked for, and says it was rate limited', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'too-many-requests', retryAfter: 2 });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10, maxMs: 40 } });
      await answerOnce(emu, bot, running);
      assert.deepEqual(errorsAbout(records, /getUpdates/), ['getUpdates was rate limited; retrying in 2000 ms']);
    });
  });
});

test('getMe failing is named and retried; the start line names the bot by its username', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      // No automatic retry of the client, so that the poller sees the failure.
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: { maxRetries: 0 } });
      emu.injectFault({ method: 'getMe', kind: 'http-500' });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10 } });
      await answerOnce(emu, bot, running);
      assert.deepEqual(errorsAbout(records, /getMe/), ['getMe failed; retrying in 10 ms']);
      const me = await bot.getMe();
      assert.ok(me.username);
      assert.ok(
        records.some((r) => r.message === `Polling started as @${me.username}`),
        'the start line names the bot',
      );
    });
  });
});

test('skipPending: a failed skip is named and retried; with nothing pending polling goes on', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
      const running = bot.runthebot({ longPollingTimeout: 1, skipPending: true, backoff: { initialMs: 10 } });
      await waitFor(() => emu.callsOf('getUpdates').length >= 3, { message: 'polling never went past the skip' });
      await answerOnce(emu, bot, running);
      assert.deepEqual(errorsAbout(records, /getUpdates/), ['getUpdates (skipPending) failed; retrying in 10 ms']);
    });
  });
});

test('polling() without nonStop logs the failed call without a retry promise, then rejects', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
      await assert.rejects(bot.polling({ longPollingTimeout: 1 }));
      assert.deepEqual(errorsAbout(records, /getUpdates/), ['getUpdates failed']);
      await bot.stopBot();
    });
  });
});

test('409 Conflict says how to fix it (another poller, or a webhook to remove)', async () => {
  await withEmulator(async (emu) => {
    await withLogs('info', async (records) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'getUpdates', kind: 'conflict' });
      const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10 } });
      await answerOnce(emu, bot, running);
      assert.deepEqual(errorsAbout(records, /getUpdates/), [
        'getUpdates answered 409 Conflict: another instance of this bot is polling, or a webhook is set ' +
          '(remove it with bot.removeWebhook()); retrying in 10 ms',
      ]);
    });
  });
});
