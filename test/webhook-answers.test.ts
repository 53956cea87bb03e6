// What a webhook endpoint answers, beyond the status code the adapter table checks: the Allow
// header of a 405, the body and content type of each refusal, the exact body-size limit, bodies
// that arrive in many chunks, `null` or empty bodies, an empty secret, a query string on the
// path, and how many delivered update ids are remembered. Real HTTP (node:http server, fetch, a
// raw socket), a real Botte behind it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { Botte } from '../src/runner/botte.js';
import { fastifyHandler, nodeHttpHandler, webhookHandler, type WebhookOptions } from '../src/webhook/index.js';
import { WebhookCore } from '../src/advanced.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { logger } from '../src/logger.js';

const SECRET = 'right-secret';
const MAX = 1000;
const OPTIONS: WebhookOptions = { secretToken: SECRET, maxBodyBytes: MAX };
const seen: string[] = [];
const bot = new Botte('123456:webhook-answers-test', { validateToken: false });
bot.handleMsg({ func: () => true }, (message) => {
  seen.push(message.text ?? '');
});

let nextId = 1;
/** A message update whose JSON is exactly `bytes` long (padding the text). */
function updateOfSize(bytes: number, tag = 'x'): string {
  const id = nextId++;
  const make = (text: string) =>
    JSON.stringify({ update_id: id, message: { message_id: id, date: 1, chat: { id: 3, type: 'private' }, text } });
  const text = tag + 'p'.repeat(bytes - make(tag).length);
  const body = make(text);
  assert.equal(Buffer.byteLength(body), bytes);
  return body;
}

interface Answer {
  status: number;
  body: string;
  type: string | null;
  allow: string | null;
}
type Send = (init: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<Answer>;
const withSecret = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET };

async function fromResponse(response: Response): Promise<Answer> {
  return {
    status: response.status,
    body: await response.text(),
    type: response.headers.get('content-type'),
    allow: response.headers.get('allow'),
  };
}

let server: Server;
let nodeUrl: string;
const fastify = Fastify();
let fastifyUrl: string;
const web = webhookHandler(bot, OPTIONS);
const targets: Array<[string, () => Send]> = [
  [
    'node:http',
    () =>
      async ({ method = 'POST', headers, body }) =>
        fromResponse(await fetch(nodeUrl, { method, headers, body })),
  ],
  [
    'fastify',
    () =>
      async ({ method = 'POST', headers, body }) =>
        fromResponse(await fetch(fastifyUrl, { method, headers, body })),
  ],
  [
    'Web Request/Response',
    () =>
      async ({ method = 'POST', headers, body }) =>
        fromResponse(await web(new Request('http://local/hook', { method, headers, body }))),
  ],
];

before(async () => {
  logger.setLevel('silent');
  server = createServer(nodeHttpHandler(bot, OPTIONS));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  nodeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  fastify.all('/hook', fastifyHandler(bot, OPTIONS) as never);
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  fastifyUrl = `http://127.0.0.1:${(fastify.server.address() as AddressInfo).port}/hook`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await fastify.close();
  await bot.stopBot();
});

describe('refusals say what is wrong', () => {
  for (const [name, make] of targets) {
    test(name, async () => {
      const send = make();
      const get = await send({ method: 'PUT', headers: withSecret, body: '{}' });
      assert.deepEqual([get.status, get.body, get.allow], [405, 'Method Not Allowed', 'POST']);
      assert.equal(get.type, 'text/plain; charset=utf-8');
      const noSecret = await send({ headers: { 'content-type': 'application/json' }, body: updateOfSize(200) });
      assert.deepEqual([noSecret.status, noSecret.body, noSecret.allow], [401, 'Unauthorized', null]);
      // A secret that starts like the right one, or is the right one plus more, is still wrong.
      for (const wrong of [SECRET.slice(0, -1), `${SECRET}x`, `${SECRET.slice(0, -1)}X`]) {
        const answer = await send({
          headers: { ...withSecret, 'x-telegram-bot-api-secret-token': wrong },
          body: updateOfSize(200),
        });
        assert.equal(answer.status, 401, `secret ${wrong}`);
      }
      if (name !== 'fastify') {
        // Fastify parses the JSON and answers bad JSON itself.
        const badJson = await send({ headers: withSecret, body: '{"update_id": 1,' });
        assert.deepEqual([badJson.status, badJson.body], [400, 'Bad Request: the body is not valid JSON']);
        const empty = await send({ headers: withSecret, body: '' });
        assert.equal(empty.status, 400, 'an empty body');
        const nullBody = await send({ headers: withSecret, body: 'null' });
        assert.deepEqual([nullBody.status, nullBody.body], [400, 'Bad Request: the body is not a Telegram Update']);
      }
      const notUpdate = await send({ headers: withSecret, body: '{"update_id":"7"}' });
      assert.deepEqual([notUpdate.status, notUpdate.body], [400, 'Bad Request: the body is not a Telegram Update']);
      assert.equal(notUpdate.type, 'text/plain; charset=utf-8');
      const ok = await send({ headers: withSecret, body: updateOfSize(200, name) });
      assert.deepEqual([ok.status, ok.body], [200, '']);
      assert.ok(
        seen.some((text) => text.startsWith(name)),
        'the update was handled',
      );
    });
  }
});

