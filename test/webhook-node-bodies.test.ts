// The node:http family of endpoints (node:http, Express, Fastify) and the bodies a framework may
// hand over: a Buffer from express.raw(), a string from express.text(), a default body set by a
// middleware that did not read the stream (Express 4's parsers do this for other content types),
// a Buffer from a Fastify content-type parser; the size limit on bodies read by a middleware;
// the JSON answer of replyInResponse; and which answers close the connection. Real servers,
// real HTTP (node:http client), a real Botte on the emulator for replyInResponse.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { Botte } from '../src/runner/botte.js';
import { expressHandler, fastifyHandler, nodeHttpHandler } from '../src/webhook/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { httpPost, useHttpServers, type HttpReply } from './webhook-harness.js';

const SECRET = 'node-bodies-secret';
const MAX = 1000;
const texts: string[] = [];
const recorder = {
  processNewUpdates: (updates: Update[]) => {
    for (const update of updates) texts.push(update.message?.text ?? '');
  },
};

let nextId = 1;
/** An update whose JSON is exactly `bytes` long. */
function updateOfSize(bytes: number, tag: string): string {
  const id = nextId++;
  const make = (text: string) =>
    JSON.stringify({ update_id: id, message: { message_id: id, date: 1, chat: { id: 3, type: 'private' }, text } });
  const body = make(tag + 'p'.repeat(bytes - make(tag).length));
  assert.equal(Buffer.byteLength(body), bytes);
  return body;
}

/**
 * POSTs `body` with node:http; `chunked` sends it in two writes without a Content-Length (so
 * no size is known before reading). Keep-alive is asked for, to see which answers close.
 */
function send(url: string, body: string, headers: Record<string, string>, chunked = false): Promise<HttpReply> {
  const length: Record<string, string> = chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) };
  const all = { connection: 'keep-alive', 'x-telegram-bot-api-secret-token': SECRET, ...length, ...headers };
  return httpPost(url, body, all, { chunked, closeAfterAnswer: true });
}

const serve = useHttpServers();
const options = { secretToken: SECRET, maxBodyBytes: MAX };
let rawUrl: string;
let textUrl: string;
let defaultBodyUrl: string;
let nodeUrl: string;

before(async () => {
  const raw = express();
  raw.use(express.raw({ type: '*/*', limit: '1mb' }));
  raw.post('/hook', expressHandler(recorder, options));
  rawUrl = await serve(raw);
  const text = express();
  text.use(express.text({ type: '*/*', limit: '1mb' }));
  text.post('/hook', expressHandler(recorder, options));
  textUrl = await serve(text);
  const defaultBody = express();
  defaultBody.use((req, _res, next) => {
    (req as { body?: unknown }).body ??= {};
    next();
  });
  defaultBody.post('/hook', expressHandler(recorder, options));
  defaultBodyUrl = await serve(defaultBody);
  nodeUrl = await serve(nodeHttpHandler(recorder, options));
});

test('express.raw() in front: the Buffer it read is the update; the limit still applies to it', async () => {
  const ok = await send(rawUrl, updateOfSize(MAX, 'raw-exact'), { 'content-type': 'application/json' }, true);
  assert.equal(ok.status, 200, 'a body of exactly maxBodyBytes');
  assert.ok(texts.some((t) => t.startsWith('raw-exact')));
  const over = await send(rawUrl, updateOfSize(MAX + 1, 'raw-over'), { 'content-type': 'application/json' }, true);
  assert.deepEqual([over.status, over.body], [413, 'Payload Too Large']);
  assert.ok(!texts.some((t) => t.startsWith('raw-over')), 'the oversized update was not handled');
});

