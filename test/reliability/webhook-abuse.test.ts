// A webhook server under abuse: wrong or missing secret, invalid JSON, bodies that are not
// updates, 10 000-deep nesting, 5 MB and 100 MB bodies, slowloris connections, and a flood of
// valid updates at concurrency 200. The process survives, answers each as it should, and serves
// valid updates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { Botte } from '../../src/index.js';
import { figure, size, sleep } from './scale.js';

function post(port: number, body: string | Buffer, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hook',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const update = (id: number) =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: id % 1000, type: 'private' },
      from: { id: id % 1000, is_bot: false, first_name: 'U' },
      text: `m${id}`,
    },
  });

test('webhook abuse: every bad request answered, the process survives, valid updates are served', async () => {
  const handled = new Map<string, number>();
  const bot = new Botte('123456:webhook-abuse', { validateToken: false, exceptionHandler: () => true });
  bot.handleMsg({ func: () => true }, (message) => {
    handled.set(message.text!, (handled.get(message.text!) ?? 0) + 1);
  });
  const server = await bot.runWebhooks({ port: 0, secretToken: 'right', urlPath: '/hook' });
  const ok = { 'x-telegram-bot-api-secret-token': 'right' };
  const slow: Socket[] = [];
  try {
    assert.equal(await post(server.port, update(1)), 401, 'missing secret');
    assert.equal(
      await post(server.port, update(1), { 'x-telegram-bot-api-secret-token': 'wrong' }),
      401,
      'wrong secret',
    );
    assert.equal(await post(server.port, '{"update_id": 1, "message": ', ok), 400, 'invalid JSON');
    for (const notAnUpdate of ['[]', '5', '"x"', 'null', '{}', '{"update_id":"1"}']) {
      assert.equal(await post(server.port, notAnUpdate, ok), 400, `not an update: ${notAnUpdate}`);
    }
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    assert.equal(await post(server.port, deep, ok), 400, '10k-deep array');
    const deepObject = `{"update_id":1,"x":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`;
    assert.ok([200, 400].includes(await post(server.port, deepObject, ok)), '10k-deep object');
    assert.equal(await post(server.port, Buffer.alloc(5 * 1024 * 1024, 32), ok), 413, '5 MB body');
    // A malformed update inside a valid body: reported and skipped, answered 200 (else Telegram repeats it forever).
    assert.equal(await post(server.port, '{"update_id": 2, "message": 5}', ok), 200, 'malformed update');

    // Slowloris: connections that send their headers (or body) a byte at a time keep no one else waiting.
    for (let i = 0; i < 100; i++) {
      const socket = connect(server.port, '127.0.0.1');
      socket.on('error', () => undefined);
      socket.write(
        i % 2 === 0
          ? 'POST /hook HTTP/1.1\r\nHost: x\r\n'
          : `POST /hook HTTP/1.1\r\nHost: x\r\nx-telegram-bot-api-secret-token: right\r\nContent-Length: 1000\r\n\r\n{"upd`,
      );
      slow.push(socket);
    }
    const drip = setInterval(() => {
      for (const socket of slow) socket.write(' ');
    }, 200);

    // A flood of valid updates at concurrency 200, while the slow ones drip.
    const total = size(2000, 20_000);
    const rssBefore = process.memoryUsage().rss;
    let next = 100;
    let failures = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: 200 }, async () => {
        while (next < 100 + total) {
          const id = next++;
          if ((await post(server.port, update(id), ok)) !== 200) failures++;
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    clearInterval(drip);
    const rssAfter = process.memoryUsage().rss;
    const served = [...handled.keys()].filter((text) => text !== undefined).length;
    const duplicates = [...handled.values()].filter((times) => times > 1).length;
    figure('webhook-flood', {
      updates: total,
      concurrency: 200,
      slowloris: slow.length,
      failures,
      served,
      duplicates,
      seconds,
      rssGrowthMb: Math.round((rssAfter - rssBefore) / 1048576),
    });
    assert.equal(failures, 0);
    assert.equal(served, total);
    assert.equal(duplicates, 0);
    await sleep(10);
  } finally {
    for (const socket of slow) socket.destroy();
    await server.close();
  }
});

/**
 * POSTs `total` bytes of spaces in 1 MB chunks (with a Content-Length, or chunked without one),
 * stopping as soon as the server answers or closes: the client never holds more than one chunk.
 */
function streamPost(
  port: number,
  total: number,
  chunked: boolean,
  headers: Record<string, string>,
): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(1024 * 1024, 32);
    let sent = 0;
    let status = 0;
    const lengthHeader: Record<string, string> = chunked
      ? { 'transfer-encoding': 'chunked' }
      : { 'content-length': String(total) };
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/hook',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...lengthHeader, ...headers },
      },
      (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        res.on('end', () => {
          req.destroy();
          resolve({ status, sentMb: Math.round(sent / 1048576) });
        });
      },
    );
    // The server answers 413 and closes without reading on: on a fast machine the client's next
    // write can fail (EPIPE / ECONNRESET) before the 413 is parsed. That is the server refusing the
    // body early too; it is reported as status -1 ("closed before the body was read").
    req.on('error', (error: NodeJS.ErrnoException) => {
      const sentMb = Math.round(sent / 1048576);
      if (status) resolve({ status, sentMb });
      else if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: -1, sentMb });
      else reject(error);
    });
    const pump = () => {
      while (sent < total && status === 0 && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (sent >= total && !req.destroyed) req.end();
    };
    pump();
  });
}

test('a 100 MB webhook body (declared or chunked) is refused with 413 early, memory stays bounded, the server serves on', async () => {
  const handled: string[] = [];
  const bot = new Botte('123456:webhook-abuse', { validateToken: false, exceptionHandler: () => true });
  bot.handleMsg({ func: () => true }, (message) => void handled.push(message.text!));
  const server = await bot.runWebhooks({ port: 0, secretToken: 'right', urlPath: '/hook' });
  const ok = { 'x-telegram-bot-api-secret-token': 'right' };
  try {
    const total = 100 * 1024 * 1024;
    const rssBefore = process.memoryUsage().rss;
    const declared = await streamPost(server.port, total, false, ok);
    const chunked = await streamPost(server.port, total, true, ok);
    const rssGrowthMb = Math.round((process.memoryUsage().rss - rssBefore) / 1048576);
    assert.equal(await post(server.port, update(7), ok), 200, 'a valid update afterwards');
    figure('webhook-100mb', {
      bodyMb: 100,
      declaredStatus: declared.status,
      declaredSentMb: declared.sentMb,
      chunkedStatus: chunked.status,
      chunkedSentMb: chunked.sentMb,
      rssGrowthMb,
    });
    // 413, or the connection closed by the server before the body was read (see streamPost).
    assert.ok([413, -1].includes(declared.status), `100 MB with a Content-Length: ${declared.status}`);
    assert.ok([413, -1].includes(chunked.status), `100 MB chunked: ${chunked.status}`);
    // Reading either body would take 100 MB; the limit is 1 MB.
    assert.ok(
      declared.sentMb < 100 && chunked.sentMb < 100,
      `the server read to the end (${declared.sentMb} and ${chunked.sentMb} MB sent)`,
    );
    assert.ok(rssGrowthMb < 64, `RSS grew by ${rssGrowthMb} MB`);
    assert.deepEqual(handled, ['m7']);
  } finally {
    await server.close();
  }
});
