// Aborting a call through its `signal`, on both transports (src/api/transport.ts and the Web
// fetch one of src/api/transport-fetch.ts): a signal already aborted sends nothing, for API calls
// and downloads alike; one aborted while the call waits for its answer ends it at once. Either
// way the call fails with ABORTED and the abort reason is kept in the error's causes.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { BotApiEmulator } from '../src/testing/index.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());
const stored = emu.addFile('file bytes', { filePath: 'documents/a.txt' });

for (const transport of ['undici', 'fetch'] as const) {
  test(`transport: '${transport}': an already aborted signal sends nothing and fails with ABORTED`, async () => {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, transport });
    const calls = emu.calls.length;
    try {
      const signal = AbortSignal.abort(new Error('given up before'));
      await assert.rejects(bot.callApi('sendMessage', { chat_id: 1, text: 'never' }, { signal }), {
        name: 'ApiHTTPException',
        code: 'ABORTED',
      });
      await assert.rejects(bot.downloadFile(stored.file_path, { signal }), {
        name: 'ApiHTTPException',
        code: 'ABORTED',
      });
      assert.equal(emu.calls.length, calls, 'no call reached the server');
      assert.equal((await bot.downloadFile(stored.file_path)).toString(), 'file bytes', 'without the signal it works');
    } finally {
      await bot.closeSession();
    }
  });
}

/** The abort reason at the end of `error`'s cause chain, if any. */
function reasonOf(error: unknown): unknown {
  let at = error as { cause?: unknown } | undefined;
  while (at && typeof at === 'object' && 'cause' in at && at.cause !== undefined) at = at.cause as { cause?: unknown };
  return at;
}

for (const transport of ['undici', 'fetch'] as const) {
  test(`transport: '${transport}': aborted while waiting for the answer, the call ends at once with ABORTED and the reason`, async () => {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, transport, retry: false });
    emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 10_000 });
    try {
      const controller = new AbortController();
      const since = emu.calls.length;
      const call = bot.callApi('getChat', { chat_id: 1 }, { signal: controller.signal }).catch((e: unknown) => e);
      await emu.waitForRequest('getChat', undefined, { since });
      const reason = new Error('the user went away');
      const started = Date.now();
      controller.abort(reason);
      const error = (await call) as { name?: string; code?: string };
      assert.equal(error.name, 'ApiHTTPException');
      assert.equal(error.code, 'ABORTED');
      assert.equal(reasonOf(error), reason, 'the abort reason is the last cause');
      assert.ok(Date.now() - started < 5000, 'ended by the abort, not by the slow answer');
    } finally {
      emu.clearFaults();
      await bot.closeSession();
    }
  });
}
