// SESSION_TIME_TO_LIVE / sessionTimeToLive: an idle keep-alive connection is dropped after that
// many seconds and the next call opens a new one. Counted on the wire: a TCP relay in front of the
// emulator counts the connections the bot opens.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api/client.js';
import { apihelper } from '../src/api/settings.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { connectionsForTwoCalls } from './helpers.js';

let emu: BotApiEmulator;
let relay: Server;
let apiUrl: string;
let connections = 0;
const count = () => connections;
const sockets = new Set<Socket>();

before(async () => {
  emu = await BotApiEmulator.start();
  const target = new URL(emu.url);
  relay = createServer((client) => {
    connections++;
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/bot{0}/{1}`;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => relay.close(resolve));
  await emu.stop();
});

test('without a time to live, an idle connection is reused for the next call', async () => {
  assert.equal(await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl }), 600, count), 1);
});

test('sessionTimeToLive drops an idle connection: the call after it opens a new one', async () => {
  assert.equal(
    await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl, sessionTimeToLive: 0.2 }), 600, count),
    2,
  );
});

test('a time to live longer than the pause keeps the connection: 2 s, idle for 300 ms', async () => {
  assert.equal(await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl, sessionTimeToLive: 2 }), 300, count), 1);
});

test('apihelper.SESSION_TIME_TO_LIVE does the same for every bot without its own', async () => {
  const saved = apihelper.SESSION_TIME_TO_LIVE;
  apihelper.SESSION_TIME_TO_LIVE = 0.2;
  try {
    assert.equal(await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl }), 600, count), 2);
  } finally {
    apihelper.SESSION_TIME_TO_LIVE = saved;
  }
});
