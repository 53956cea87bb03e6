// A request refused before its body is read (wrong or missing secret: 401; wrong method: 405) is
// answered and its connection closed: the body, however large, is not read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { Botte } from '../src/index.js';

const DECLARED = 256 * 1024 * 1024;

/** Sends a request declaring a 256 MB body and writes it as fast as the server takes it; returns what happened. */
function sendHuge(port: number, head: string): Promise<{ status: string; writtenMb: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunk = Buffer.alloc(1024 * 1024, 97);
    let written = 0;
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the connection was still open after 20 s (${written >> 20} MB written)`));
    }, 20_000);
    const done = () => {
      clearTimeout(timer);
      resolve({ status: answer.split('\r\n')[0] ?? '', writtenMb: written / (1024 * 1024) });
    };
    socket.on('connect', () => {
      socket.write(`${head}Host: x\r\nContent-Type: application/json\r\nContent-Length: ${DECLARED}\r\n\r\n`);
      const pump = () => {
        while (written < DECLARED && !socket.destroyed) {
          written += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    socket.on('data', (data) => (answer += data));
    socket.on('error', done);
    socket.on('close', done);
  });
}

test('401 and 405 are answered and the connection closed without reading the body', async () => {
  const bot = new Botte('123456:refused-body-test', { validateToken: false });
  const server = await bot.runWebhooks({ port: 0, secretToken: 'right', urlPath: '/hook' });
  try {
    for (const [head, expected] of [
      ['POST /hook HTTP/1.1\r\n', '401'],
      ['POST /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: wrong\r\n', '401'],
      ['PUT /hook HTTP/1.1\r\nX-Telegram-Bot-Api-Secret-Token: right\r\n', '405'],
    ] as const) {
      const { status, writtenMb } = await sendHuge(server.port, head);
      assert.match(status, new RegExp(`^HTTP/1.1 ${expected} `), `${head.trim()}: answered ${status}`);
      // Only what fits in socket buffers gets through; reading the body would take all 256 MB.
      assert.ok(writtenMb < 128, `${head.trim()}: the server took ${writtenMb} MB of the body`);
    }
  } finally {
    await server.close();
  }
});
