// The Web fetch transport (the one of Bun, Deno and Workers), forced on Node with
// `transport: 'fetch'` and run against the emulator, so that its path is covered on every CI run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotApiEmulator, attachedFile } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import { closedPort } from './helpers.js';
import { apihelper } from '../src/api/settings.js';
import { InputFile } from '../src/types/input-file.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());

/** Counts the requests that went through the global fetch (the real one still answers). */
function countFetches(): { count: number; restore(): void } {
  const realFetch = globalThis.fetch;
  const counter = {
    count: 0,
    restore: () => {
      globalThis.fetch = realFetch;
    },
  };
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    counter.count++;
    return realFetch(...args);
  }) as typeof fetch;
  return counter;
}

test("transport: 'fetch' sends JSON calls, uploads, downloads through fetch", async () => {
  const fetches = countFetches();
  const dir = await mkdtemp(join(tmpdir(), 'botte-fetch-'));
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, transport: 'fetch' });
  try {
    assert.equal((await bot.getMe()).username, 'botte_test_bot');
    const sent = await bot.sendMessage(42, 'über fetch', {
      reply_markup: { inline_keyboard: [[{ text: 'a', callback_data: 'b' }]] },
    });
    assert.equal(sent.text, 'über fetch');
    assert.deepEqual(emu.callsOf('sendMessage').at(-1)!.params.reply_markup, {
      inline_keyboard: [[{ text: 'a', callback_data: 'b' }]],
    });

    // Bytes, a path (read lazily) and a Web stream: each a streamed multipart body.
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    await bot.sendDocument(42, new InputFile(bytes, 'bytes.bin'), { caption: 'from bytes' });
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'from a path');
    await bot.sendDocument(42, new InputFile(path));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('from a '));
        controller.enqueue(new TextEncoder().encode('stream'));
        controller.close();
      },
    });
    await bot.sendDocument(42, new InputFile(stream, 'stream.txt'));
    const uploads = emu.callsOf('sendDocument').slice(-3);
    assert.equal(uploads[0]!.params.caption, 'from bytes');
    assert.equal(attachedFile(uploads[0]!, 'document')!.size, 300_000);
    assert.equal(attachedFile(uploads[1]!, 'document')!.filename, 'notes.txt');
    assert.equal(attachedFile(uploads[1]!, 'document')!.size, 'from a path'.length);
    assert.equal(attachedFile(uploads[2]!, 'document')!.size, 'from a stream'.length);

    const stored = emu.addFile(Buffer.from('downloaded bytes'), { filePath: 'documents/d.txt' });
    assert.equal((await bot.downloadFile(stored.file_path)).toString(), 'downloaded bytes');
    assert.ok(fetches.count >= 6, `every request went through fetch (saw ${fetches.count})`);
  } finally {
    fetches.restore();
    await bot.closeSession();
    await rm(dir, { recursive: true, force: true });
  }
});

test('the fetch transport raises the same typed errors, without the token', async () => {
  // fetch cannot time connecting apart from waiting: the first byte has connect + read timeouts.
  const bot = new ApiClient(emu.token, {
    apiUrl: emu.apiUrl,
    fileUrl: emu.fileUrl,
    transport: 'fetch',
    retry: false,
    connectTimeout: 0.2,
  });
  try {
    await assert.rejects(bot.sendMessage(42, ''), (error: Error & { errorCode?: number }) => {
      assert.equal(error.name, 'ApiTelegramException');
      assert.equal(error.errorCode, 400);
      return true;
    });
    await assert.rejects(bot.downloadFile('documents/missing.txt'), { name: 'ApiHTTPException', code: 'HTTP_404' });

    const refused = new ApiClient(emu.token, {
      apiUrl: `http://127.0.0.1:${await closedPort()}/bot{0}/{1}`,
      transport: 'fetch',
      retry: false,
    });
    await assert.rejects(refused.getMe(), (error: Error & { code?: string }) => {
      assert.equal(error.name, 'ApiHTTPException');
      assert.equal(error.code, 'ECONNREFUSED');
      assert.ok(
        !JSON.stringify({ m: error.message, s: error.stack }).includes(emu.token.split(':')[1]!),
        'no token in the error',
      );
      return true;
    });
    await refused.closeSession();

    emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 3000 });
    await assert.rejects(bot.callApi('getChat', { chat_id: 42 }, { timeout: 0.3 }), {
      name: 'ApiHTTPException',
      code: 'ETIMEDOUT',
    });
    emu.clearFaults();

    emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 3000 });
    const controller = new AbortController();
    const pending = bot.callApi('getChat', { chat_id: 42 }, { signal: controller.signal });
    await emu.waitForCall('getChat', undefined, { since: emu.calls.length - 1 });
    controller.abort();
    await assert.rejects(pending, { name: 'ApiHTTPException', code: 'ABORTED' });
    emu.clearFaults();
  } finally {
    await bot.closeSession();
  }
});

test('apihelper.TRANSPORT forces a transport for every bot; a wrong value or an unusable proxy is refused clearly', async () => {
  const saved = apihelper.TRANSPORT;
  const fetches = countFetches();
  try {
    apihelper.TRANSPORT = 'fetch';
    const viaFetch = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
    await viaFetch.getMe();
    assert.equal(fetches.count, 1);
    await viaFetch.closeSession();

    apihelper.TRANSPORT = 'auto';
    const auto = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
    await auto.getMe();
    assert.equal(fetches.count, 1, 'on Node, auto keeps undici');
    await auto.closeSession();

    const wrong = new ApiClient(emu.token, { apiUrl: emu.apiUrl, transport: 'xhr' as never, retry: false });
    await assert.rejects(wrong.getMe(), /transport must be 'auto', 'undici' or 'fetch'/);

    // Node's fetch has no proxy option: the error says what to do instead of ignoring the proxy.
    const proxied = new ApiClient(emu.token, {
      apiUrl: emu.apiUrl,
      transport: 'fetch',
      proxy: 'http://127.0.0.1:9',
      retry: false,
    });
    await assert.rejects(proxied.getMe(), /A proxy needs the undici transport \(Node\), Bun or Deno/);
  } finally {
    apihelper.TRANSPORT = saved;
    fetches.restore();
  }
});
