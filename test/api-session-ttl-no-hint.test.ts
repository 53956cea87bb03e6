// SESSION_TIME_TO_LIVE / sessionTimeToLive against a server that sends no `Keep-Alive: timeout`
// hint (nginx's default, many proxies): the client's own idle timer is then the only one, so an
// idle connection must still be dropped after the time to live, kept below it, and kept for a
// short pause without one. A small HTTP relay without the hint stands in front of the emulator
// and counts the connections the bot opens (test/api-session-ttl covers a server with the hint).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api/client.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { connectionsForTwoCalls } from './helpers.js';

let emu: BotApiEmulator;
let relay: Server;
let apiUrl: string;
let connections = 0;
const count = () => connections;

before(async () => {
  emu = await BotApiEmulator.start();
  relay = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await fetch(`${emu.url}${req.url}`, {
      method: req.method,
      headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: req.method === 'POST' ? Buffer.concat(chunks) : undefined,
    });
    const body = Buffer.from(await answer.arrayBuffer());
    res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': body.length });
    res.end(body);
  });
  relay.keepAliveTimeout = 0; // no `Keep-Alive: timeout` header, no idle timeout on this side
  relay.on('connection', () => connections++);
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/bot{0}/{1}`;
});
after(async () => {
  relay.closeAllConnections();
  await new Promise((resolve) => relay.close(resolve));
  await emu.stop();
});

test('without a time to live, a connection idle for a short pause is reused', async () => {
  assert.equal(await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl }), 300, count), 1);
});

test('sessionTimeToLive: 1 keeps a connection idle for 200 ms, drops one idle for 1.5 s', async () => {
  assert.equal(await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl, sessionTimeToLive: 1 }), 200, count), 1);
  assert.equal(
    await connectionsForTwoCalls(new ApiClient(emu.token, { apiUrl, sessionTimeToLive: 1 }), 1500, count),
    2,
  );
});
