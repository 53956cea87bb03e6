// A graceful stop of runWebhooks (SIGTERM, bot.stopBot(), server.close()) while Telegram's
// request is being handled: Telegram keeps its connections alive, so once that request is
// answered its connection sits idle, and close() waited for the client (or the server's
// keep-alive timeout) to drop it: seconds of a deploy spent doing nothing. A request answered
// after close() began says `Connection: close` and its connection ends with the answer, so close()
// resolves as soon as the last handler finished (src/webhook/server.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Agent, request } from 'node:http';
import { Botte } from '../src/runner/botte.js';

const body = JSON.stringify({
  update_id: 1,
  message: {
    message_id: 1,
    date: 1,
    chat: { id: 1, type: 'private' },
    from: { id: 1, is_bot: false, first_name: 'K' },
    text: 'slow',
  },
});

test('a request answered while the server closes gets Connection: close, and its socket ends with the answer', async () => {
  const bot = new Botte('123456:webhook-keep-alive', { validateToken: false });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const inHandler = new Promise<void>((resolve) => (started = resolve));
  bot.handleMsg({ func: () => true }, async () => {
    started();
    await gate;
  });
  const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
  // A client that keeps its connections open, as Telegram does.
  const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
  try {
    const answer = new Promise<{ status: number; connection: string | undefined; socketEnded: Promise<void> }>(
      (resolve, reject) => {
        const req = request(
          `http://127.0.0.1:${server.port}/hook`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json' } },
          (res) => {
            const socketEnded = new Promise<void>((ended) => res.socket.once('close', () => ended()));
            res.resume();
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, socketEnded }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    await inHandler;
    const closed = server.close();
    release();
    const { status, connection, socketEnded } = await answer;
    assert.equal(status, 200);
    assert.equal(connection, 'close', 'the answer must tell the client not to reuse the connection');
    await socketEnded;
    await closed;
  } finally {
    agent.destroy();
    await bot.stopBot();
  }
});
