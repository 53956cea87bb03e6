// Answers that are not whole, through the Web fetch transport (src/api/transport-fetch.ts, what
// Bun, Deno and Workers use; `transport: 'fetch'` on Node): a connection lost in the middle of an
// answer, or no body at all (204). A call cut short fails with ECONNRESET like on the undici
// transport, and a download cut half-way rejects instead of handing back the bytes that arrived.
// A plain node:http server plays a Telegram whose connection drops.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiHTTPException } from '../src/index.js';
import { waitFor } from './helpers.js';

const TOKEN = '123456:TEST-token';

/** Writes the head and part of the body, then drops the connection. */
function cutAnswer(res: ServerResponse, headers: Record<string, string | number>, part: string): void {
  res.writeHead(200, headers);
  res.write(part, () => setImmediate(() => res.socket?.destroy()));
}

/** Requests held without an answer (getChat), to be cut by the test. */
const held: ServerResponse[] = [];

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.url?.endsWith('/getChat')) {
      held.push(res);
    } else if (req.url?.endsWith('/empty.bin')) {
      res.writeHead(204).end(); // no body at all
    } else if (req.url?.endsWith('/getMe')) {
      // A small answer (read whole): its Content-Length promises more than comes.
      cutAnswer(res, { 'content-type': 'application/json', 'content-length': 400 }, '{"ok":true,"result":{"id":1');
    } else {
      // A download without Content-Length (read chunk by chunk).
      cutAnswer(res, { 'content-type': 'application/octet-stream' }, 'the first half of the file');
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

function bot(): ApiClient {
  return new ApiClient(TOKEN, {
    apiUrl: `${base}/bot{0}/{1}`,
    fileUrl: `${base}/file/bot{0}/{1}`,
    transport: 'fetch',
    retry: false,
  });
}

test("transport: 'fetch': an answer cut short fails the call with ECONNRESET", async () => {
  const client = bot();
  try {
    const error = await client.getMe().catch((e: unknown) => e);
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ECONNRESET', error.message);
  } finally {
    await client.closeSession();
  }
});

test("transport: 'fetch': a download cut half-way rejects, it does not return the half", async () => {
  const client = bot();
  try {
    const result = await client.downloadFile('documents/cut.bin').catch((e: unknown) => e);
    assert.ok(result instanceof ApiHTTPException, `resolved with ${String(result)}`);
    assert.equal(result.code, 'ECONNRESET', result.message);
  } finally {
    await client.closeSession();
  }
});

test("transport: 'fetch': a call whose connection drops after the session closed says the transport was closed", async () => {
  const client = bot();
  const call = client.callApi('getChat', { chat_id: 1 }).catch((e: unknown) => e);
  await waitFor(() => held.length === 1, { timeoutMs: 5000, message: 'the server never received getChat' });
  await client.closeSession();
  held.shift()!.socket?.destroy();
  const error = await call;
  assert.ok(error instanceof ApiHTTPException, `resolved with ${String(error)}`);
  assert.equal(error.code, 'ECONNRESET', error.message);
  assert.match(error.message, /The transport was closed/);
});

test("transport: 'fetch': a download answered 204 (no body at all) fails as HTTP_204", async () => {
  const client = bot();
  try {
    const result = await client.downloadFile('documents/empty.bin').catch((e: unknown) => e);
    assert.ok(result instanceof ApiHTTPException, `resolved with ${String(result)}`);
    assert.equal(result.code, 'HTTP_204', result.message);
  } finally {
    await client.closeSession();
  }
});
