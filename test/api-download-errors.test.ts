// downloadFile's timeouts and errors: a stalled download is cut at the bot's readTimeout or at the
// call's own timeout; a slow one inside the limit is not; a refused download carries the HTTP
// status; a network failure names downloadFile. A plain node:http server plays the file server.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiHTTPException } from '../src/index.js';

const server = createServer((req, res) => {
  req.resume();
  if (req.url?.includes('/stalled')) return; // never answers
  if (req.url?.includes('/missing')) {
    res.writeHead(404).end('not found');
    return;
  }
  // A slow file: the answer comes after 2.5 s, well inside the 30 s read timeout it is read with
  // (longer than a second: undici checks its timeouts about once a second).
  setTimeout(() => res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('slow bytes'), 2500);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

function client(readTimeout?: number): ApiClient {
  return new ApiClient('123456:TEST-token', { fileUrl: `${base}/file/bot{0}/{1}`, readTimeout });
}

/** The download's outcome, or a note that it was not cut within 20 s. */
async function outcome(download: Promise<Buffer>): Promise<unknown> {
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      download.then(
        (bytes) => bytes.toString(),
        (error: unknown) => error,
      ),
      new Promise((resolve) => {
        deadline = setTimeout(() => resolve('not cut within 20 s'), 20_000);
      }),
    ]);
  } finally {
    clearTimeout(deadline);
    server.closeAllConnections(); // closing a session waits for requests still in flight
  }
}

test("a stalled download is cut at the bot's readTimeout, or at the call's own timeout", async () => {
  for (const [bot, call] of [
    [client(1), {}],
    [client(), { timeout: 1 }],
  ] as const) {
    try {
      const result = await outcome(bot.downloadFile('stalled.bin', call));
      assert.ok(result instanceof ApiHTTPException, String(result));
      assert.equal(result.code, 'ETIMEDOUT', result.message);
    } finally {
      await bot.closeSession();
    }
  }
});

test('a slow download inside the read timeout is not cut', async () => {
  const bot = client(30);
  try {
    assert.equal(await outcome(bot.downloadFile('slow.bin')), 'slow bytes');
  } finally {
    await bot.closeSession();
  }
});

test('a refused download carries the HTTP status; a network failure names downloadFile', async () => {
  const bot = client(5);
  const { createServer: netServer } = await import('node:net');
  const closed = netServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const gone = new ApiClient('123456:TEST-token', { fileUrl: `http://127.0.0.1:${port}/file/bot{0}/{1}` });
  try {
    const missing = await bot.downloadFile('missing.bin').catch((e: unknown) => e);
    assert.ok(missing instanceof ApiHTTPException, String(missing));
    assert.equal(missing.status, 404);
    const refused = await gone.downloadFile('any.bin').catch((e: unknown) => e);
    assert.ok(refused instanceof ApiHTTPException, String(refused));
    assert.equal(refused.code, 'ECONNREFUSED');
    assert.equal(refused.method, 'downloadFile');
    assert.match(refused.message, /\(method downloadFile\)/);
  } finally {
    await bot.closeSession();
    await gone.closeSession();
  }
});