describe('the body limit is maxBodyBytes exactly', () => {
  for (const [name, make] of targets) {
    if (name === 'fastify') continue; // Fastify reads the body itself (its own bodyLimit).
    test(name, async () => {
      const send = make();
      const exact = await send({ headers: withSecret, body: updateOfSize(MAX, `exact-${name}`) });
      assert.equal(exact.status, 200, 'a body of exactly maxBodyBytes is accepted');
      assert.ok(seen.some((text) => text.startsWith(`exact-${name}`)));
      const over = await send({ headers: withSecret, body: updateOfSize(MAX + 1, `over-${name}`) });
      assert.deepEqual([over.status, over.body], [413, 'Payload Too Large']);
      assert.ok(!seen.some((text) => text.startsWith(`over-${name}`)), 'the oversized update was not handled');
    });
  }
});

/** Sends `body` to the node:http endpoint in small chunked pieces (no Content-Length); returns the status line. */
function sendChunked(body: string, pieces: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const url = new URL(nodeUrl);
    const socket = connect(Number(url.port), url.hostname);
    let answer = '';
    socket.on('connect', async () => {
      socket.write(
        `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      );
      const size = Math.ceil(body.length / pieces);
      for (let at = 0; at < body.length; at += size) {
        const piece = body.slice(at, at + size);
        socket.write(`${Buffer.byteLength(piece).toString(16)}\r\n${piece}\r\n`);
        // Separate writes, each after the previous one was taken, so the server sees several chunks.
        await new Promise((r) => setImmediate(r));
      }
      socket.write('0\r\n\r\n');
    });
    socket.on('data', (data) => (answer += data));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer.split('\r\n')[0] ?? ''));
  });
}

test('node:http: a body in many chunks (no Content-Length) is read whole; past the limit it is refused', async () => {
  assert.match(await sendChunked(updateOfSize(900, 'chunked-ok'), 9), /^HTTP\/1.1 200 /);
  assert.ok(
    seen.some((text) => text.startsWith('chunked-ok') && text.length > 800),
    'the whole text arrived',
  );
  assert.match(await sendChunked(updateOfSize(MAX + 50, 'chunked-over'), 11), /^HTTP\/1.1 413 /);
  assert.ok(!seen.some((text) => text.startsWith('chunked-over')));
});

test('an empty secretToken means no secret is checked', async () => {
  const handle = webhookHandler(bot, { secretToken: '' });
  const answer = await handle(new Request('http://local/', { method: 'POST', body: updateOfSize(120, 'no-secret') }));
  assert.equal(answer.status, 200);
  assert.ok(seen.some((text) => text.startsWith('no-secret')));
});

test('runWebhooks serves its path with a query string too, and nothing else', async () => {
  const server = await bot.runWebhooks({ port: 0, urlPath: '/hook', secretToken: SECRET });
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const withQuery = await fetch(`${base}/hook?from=telegram`, {
      method: 'POST',
      headers: withSecret,
      body: updateOfSize(150, 'query'),
    });
    assert.equal(withQuery.status, 200);
    assert.ok(seen.some((text) => text.startsWith('query')));
    const other = await fetch(`${base}/hook2`, {
      method: 'POST',
      headers: withSecret,
      body: updateOfSize(150, 'elsewhere'),
    });
    assert.deepEqual([other.status, await other.text()], [404, 'Not Found']);
    assert.equal(server.url, `${base}/hook`);
  } finally {
    await server.close();
  }
});

test('the last 2048 delivered update ids are remembered: a re-delivery of an older one is handled again', async () => {
  // A WebhookBot is any object with processNewUpdates (as a user may pass); it counts deliveries.
  const handledIds: number[] = [];
  const core = new WebhookCore({
    processNewUpdates: (updates: Update[]) => {
      handledIds.push(...updates.map((u) => u.update_id));
    },
  });
  for (let id = 1; id <= 2049; id++) await core.dispatch({ update_id: id });
  assert.equal(handledIds.length, 2049);
  await core.dispatch({ update_id: 2 }); // among the last 2048: skipped
  await core.dispatch({ update_id: 2049 });
  assert.equal(handledIds.length, 2049, 'recent re-deliveries are not handled again');
  await core.dispatch({ update_id: 1 }); // forgotten
  assert.deepEqual(handledIds.slice(2049), [1]);
});

test('a failure around the handlers (not a handler error) is reported and answered 200', async () => {
  const reported: unknown[] = [];
  const failing = {
    processNewUpdates: () => {
      throw new Error('dispatcher broke');
    },
    reportError: (error: unknown) => {
      reported.push(error);
      return true;
    },
  };
  const handle = webhookHandler(failing, {});
  const answer = await handle(new Request('http://local/', { method: 'POST', body: '{"update_id":5}' }));
  assert.equal(answer.status, 200);
  assert.equal((reported[0] as Error).message, 'dispatcher broke');
  // Without reportError it is logged; a reportError that throws is logged too, never thrown.
  const logged: Array<[string, string]> = [];
  const level = logger.getLevel();
  logger.setLevel('error');
  logger.setOutput((record) => {
    logged.push([record.message, (record.error as Error).message]);
  });
  try {
    const quiet = webhookHandler({ processNewUpdates: () => Promise.reject(new Error('no reporter')) });
    assert.equal((await quiet(new Request('http://local/', { method: 'POST', body: '{"update_id":6}' }))).status, 200);
    const broken = webhookHandler({
      processNewUpdates: () => {
        throw new Error('first');
      },
      reportError: () => {
        throw new Error('reporter broke');
      },
    });
    assert.equal((await broken(new Request('http://local/', { method: 'POST', body: '{"update_id":7}' }))).status, 200);
  } finally {
    logger.setOutput(null);
    logger.setLevel(level);
  }
  assert.deepEqual(logged, [
    ['Webhook update failed', 'no reporter'],
    ['Webhook: reporting an error failed', 'reporter broke'],
  ]);
});

test('a webhook endpoint needs a bot: anything else is a TypeError at once', () => {
  assert.throws(() => webhookHandler(undefined as never), {
    name: 'TypeError',
    message: 'webhook: the first argument must be a bot',
  });
  assert.throws(() => nodeHttpHandler({} as never), {
    name: 'TypeError',
    message: 'webhook: the first argument must be a bot',
  });
});

test('fastify: a body Fastify hands over as a string (text/plain) is parsed as the update', async () => {
  const body = updateOfSize(200, 'as-text');
  const answer = await fetch(fastifyUrl, {
    method: 'POST',
    headers: { ...withSecret, 'content-type': 'text/plain' },
    body,
  });
  assert.equal(answer.status, 200);
  assert.ok(
    seen.some((text) => text.startsWith('as-text')),
    'the update was handled',
  );
});

test('an update with a field of its own named status (Telegram adds fields) is still handled as an update', async () => {
  const id = nextId++;
  const body = JSON.stringify({
    update_id: id,
    status: 3,
    message: { message_id: id, date: 1, chat: { id: 3, type: 'private' }, text: 'with-status' },
  });
  for (const url of [nodeUrl, fastifyUrl]) {
    const answer = await fetch(url, { method: 'POST', headers: withSecret, body });
    assert.equal(answer.status, 200, url);
  }
  assert.equal(
    (await web(new Request('http://local/hook', { method: 'POST', headers: withSecret, body }))).status,
    200,
  );
  assert.ok(seen.includes('with-status'));
});
