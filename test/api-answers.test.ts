// How an answer that is not Telegram's `{ ok, result }` becomes a typed error: error pages, JSON
// without `ok`, connections cut or stalled mid-answer, a host that does not exist. A plain
// node:http server plays the misbehaving server or proxy (the emulator always answers properly).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api/client.js';
import { ApiException, ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from '../src/api/errors.js';
import { logger } from '../src/logger.js';

const TOKEN = '123456:TEST-token-answers-0123456789';

/** What the server does for each method name (the last part of the path). */
const behaviours: Record<string, (res: ServerResponse) => void> = {
  errorPage400: (res) => res.writeHead(400, { 'content-type': 'text/html' }).end(`${'x'.repeat(200)}CUT-HERE`),
  page200: (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
  noOk200: (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":1}'),
  noOk404: (res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not here"}'),
  okFalseNoCode: (res) =>
    res.writeHead(403, { 'content-type': 'application/json' }).end('{"ok":false,"description":"Forbidden: bot was blocked by the user"}'),
  cutMidBody: (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":true,"res');
    setTimeout(() => res.socket?.destroy(), 50);
  },
  stallMidBody: (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":true,"res');
    // Never finished: the client's read timeout must end the call (the socket is destroyed in after()).
  },
};

let server: ReturnType<typeof createServer>;
let apiUrl: string;
const sockets = new Set<import('node:net').Socket>();

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    const method = (req.url ?? '').split('/').pop() ?? '';
    (behaviours[method] ?? ((r: ServerResponse) => r.writeHead(500).end('unknown scenario')))(res);
  });
  server.on('connection', (socket) => { sockets.add(socket); socket.on('close', () => sockets.delete(socket)); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot{0}/{1}`;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(method: string, call: { timeout?: number } = {}): Promise<unknown> {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: false });
  try {
    return await bot.callApi(method, {}, call).then(
      (value) => assert.fail(`${method} resolved with ${JSON.stringify(value)}`),
      (error: unknown) => error,
    );
  } finally {
    await bot.closeSession();
  }
}

test('a 400 error page that is not JSON is an ApiHTTPException HTTP_400 quoting the page cut to 200 characters', async () => {
  const error = await failure('errorPage400');
  assert.ok(error instanceof ApiHTTPException, String(error));
  assert.equal(error.code, 'HTTP_400');
  assert.equal(error.status, 400);
  assert.equal(error.method, 'errorPage400');
  assert.ok(error.message.includes('x'.repeat(200)), error.message);
  assert.ok(!error.message.includes('CUT'), `the page was not cut at 200 characters: ${error.message}`);
});

test('a 200 answer that is not JSON is an ApiInvalidJSONException with the body', async () => {
  const error = await failure('page200');
  assert.ok(error instanceof ApiInvalidJSONException, String(error));
  assert.equal(error.status, 200);
  assert.equal(error.body, '<html>maintenance</html>');
});

test('JSON without "ok": ApiInvalidJSONException at 200, ApiHTTPException with the status at 404', async () => {
  const invalid = await failure('noOk200');
  assert.ok(invalid instanceof ApiInvalidJSONException, String(invalid));
  assert.equal(invalid.body, '{"result":1}');
  const notFound = await failure('noOk404');
  assert.ok(notFound instanceof ApiHTTPException, String(notFound));
  assert.ok(!(notFound instanceof ApiTelegramException));
  assert.equal(notFound.code, 'HTTP_404');
  assert.equal(notFound.status, 404);
});

test('ok:false without error_code takes the HTTP status as errorCode', async () => {
  const error = await failure('okFalseNoCode');
  assert.ok(error instanceof ApiTelegramException, String(error));
  assert.equal(error.errorCode, 403);
  assert.equal(error.description, 'Forbidden: bot was blocked by the user');
});

test('a connection closed in the middle of the answer is ECONNRESET; a stalled answer is ETIMEDOUT', async () => {
  const cut = await failure('cutMidBody');
  assert.ok(cut instanceof ApiHTTPException, String(cut));
  assert.equal(cut.code, 'ECONNRESET');
  const stalled = await failure('stallMidBody', { timeout: 0.5 });
  assert.ok(stalled instanceof ApiHTTPException, String(stalled));
  assert.equal(stalled.code, 'ETIMEDOUT');
});

test('a host that does not exist is retried even for sendMessage (nothing was sent), then fails with its code', async () => {
  // `.invalid` never resolves (RFC 2606): the lookup fails before any byte leaves.
  const bot = new ApiClient(TOKEN, { apiUrl: 'http://botte-test.invalid/bot{0}/{1}', retry: { maxRetries: 1 } });
  const warnings: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => warnings.push(record.message));
  try {
    const error = await bot.sendMessage(1, 'hi').catch((e: unknown) => e);
    assert.ok(error instanceof ApiException, String(error));
    assert.ok(error instanceof ApiHTTPException && ['ENOTFOUND', 'EAI_AGAIN'].includes(error.code), String((error as ApiHTTPException).code));
    assert.equal(warnings.filter((line) => /^sendMessage failed .*retrying/.test(line)).length, 1, JSON.stringify(warnings));
  } finally {
    logger.setLevel(level).setOutput(null);
    await bot.closeSession();
  }
});
