// A limiter with `pause` (RedisFloodControl of botte/scale, or a user's own) is told of Telegram's
// 429s so that every process holding the limiter waits: which errors it is told of, with which
// retry_after, what happens when telling it fails, and that a call aborted in the pause sends
// nothing more. A user's recording limiter against the emulator (no Redis needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, ApiHTTPException, ApiTelegramException, type FloodLimiter } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger, type LogRecord } from '../src/logger.js';

type Seen = Array<[string, ...unknown[]]>;

function pausingLimiter(onPause?: () => Promise<void>): FloodLimiter & { seen: Seen } {
  const seen: Seen = [];
  return {
    seen,
    async acquire(method, chatId) {
      seen.push(['acquire', method, chatId]);
    },
    async pause(method, chatId, retryAfter) {
      seen.push(['pause', method, chatId, retryAfter]);
      if (onPause) await onPause();
    },
  };
}

async function withBot(
  limiter: FloodLimiter,
  run: (bot: ApiClient, emu: BotApiEmulator, logs: LogRecord[]) => Promise<void>,
): Promise<void> {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: limiter });
  const logs: LogRecord[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => logs.push(record));
  try {
    await run(bot, emu, logs);
  } finally {
    logger.setLevel(level).setOutput(null);
    await bot.closeSession();
    await emu.stop();
  }
}

test("a 429 passes Telegram's retry_after to the limiter even when the call is not retried", async () => {
  const limiter = pausingLimiter();
  await withBot(limiter, async (bot, emu) => {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 7 });
    await assert.rejects(
      bot.callApi('sendMessage', { chat_id: -42, text: 'refused' }, { retry: false }),
      (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 429,
    );
    assert.deepEqual(limiter.seen, [
      ['acquire', 'sendMessage', -42],
      ['pause', 'sendMessage', -42, 7],
    ]);
  });
});

test('errors other than 429, and a 429 to getUpdates, pause nothing', async () => {
  const limiter = pausingLimiter();
  await withBot(limiter, async (bot, emu) => {
    emu.injectFault({ method: 'sendMessage', kind: 'http-500' });
    await assert.rejects(
      bot.callApi('sendMessage', { chat_id: 5, text: 'refused' }),
      (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 500,
    );
    emu.injectFault({ method: 'sendMessage', kind: 'unauthorized' });
    await assert.rejects(
      bot.callApi('sendMessage', { chat_id: 5, text: 'refused' }),
      (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 401,
    );
    emu.injectFault({ method: 'getUpdates', kind: 'too-many-requests', retryAfter: 3 });
    await assert.rejects(
      bot.callApi('getUpdates', { timeout: 0 }, { retry: false }),
      (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 429,
    );
    assert.deepEqual(
      limiter.seen.filter(([kind]) => kind === 'pause'),
      [],
    );
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.status),
      [500, 401],
    );
  });
});

test('a limiter whose pause fails is reported in the log, and the retry still goes through it', async () => {
  const limiter = pausingLimiter(() => Promise.reject(new Error('the store is down')));
  await withBot(limiter, async (bot, emu, logs) => {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 0 });
    const sent = await bot.callApi('sendMessage', { chat_id: 9, text: 'second try' });
    assert.equal(sent.text, 'second try');
    assert.deepEqual(limiter.seen, [
      ['acquire', 'sendMessage', 9],
      ['pause', 'sendMessage', 9, 0],
      ['acquire', 'sendMessage', 9],
    ]);
    const warning = logs.find((record) => record.message.includes('could not share a 429 pause'));
    assert.ok(warning, `no warning about the pause: ${logs.map((record) => record.message).join(' | ')}`);
    assert.match(String((warning.error as Error | undefined)?.message ?? warning.message), /the store is down/);
  });
});

test('a call aborted while the 429 pause is shared sends nothing more and fails as ABORTED', async () => {
  const controller = new AbortController();
  const limiter = pausingLimiter(async () => controller.abort());
  await withBot(limiter, async (bot, emu) => {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 0 });
    await assert.rejects(
      bot.callApi('sendMessage', { chat_id: 9, text: 'aborted' }, { signal: controller.signal }),
      (error: unknown) => error instanceof ApiHTTPException && error.code === 'ABORTED',
    );
    // The retry's wait saw the abort: the limiter is not asked for another turn.
    assert.deepEqual(limiter.seen, [
      ['acquire', 'sendMessage', 9],
      ['pause', 'sendMessage', 9, 0],
    ]);
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.status),
      [429],
    );
  });
});
