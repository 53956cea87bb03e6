// Telegram keeps its webhook connections alive and sends the next update on the same one. While
// runWebhooks is serving (not closing), its answers must let it: no `Connection: close`, and the
// second update arrives over the first one's socket (only answers given once close() began end
// their connection: test/webhook-close-keep-alive.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { Botte } from '../src/runner/botte.js';

const body = (id: number) =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: 1, type: 'private' },
      from: { id: 1, is_bot: false, first_name: 'K' },
      text: `u${id}`,
    },
  });

test('a serving runWebhooks keeps the connection open: two updates over one socket', async () => {
  const bot = new Botte('123456:webhook-keep-alive-answers', { validateToken: false });
  const seen: string[] = [];
  bot.handleMsg({ func: () => true }, (message) => void seen.push(message.text ?? ''));
  const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const post = (id: number) =>
    new Promise<{ status: number; connection: string | undefined; socket: Socket }>((resolve, reject) => {
      const req = request(
        `http://127.0.0.1:${server.port}/hook`,
        { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
        (res) => {
          res.resume();
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socket: res.socket }),
          );
        },
      );
      req.on('error', reject);
      req.end(body(id));
    });
  try {
    const first = await post(1);
    const second = await post(2);
    assert.deepEqual([first.status, second.status], [200, 200]);
    assert.notEqual(first.connection, 'close', 'a serving server asked Telegram to drop the connection');
    assert.notEqual(second.connection, 'close');
    assert.equal(second.socket, first.socket, 'the second update did not reuse the connection');
    assert.deepEqual(seen, ['u1', 'u2']);
  } finally {
    agent.destroy();
    await server.close();
    await bot.stopBot();
  }
});
