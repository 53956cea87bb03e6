// Which failed calls Botte repeats by itself, against the emulator's injected faults: a send
// that may have reached Telegram is never repeated (the user would get the message twice), an
// idempotent call is; a 429 is waited out only up to MAX_RETRY_AFTER.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from '../src/api/errors.js';
import { apihelper } from '../src/api/settings.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';
import { createServer, type AddressInfo } from 'node:net';
import { sleep, waitFor } from './helpers.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator({ silent: true, resetEachTest: true }); // retries log a warning each

/**
 * Settles `promise` or gives up after `ms`: a call that waits out a long `retry_after` instead of
 * failing at once must fail the test quickly, not stall it.
 */
async function settledWithin<T>(
  promise: Promise<T>,
  ms: number,
): Promise<{ value?: T; error?: unknown; pending?: true }> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<{ pending: true }>((resolve) => {
    timer = setTimeout(() => resolve({ pending: true }), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

test('sendMessage is not repeated after a 5xx, a 502 page or an unreadable answer: it may have been sent', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    emu.injectFault({ method: 'sendMessage', kind: 'http-500' });
    const error = await bot.sendMessage(1001, 'once').catch((e: unknown) => e);
    assert.ok(error instanceof ApiTelegramException, String(error));
    assert.equal(error.errorCode, 500);
    assert.equal(emu.callsOf('sendMessage').length, 1, 'a 500 on sendMessage is not retried');

    emu.injectFault({ method: 'sendMessage', kind: 'http-502' });
    await assert.rejects(bot.sendMessage(1001, 'once'), ApiHTTPException);
    assert.equal(emu.callsOf('sendMessage').length, 2, 'a 502 on sendMessage is not retried');

    emu.injectFault({ method: 'sendMessage', kind: 'invalid-json' });
    await assert.rejects(bot.sendMessage(1001, 'once'), ApiInvalidJSONException);
    assert.equal(emu.callsOf('sendMessage').length, 3, 'an unreadable answer to sendMessage is not retried');
  } finally {
    await bot.closeSession();
  }
});

test('idempotent calls (get*, edit*, delete*...) are repeated after a 5xx and succeed', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    emu.injectFault({ method: 'getMe', kind: 'http-500' });
    emu.injectFault({ method: 'deleteWebhook', kind: 'http-502' });
    emu.injectFault({ method: 'setMyCommands', kind: 'invalid-json' });
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(await bot.deleteWebhook(), true);
    assert.equal(await bot.setMyCommands([{ command: 'start', description: 'Start' }]), true);
    assert.equal(emu.callsOf('getMe').length, 2);
    assert.equal(emu.callsOf('deleteWebhook').length, 2);
    assert.equal(emu.callsOf('setMyCommands').length, 2);
    // maxRetries bounds the repetitions.
    emu.injectFault({ method: 'getMe', kind: 'http-500', times: 10 });
    const limited = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: { maxRetries: 1 } });
    await assert.rejects(limited.getMe(), (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 500);
    assert.equal(emu.callsOf('getMe').length, 4, 'one try and one retry');
    await limited.closeSession();
  } finally {
    await bot.closeSession();
  }
});

test('a 429 longer than maxRetryAfter fails at once with its retryAfter, instead of being waited out', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: { maxRetryAfter: 2 } });
  try {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 30 });
    const outcome = await settledWithin(bot.sendMessage(1001, 'hi'), 5000);
    assert.ok(!outcome.pending, 'a 30 s retry_after was waited for although maxRetryAfter is 2');
    assert.ok(outcome.error instanceof ApiTelegramException, String(outcome.error));
    assert.equal(outcome.error.errorCode, 429);
    assert.equal(outcome.error.retryAfter, 30);
    assert.equal(emu.callsOf('sendMessage').length, 1);
  } finally {
    await bot.closeSession();
  }
});

test('apihelper.MAX_RETRY_AFTER is the cap of every bot without its own', async () => {
  const saved = apihelper.MAX_RETRY_AFTER;
  apihelper.MAX_RETRY_AFTER = 2;
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    emu.injectFault({ method: 'getChat', kind: 'too-many-requests', retryAfter: 30 });
    const outcome = await settledWithin(bot.getChat(1001), 5000);
    assert.ok(!outcome.pending, 'a 30 s retry_after was waited for although MAX_RETRY_AFTER is 2');
    assert.ok(outcome.error instanceof ApiTelegramException && outcome.error.errorCode === 429, String(outcome.error));
    assert.equal(emu.callsOf('getChat').length, 1);
    // Within the cap, the same 429 is waited out and the call succeeds.
    emu.pushMessage('make the chat known', { chatId: 1001 });
    emu.injectFault({ method: 'getChat', kind: 'too-many-requests', retryAfter: 0 });
    assert.equal((await bot.getChat(1001)).id, 1001);
    assert.equal(emu.callsOf('getChat').length, 3);
  } finally {
    apihelper.MAX_RETRY_AFTER = saved;
    await bot.closeSession();
  }
});

test('a retry_after equal to the cap is waited out', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: { maxRetryAfter: 1 } });
  try {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1 });
    assert.equal((await bot.sendMessage(1001, 'after the wait')).text, 'after the wait');
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.status),
      [429, 200],
    );
  } finally {
    await bot.closeSession();
  }
});

test('a refused connection is retried even for sendMessage: nothing reached Telegram', async () => {
  // A port with nothing listening; the emulator starts on it while the first retries wait.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  const bot = new ApiClient(emu.token, { apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}` });
  const warnings: string[] = [];
  logger.setLevel('warn').setOutput((record) => warnings.push(record.message));
  let late: BotApiEmulator | undefined;
  try {
    const sending = bot.sendMessage(1001, 'through at last');
    sending.catch(() => undefined); // awaited below; a rejection before that is not "unhandled"
    await waitFor(() => warnings.some((line) => /^sendMessage failed .*ECONNREFUSED.*retrying/.test(line)), {
      message: () => `the refused sendMessage was not going to be retried (log: ${JSON.stringify(warnings)})`,
    });
    late = await BotApiEmulator.start({ port });
    assert.equal((await sending).text, 'through at last');
    assert.equal(late.callsOf('sendMessage').length, 1);
  } finally {
    logger.setLevel('silent').setOutput(null);
    await bot.closeSession();
    await late?.stop();
  }
});

test('an aborted call is not retried, even an idempotent one', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 2000 });
    const controller = new AbortController();
    const call = bot.callApi('getChat', { chat_id: 1001 }, { signal: controller.signal });
    await emu.waitForCall('getChat', undefined, { timeoutMs: 5000 });
    controller.abort();
    await assert.rejects(call, (error: unknown) => error instanceof ApiHTTPException && error.code === 'ABORTED');
    await sleep(400); // longer than the first retry's backoff (250 ms)
    assert.equal(emu.callsOf('getChat').length, 1);
  } finally {
    await bot.closeSession();
  }
});
