// The node:http family of endpoints (node:http, Express, Fastify) at their edges: the plain-text
// content type of Fastify's refusals; a declared oversized body refused before the client sends
// it; a body parser following body-parser's convention (`req._body`) that hands over before the
// stream's 'end'; a middleware that consumed the stream and kept nothing (a 400, not a dropped
// connection); a client gone in the middle of its body; and a kept replyInResponse call that
// cannot be written as JSON (not kept: it fails in its handler, the update is answered 200). Real servers, real sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Botte } from '../src/runner/botte.js';
import { expressHandler, fastifyHandler, nodeHttpHandler } from '../src/webhook/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { httpPost, useHttpServers, type HttpReply } from './webhook-harness.js';
import { recordErrors } from './helpers.js';

const SECRET = 'node-edges-secret';
const handled: string[] = [];
const reported: unknown[] = [];
const recorder = {
  processNewUpdates: (updates: Update[]) => {
    for (const update of updates) handled.push(update.message?.text ?? '');
  },
  reportError: (error: unknown) => {
    reported.push(error);
    return true;
  },
};

let nextId = 1;
const update = (text: string) =>
  JSON.stringify({ update_id: nextId++, message: { message_id: 1, date: 1, chat: { id: 5, type: 'private' }, text } });

/** POSTs `body` with node:http (secret header included unless overridden); fails after 5 s without an answer. */
const post = (url: string, body: string, headers: Record<string, string> = {}): Promise<HttpReply> =>
  httpPost(url, body, { 'x-telegram-bot-api-secret-token': SECRET, 'content-type': 'application/json', ...headers });

const serve = useHttpServers();

test('Fastify: a refusal is plain text with a charset; a good update is handled', async () => {
  const app = Fastify();
  app.all('/hook', fastifyHandler(recorder, { secretToken: SECRET }) as never);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
    const refused = await post(url, update('fastify-no-secret'), { 'x-telegram-bot-api-secret-token': 'wrong' });
    assert.deepEqual([refused.status, refused.body], [401, 'Unauthorized']);
    assert.equal(refused.headers['content-type'], 'text/plain; charset=utf-8');
    const ok = await post(url, update('fastify-edge-ok'));
    assert.equal(ok.status, 200);
    assert.ok(handled.includes('fastify-edge-ok'));
  } finally {
    await app.close();
  }
});

test('a declared Content-Length above maxBodyBytes is answered 413 before the client sends the body', async () => {
  const url = new URL(await serve(nodeHttpHandler(recorder, { secretToken: SECRET, maxBodyBytes: 1000 })));
  const head = await new Promise<string>((resolve, reject) => {
    const socket = connect(Number(url.port), '127.0.0.1');
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no answer within 5 s to headers declaring a too large body (the server waited for it)'));
    }, 5000);
    socket.on('connect', () => {
      // Only the head: a client following Expect-style manners waits for the answer first.
      socket.write(
        `POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\n` +
          'Content-Type: application/json\r\nContent-Length: 5000\r\n\r\n',
      );
    });
    socket.on('data', (data) => {
      answer += data;
      if (answer.includes('\r\n\r\n')) {
        clearTimeout(timer);
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  assert.match(head, /^HTTP\/1\.1 413 /);
  assert.match(head, /\r\nconnection: close\r\n/i);
});

test("a body parser following body-parser's convention (req._body) that hands over before 'end': its body is the update", async () => {
  const app = express();
  // Calls next() as soon as the declared bytes are in, before the stream's 'end' event.
  app.use((req, _res, next) => {
    const expected = Number(req.headers['content-length']);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size === expected) {
        const target = req as IncomingMessage & { body?: unknown; _body?: boolean };
        target.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        target._body = true;
        next();
      }
    });
  });
  app.post('/hook', expressHandler(recorder, { secretToken: SECRET }));
  const url = await serve(app);
  const answer = await post(url, update('parsed-before-end'));
  assert.equal(answer.status, 200);
  assert.ok(handled.includes('parsed-before-end'), 'the parsed body was handled');
});

