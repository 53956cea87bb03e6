// How a call's method name is worked out (src/api/method-lookup.ts): a method outside the Bot API
// description gets its answer back as Telegram sent it (only described Message results are
// enriched), and once a process has seen more than 1024 method names (the cache's bound), a call
// with yet another name still goes to that name's URL, not to a cached one of another method.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { ApiClient } from '../src/api/client.js';
import { METHOD_TABLE } from '../src/api/generated/method-table.js';
import { callPlan } from '../src/api/method-lookup.js';
import { startClient } from './helpers.js';

const ctx = await startClient();
after(() => ctx.close());

test("a method outside the description returns Telegram's answer untouched, even when it looks like a Message", async () => {
  // The emulator knows only described methods: a plain HTTP server plays a newer Telegram here.
  const answer = { message_id: 5, chat: { id: 1, type: 'private' }, date: 1, text: 'hi' };
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result: answer }));
  }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const bot = new ApiClient(ctx.emu.token, { apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}` });
  try {
    assert.deepEqual(await bot.callApi('someFutureMethod', { chat_id: 1 }), answer);
  } finally {
    await bot.closeSession();
    server.close();
  }
});

test('past 1024 method names, a call with a new name still reaches its own URL', async () => {
  // Fill this client's URL cache at the first plans' indexes (0 and 1), whichever methods they are.
  for (const name of Object.keys(METHOD_TABLE)) {
    const index = callPlan(name).index;
    if (index === 0 || index === 1) await ctx.bot.callApi(name, {}).catch(() => undefined);
  }
  let made = 0;
  while (callPlan(`madeUpMethod${made}`).index !== -1) {
    made++;
    assert.ok(made < 5000, 'the plan cache never stopped growing');
  }
  // The emulator answers an unknown method with a 404, as Telegram does; where the call went is what counts.
  await ctx.bot.callApi('madeUpBeyondTheBound', {}).catch(() => undefined);
  assert.equal(ctx.emu.calls.at(-1)!.method, 'madeUpBeyondTheBound');
});
