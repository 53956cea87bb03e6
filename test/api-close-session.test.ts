// closeSession closes the pooled keep-alive connections (so the process can exit); the next call
// opens a new one. (The undici transport, Node's default: the fetch transport leaves pooling to the
// runtime's own fetch, whose idle connections close by themselves.) A plain node:http server that would keep an idle
// connection open for a minute counts the open connections.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ApiClient } from '../src/index.js';

const open = new Set<Socket>();
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true,"result":true}');
});
server.keepAliveTimeout = 60_000;
server.on('connection', (socket) => {
  open.add(socket);
  socket.on('close', () => open.delete(socket));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot{0}/{1}`;
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

async function waitUntilClosed(what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (open.size > 0) {
    assert.ok(Date.now() < deadline, `${what}: ${open.size} connection(s) still open 10 s after closeSession`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const transport of ['undici'] as const) {
  test(`closeSession closes the idle connection (transport ${transport}); the next call opens one`, async () => {
    const bot = new ApiClient('123456:TEST-token', { apiUrl, transport, retry: false });
    try {
      assert.equal(await bot.callApi('close'), true);
      assert.equal(open.size, 1, 'the connection is kept alive after the call');
      await bot.closeSession();
      await waitUntilClosed(transport);
      assert.equal(await bot.callApi('close'), true);
      assert.equal(open.size, 1);
    } finally {
      await bot.closeSession();
      server.closeAllConnections();
    }
  });
}