test('a middleware that consumed the body and kept nothing: a clear 400, not a dropped connection', async () => {
  const app = express();
  app.use((req, _res, next) => {
    req.on('data', () => undefined);
    req.on('end', () => setImmediate(next));
  });
  app.post('/hook', expressHandler(recorder, { secretToken: SECRET }));
  const url = await serve(app);
  const answer = await post(url, update('swallowed'));
  assert.deepEqual([answer.status, answer.body], [400, 'Bad Request: the body is not a Telegram Update']);
  assert.ok(!handled.includes('swallowed'));
});

test('a client gone in the middle of its body: nothing handled, nothing reported, the next request is served', async () => {
  const url = await serve(nodeHttpHandler(recorder, { secretToken: SECRET }));
  const port = Number(new URL(url).port);
  const before = reported.length;
  const body = update('cut-off');
  await new Promise<void>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => {
      socket.write(
        `POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 20)}`,
        () => setImmediate(() => socket.destroy()),
      );
    });
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
  const next = await post(url, update('after-the-cut'));
  assert.equal(next.status, 200);
  assert.ok(handled.includes('after-the-cut'));
  assert.ok(!handled.includes('cut-off'));
  assert.equal(reported.length, before, 'a client going away is no error of the bot');
});

test('a middleware that already answered (to free Telegram at once): the update is still handled, nothing reported', async () => {
  const app = express();
  app.use((_req, res, next) => {
    res.status(200).end();
    next();
  });
  app.post('/hook', expressHandler(recorder, { secretToken: SECRET }));
  const url = await serve(app);
  const before = reported.length;
  // Kept alive (closed after the file's tests, test/webhook-harness.ts): the response stays open, not destroyed, while the handler runs.
  const answer = await post(url, update('answered-first'), { connection: 'keep-alive' });
  assert.deepEqual([answer.status, answer.body], [200, '']);
  // The handler runs after the answer went out: wait for it (bounded).
  for (let i = 0; i < 200 && !handled.includes('answered-first'); i++) await new Promise((r) => setTimeout(r, 10));
  assert.ok(handled.includes('answered-first'), 'the update was not handled within 2 s');
  await post(url, update('answered-first-2'), { connection: 'keep-alive' });
  assert.equal(reported.length, before, 'writing a second answer is no error to report');
});

test('replyInResponse: a call JSON cannot write is not kept: it fails in its handler, the update is answered 200 (node:http, Fastify)', async () => {
  const emu = await BotApiEmulator.start();
  const { errors: failures, exceptionHandler } = recordErrors();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  // A BigInt chat id: JSON.stringify cannot write it, so the call is not kept for the response.
  bot.handleMsg({ func: () => true }, async (m) => {
    await bot.sendMessage(BigInt(m.chat.id) as unknown as number, 'big');
  });
  const app = Fastify();
  app.post('/hook', fastifyHandler(bot, { secretToken: SECRET, replyInResponse: true }) as never);
  await app.listen({ port: 0, host: '127.0.0.1' });
  logger.setLevel('silent');
  try {
    const nodeUrl = await serve(nodeHttpHandler(bot, { secretToken: SECRET, replyInResponse: true }));
    const fastifyUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
    for (const url of [nodeUrl, fastifyUrl]) {
      const before = failures.length;
      const answer = await post(url, update('bigint'));
      // Answered 200 with no kept call: a 5xx would make Telegram deliver the update again.
      assert.equal(answer.status, 200, url);
      assert.ok(!answer.body.includes('sendMessage'), `no call kept in the answer: ${answer.body}`);
      assert.equal(failures.length, before + 1, 'the failing call was reported from its handler');
      assert.match(String((failures.at(-1) as Error).message), /BigInt/);
    }
  } finally {
    logger.setLevel('info');
    await app.close();
    await bot.stopBot();
    await emu.stop();
  }
});
