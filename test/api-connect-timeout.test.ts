// CONNECT_TIMEOUT (`connectTimeout`, seconds) bounds the wait for a TCP connection on the undici
// transport (src/api/transport.ts), straight to Telegram or to a SOCKS5 proxy: a host that never
// completes the handshake fails the call with ECONNECTTIMEOUT after about that long, not after
// undici's own 10 s. A server that cannot accept plays that host: a child process listens with a
// backlog of 1 and then blocks its event loop (stdout, a pipe, is written synchronously first), so once two connections wait in its queue the
// kernel drops every further SYN and the connect hangs. An abort ends such a wait at once.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { ApiClient, ApiHTTPException } from '../src/index.js';

const child = spawn(
  process.execPath,
  [
    '-e',
    `const server = require('node:net').createServer();
     server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       process.stdout.write(server.address().port + '\\n');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
       process.exit(0); // never outlives a test process that died
     });`,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const port = Number(
  await new Promise<string>((resolve) => child.stdout!.once('data', (data) => resolve(String(data)))),
);
const waiting: Socket[] = [];
after(() => {
  for (const socket of waiting) socket.destroy();
  child.kill();
});

/** Fills the accept queue: connects until one connect stays pending for 300 ms. */
async function fillQueue(): Promise<void> {
  for (let tries = 0; tries < 20; tries++) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    waiting.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 300);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!connected) return;
  }
  assert.fail('the accept queue never filled: connects kept succeeding');
}
await fillQueue();

/** The call's error and how long it took, or a failure after 8 s (undici's own 10 s would be too late). */
async function timed(call: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  let deadline: ReturnType<typeof setTimeout> | undefined;
  const error = await Promise.race([
    call().then(
      () => 'answered',
      (e: unknown) => e,
    ),
    new Promise((resolve) => {
      deadline = setTimeout(() => resolve('not cut within 8 s'), 8000);
    }),
  ]);
  clearTimeout(deadline);
  return { error, ms: Date.now() - started };
}

for (const [what, target] of [
  ['straight to a host that never accepts', { apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}` }],
  [
    'through a SOCKS5 proxy that never accepts',
    { apiUrl: 'http://127.0.0.1:9/bot{0}/{1}', proxy: `socks5://127.0.0.1:${port}` },
  ],
] as const) {
  test(`connectTimeout 0.6 s, ${what}: ECONNECTTIMEOUT after about 0.6 s`, async () => {
    const bot = new ApiClient('123456:TEST-token', { ...target, connectTimeout: 0.6, retry: false });
    try {
      const { error, ms } = await timed(() => bot.getMe());
      assert.ok(error instanceof ApiHTTPException, String(error));
      assert.equal(error.code, 'ECONNECTTIMEOUT', error.message);
      assert.ok(ms >= 500, `cut after ${ms} ms, before the 600 ms asked`);
    } finally {
      await bot.closeSession();
    }
  });
}

test('a call waiting for a connection that never comes ends at once when aborted (ABORTED, not the connect timeout)', async () => {
  const bot = new ApiClient('123456:TEST-token', {
    apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}`,
    connectTimeout: 5,
    retry: false,
  });
  try {
    const controller = new AbortController();
    const { error, ms } = await timed(() => {
      setTimeout(() => controller.abort(), 200);
      return bot.callApi('getMe', {}, { signal: controller.signal });
    });
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ABORTED', error.message);
    assert.ok(ms < 2500, `ended ${ms} ms after the start, not at the abort (200 ms)`);
  } finally {
    await bot.closeSession();
  }
});
