// The timers of the Web fetch transport (src/api/transport-fetch.ts: Bun, Deno, Workers, and
// `transport: 'fetch'` on Node). fetch cannot tell connecting from waiting, so the first answer
// byte gets connectTimeout + readTimeout; after that, readTimeout between body chunks. A large
// download that keeps coming is never cut, however long it takes in total; a stalled one is cut
// with an error that says what did not arrive. A plain node:http server plays a slow Telegram.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiHTTPException } from '../src/index.js';
import { sleep } from './helpers.js';

const TOKEN = '123456:TEST-token';
const CHUNK = 256 * 1024;
/** Eight chunks: 2 MB, over the 1 MB under which an answer is read in one go. */
const LARGE = 8 * CHUNK;

/** A file of `size` bytes whose content shows any lost or reordered chunk. */
function fileBytes(size: number): Buffer {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) bytes.writeUInt32BE(i / 4, i);
  return bytes;
}

/** Writes `body` in CHUNK pieces, `gapMs` apart; stops after `chunks` pieces when given. */
async function trickle(res: ServerResponse, body: Buffer, gapMs: number, chunks = Number.POSITIVE_INFINITY) {
  for (let at = 0, sent = 0; at < body.length && sent < chunks; at += CHUNK, sent++) {
    if (sent > 0) await sleep(gapMs);
    if (res.destroyed) return;
    res.write(body.subarray(at, at + CHUNK));
  }
  if (chunks === Number.POSITIVE_INFINITY) res.end();
}

const server = createServer((req, res) => {
  req.resume();
  const path = req.url ?? '';
  const json = (text: string) => res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  if (path.endsWith('/getMe')) {
    // Answers after 1.2 s: later than readTimeout alone, sooner than connectTimeout + readTimeout.
    setTimeout(() => json('{"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Slow"}}'), 1200);
  } else if (path.endsWith('/getChat')) {
    // Never answers.
  } else if (path.endsWith('/getMyName')) {
    // Sends the head and the start of a small body, then nothing more.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 200 }).write('{"ok":true,');
  } else if (path.endsWith('/sized.bin')) {
    res.writeHead(200, { 'content-length': LARGE });
    void trickle(res, fileBytes(LARGE), 200);
  } else if (path.endsWith('/unsized.bin')) {
    res.writeHead(200, {});
    void trickle(res, fileBytes(LARGE), 200);
  } else if (path.endsWith('/stalled.bin')) {
    res.writeHead(200, { 'content-length': LARGE });
    void trickle(res, fileBytes(LARGE), 200, 2);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

function bot(connectTimeout: number, readTimeout: number): ApiClient {
  return new ApiClient(TOKEN, {
    apiUrl: `${base}/bot{0}/{1}`,
    fileUrl: `${base}/file/bot{0}/{1}`,
    transport: 'fetch',
    retry: false,
    connectTimeout,
    readTimeout,
  });
}

/** The call's outcome, or a string when it took longer than 20 s (the test then fails clearly). */
async function outcome<T>(call: Promise<T>): Promise<T | unknown> {
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      call.catch((error: unknown) => error),
      new Promise((resolve) => {
        deadline = setTimeout(() => resolve('neither answered nor cut within 20 s'), 20_000);
      }),
    ]);
  } finally {
    clearTimeout(deadline);
  }
}

test('the first answer byte may take connectTimeout + readTimeout: an answer after 1.2 s arrives with 2 s + 0.5 s', async () => {
  const client = bot(2, 0.5);
  try {
    const me = await outcome(client.getMe());
    assert.equal((me as { first_name?: string }).first_name, 'Slow', String(me));
  } finally {
    await client.closeSession();
  }
});

test('no answer at all: ETIMEDOUT after connectTimeout + readTimeout, and the message says so', async () => {
  const client = bot(0.2, 0.3);
  try {
    const error = await outcome(client.callApi('getChat', { chat_id: 1 }));
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ETIMEDOUT');
    assert.match(error.message, /No answer within 500 ms/);
  } finally {
    await client.closeSession();
  }
});

test('a small answer whose body stops coming: ETIMEDOUT naming the body, after readTimeout', async () => {
  const client = bot(5, 0.3);
  try {
    const error = await outcome(client.callApi('getMyName', {}));
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ETIMEDOUT');
    assert.match(error.message, /No body data within 300 ms/);
  } finally {
    await client.closeSession();
  }
});

for (const name of ['sized', 'unsized'] as const) {
  test(`a 2 MB download (${name}) that keeps coming for 1.4 s arrives whole with readTimeout 0.5 s`, async () => {
    const client = bot(5, 0.5);
    try {
      const file = await outcome(client.downloadFile(`documents/${name}.bin`));
      assert.ok(Buffer.isBuffer(file), String(file));
      assert.equal(file.length, LARGE);
      assert.ok(file.equals(fileBytes(LARGE)), 'the same bytes in the same order');
    } finally {
      await client.closeSession();
    }
  });
}

test('a large download that stalls half-way: ETIMEDOUT naming the body, not half a file', async () => {
  const client = bot(5, 0.5);
  try {
    const error = await outcome(client.downloadFile('documents/stalled.bin'));
    assert.ok(error instanceof ApiHTTPException, `resolved with ${String(error)}`);
    assert.equal(error.code, 'ETIMEDOUT');
    assert.match(error.message, /No body data within 500 ms/);
  } finally {
    await client.closeSession();
  }
});