test('express.text() in front: the string it read is the update; the limit still applies to it', async () => {
  const ok = await send(textUrl, updateOfSize(300, 'text-ok'), { 'content-type': 'application/json' }, true);
  assert.equal(ok.status, 200);
  assert.ok(texts.some((t) => t.startsWith('text-ok')));
  const over = await send(textUrl, updateOfSize(MAX + 1, 'text-over'), { 'content-type': 'application/json' }, true);
  assert.equal(over.status, 413);
  const bad = await send(textUrl, '{"update_id":', { 'content-type': 'application/json' });
  assert.deepEqual([bad.status, bad.body], [400, 'Bad Request: the body is not valid JSON']);
});

test('a middleware that set a default body without reading the stream: the handler reads the stream itself', async () => {
  const ok = await send(defaultBodyUrl, updateOfSize(300, 'default-body'), { 'content-type': 'application/json' });
  assert.equal(ok.status, 200);
  assert.ok(
    texts.some((t) => t.startsWith('default-body')),
    'the update in the stream was handled',
  );
});

test('node:http: a refusal closes the connection, an accepted update keeps it open', async () => {
  const accepted = await send(nodeUrl, updateOfSize(200, 'keep'), { 'content-type': 'application/json' });
  assert.equal(accepted.status, 200);
  assert.notEqual(accepted.headers.connection, 'close');
  assert.equal(accepted.headers['content-length'], '0');
  const refused = await send(nodeUrl, updateOfSize(200, 'refused'), { 'x-telegram-bot-api-secret-token': 'wrong' });
  assert.deepEqual([refused.status, refused.headers.connection], [401, 'close']);
  assert.equal(refused.headers['content-length'], String(Buffer.byteLength('Unauthorized')));
  const tooLarge = await send(nodeUrl, updateOfSize(MAX + 1, 'chunked-over'), {}, true);
  assert.deepEqual([tooLarge.status, tooLarge.headers.connection], [413, 'close']);
  // Read to the end and refused (bad JSON): nothing left unread, the connection may stay.
  const badJson = await send(nodeUrl, '{"update_id":', {});
  assert.equal(badJson.status, 400);
  assert.notEqual(badJson.headers.connection, 'close');
});

test('fastify: a Buffer from a content-type parser is the update', async () => {
  const app = Fastify();
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  app.post('/hook', fastifyHandler(recorder, options) as never);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
    const ok = await send(url, updateOfSize(300, 'fastify-buffer'), { 'content-type': 'application/octet-stream' });
    assert.equal(ok.status, 200);
    assert.ok(texts.some((t) => t.startsWith('fastify-buffer')));
    const declaredTooLarge = await send(url, updateOfSize(MAX + 1, 'fastify-over'), {
      'content-type': 'application/octet-stream',
    });
    assert.equal(declaredTooLarge.status, 413);
  } finally {
    await app.close();
  }
});

test('replyInResponse over node:http and Fastify: the kept call is a JSON answer', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, async (m) => {
    await bot.sendMessage(m.chat.id, `réponse ${m.text!.slice(0, 5)}`);
  });
  const app = Fastify();
  app.post('/hook', fastifyHandler(bot, { ...options, replyInResponse: true }) as never);
  await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const node = await serve(nodeHttpHandler(bot, { ...options, replyInResponse: true }));
    const fastifyUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/hook`;
    for (const [url, tag] of [
      [node, 'nodes'],
      [fastifyUrl, 'fasty'],
    ] as const) {
      const answer = await send(url, updateOfSize(200, tag), { 'content-type': 'application/json' });
      assert.equal(answer.status, 200);
      assert.match(String(answer.headers['content-type']), /^application\/json(;|$)/);
      assert.deepEqual(JSON.parse(answer.body), { method: 'sendMessage', chat_id: 3, text: `réponse ${tag}` });
      assert.equal(answer.headers['content-length'], String(Buffer.byteLength(answer.body)));
    }
    assert.equal(emu.callsOf('sendMessage').length, 0, 'nothing was sent over HTTP');
  } finally {
    await app.close();
    await bot.stopBot();
    await emu.stop();
  }
});
