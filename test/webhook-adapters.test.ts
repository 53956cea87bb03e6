import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { Botte } from '../src/runner/botte.js';
import {
  nodeHttpHandler,
  expressHandler,
  fastifyHandler,
  honoHandler,
  webhookHandler,
  type WebhookOptions,
} from '../src/webhook/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';
import { sleep, recordErrors } from './helpers.js';

const SECRET = 'S3cret_token-for-tests';
const MAX = 2000;
const OPTIONS: WebhookOptions = { secretToken: SECRET, maxBodyBytes: MAX };

interface Sent {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface Answer {
  status: number;
  text: string;
}
type Send = (request: Sent) => Promise<Answer>;

let nextId = 1;
function update(text: string) {
  const id = nextId++;
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: 7, type: 'private' },
      from: { id: 7, is_bot: false, first_name: 'T' },
      text,
    },
  };
}

async function viaFetch(baseUrl: string, request: Sent): Promise<Answer> {
  const method = request.method ?? 'POST';
  const response = await fetch(baseUrl, {
    method,
    headers: request.headers,
    body: method === 'GET' ? undefined : request.body,
  });
  return { status: response.status, text: await response.text() };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

function webRequest(url: string, request: Sent): Request {
  const method = request.method ?? 'POST';
  return new Request(url, { method, headers: request.headers, body: method === 'GET' ? undefined : request.body });
}

const emu = await BotApiEmulator.start();
const handled = new Map<number, number>();
const { errors, exceptionHandler } = recordErrors();
const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
bot.handleMsg({ func: () => true }, async (message) => {
  await sleep(20); // the answer must wait for this
  handled.set(message.message_id, (handled.get(message.message_id) ?? 0) + 1);
  if (message.text === 'throw') throw new Error('handler failed');
});

/** Every adapter, started and turned into the same `send`. */
const targets: Array<{ name: string; start(): Promise<{ send: Send; stop(): Promise<void> }> }> = [
  {
    name: 'node:http',
    async start() {
      const server = createServer(nodeHttpHandler(bot, OPTIONS));
      const url = await listen(server);
      return { send: (r) => viaFetch(url, r), stop: () => new Promise((resolve) => server.close(() => resolve())) };
    },
  },
  {
    name: 'runWebhooks',
    async start() {
      const server = await bot.runWebhooks({ ...OPTIONS, port: 0, urlPath: '/hook' });
      return { send: (r) => viaFetch(server.url, r), stop: () => server.close() };
    },
  },
  {
    name: 'express (raw body)',
    async start() {
      const app = express();
      app.all('/hook', expressHandler(bot, OPTIONS));
      const server = createServer(app);
      const url = await listen(server);
      return { send: (r) => viaFetch(url, r), stop: () => new Promise((resolve) => server.close(() => resolve())) };
    },
  },
  {
    name: 'express (after express.json())',
    async start() {
      const app = express();
      app.use(express.json({ limit: MAX }));
      app.all('/hook', expressHandler(bot, OPTIONS));
      // express.json() answers bad JSON itself; keep its 400 (and 413) as they are.
      app.use(
        (error: { status?: number }, _req: unknown, res: { status(code: number): { end(): void } }, _next: unknown) =>
          res.status(error.status ?? 500).end(),
      );
      const server = createServer(app);
      const url = await listen(server);
      return { send: (r) => viaFetch(url, r), stop: () => new Promise((resolve) => server.close(() => resolve())) };
    },
  },
  {
    name: 'fastify',
    async start() {
      const app = Fastify();
      app.all('/hook', fastifyHandler(bot, OPTIONS) as never);
      await app.listen({ port: 0, host: '127.0.0.1' });
      const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
      return { send: (r) => viaFetch(url, r), stop: () => app.close() };
    },
  },
  {
    name: 'hono',
    async start() {
      const app = new Hono();
      app.all('/hook', honoHandler(bot, OPTIONS));
      return {
        send: async (r) => {
          const response = await app.fetch(webRequest('http://local/hook', r));
          return { status: response.status, text: await response.text() };
        },
        stop: async () => undefined,
      };
    },
  },
  {
    name: 'Web Request/Response',
    async start() {
      const handle = webhookHandler(bot, OPTIONS);
      return {
        send: async (r) => {
          const response = await handle(webRequest('http://local/hook', r));
          return { status: response.status, text: await response.text() };
        },
        stop: async () => undefined,
      };
    },
  },
];

const json = { 'content-type': 'application/json' };
const withSecret = { ...json, 'x-telegram-bot-api-secret-token': SECRET };

/** The shared table: each case sends one request and checks the answer. */
const cases: Array<{ name: string; run(send: Send, target: string): Promise<void> }> = [
  {
    name: 'a good update → 200 after its handler finished',
    async run(send) {
      const u = update('hello');
      const answer = await send({ headers: withSecret, body: JSON.stringify(u) });
      assert.equal(answer.status, 200);
      assert.equal(handled.get(u.update_id), 1, 'the handler finished before the answer');
    },
  },
  {
    name: 'a handler error is reported and still answered 200',
    async run(send) {
      const before = errors.length;
      const u = update('throw');
      const answer = await send({ headers: withSecret, body: JSON.stringify(u) });
      assert.equal(answer.status, 200);
      assert.equal(errors.length, before + 1);
    },
  },
  {
    name: 'the same update delivered twice is handled once',
    async run(send) {
      const u = update('again');
      const [a, b] = await Promise.all([
        send({ headers: withSecret, body: JSON.stringify(u) }),
        send({ headers: withSecret, body: JSON.stringify(u) }),
      ]);
      const c = await send({ headers: withSecret, body: JSON.stringify(u) });
      assert.deepEqual([a.status, b.status, c.status], [200, 200, 200]);
      assert.equal(handled.get(u.update_id), 1);
    },
  },
  {
    name: 'a wrong or missing secret → 401, handler not run',
    async run(send) {
      const u = update('intruder');
      const wrong = await send({
        headers: { ...json, 'x-telegram-bot-api-secret-token': 'nope' },
        body: JSON.stringify(u),
      });
      const missing = await send({ headers: json, body: JSON.stringify(u) });
      assert.equal(wrong.status, 401);
      assert.equal(missing.status, 401);
      assert.equal(handled.has(u.update_id), false);
    },
  },
  {
    name: 'invalid JSON or a non-update → 400',
    async run(send, target) {
      assert.equal((await send({ headers: withSecret, body: '{"update_id": 1,' })).status, 400);
      if (!target.startsWith('fastify')) assert.equal((await send({ headers: withSecret, body: '[1,2]' })).status, 400);
      assert.equal((await send({ headers: withSecret, body: '{"no_update_id":true}' })).status, 400);
    },
  },
  {
    name: 'an oversized body → 413, handler not run',
    async run(send) {
      const u = update('x'.repeat(MAX * 2));
      const answer = await send({ headers: withSecret, body: JSON.stringify(u) });
      assert.equal(answer.status, 413);
      assert.equal(handled.has(u.update_id), false);
    },
  },
  {
    name: 'a GET → 405',
    async run(send) {
      assert.equal((await send({ method: 'GET', headers: withSecret })).status, 405);
    },
  },
];

describe('webhook adapters: one table of cases', () => {
  const level = logger.getLevel();
  before(() => void logger.setLevel('silent'));
  after(async () => {
    logger.setLevel(level);
    await bot.stopBot();
    await emu.stop();
  });
  for (const target of targets) {
    test(target.name, async (t) => {
      const running = await target.start();
      try {
        for (const c of cases) await t.test(c.name, () => c.run(running.send, target.name));
      } finally {
        await running.stop();
      }
    });
  }
});
