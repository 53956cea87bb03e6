// What the automatic retry repeats and how long it says it waits: a request its own sender
// aborted is never sent again (even for a method safe to repeat), and the back-off after 5xx
// answers doubles from 250 ms, as the log announces it. The announced delays are read from the
// log; nothing here measures time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, ApiHTTPException, ApiTelegramException } from '../src/index.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger, type LogRecord } from '../src/logger.js';

async function withLog(run: (logs: LogRecord[]) => Promise<void>): Promise<void> {
  const logs: LogRecord[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => logs.push(record));
  try {
    await run(logs);
  } finally {
    logger.setLevel(level).setOutput(null);
  }
}

test('a request its custom sender aborted is not repeated, even for getChat', async () => {
  await withLog(async (logs) => {
    let calls = 0;
    const bot = new ApiClient('123456:TEST-token', {
      customRequestSender: () => {
        calls++;
        if (calls === 1) throw Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
        return new CustomRequestResponse({ ok: true, result: { id: 1, type: 'private' } });
      },
    });
    const error = await bot.getChat(1).catch((e: unknown) => e);
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ABORTED');
    assert.equal(calls, 1, 'the aborted request was sent again');
    assert.deepEqual(
      logs.filter((record) => record.message.includes('retrying')).map((record) => record.message),
      [],
    );
  });
});

test('the back-off after 5xx answers doubles from 250 ms, as the log says', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: { maxRetries: 3 } });
  try {
    await withLog(async (logs) => {
      emu.injectFault({ method: 'getChat', kind: 'http-500', times: 4 });
      const error = await bot.getChat(1).catch((e: unknown) => e);
      assert.ok(error instanceof ApiTelegramException && error.errorCode === 500, String(error));
      const announced = logs
        .map((record) => /^getChat failed .*; retrying in (\d+) ms$/.exec(record.message)?.[1])
        .filter((delay) => delay !== undefined)
        .map(Number);
      assert.deepEqual(announced, [250, 500, 1000]);
      assert.equal(emu.callsOf('getChat').length, 4);
    });
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
