// Where each call goes: the client keeps the URL of every method, built once per URL template.
// A new apihelper.API_URL (assignable at any time) sends the next calls to the new server; past
// the bound of 1024 method names, two new names in a row each reach their own URL. A plain
// node:http server records the paths (it answers `true` to everything).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, apihelper } from '../src/index.js';
import { callPlan } from '../src/api/method-lookup.js';

const paths: string[] = [];
const server = createServer((req, res) => {
  paths.push(req.url ?? '');
  req.resume();
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true,"result":true}');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('a new apihelper.API_URL takes effect at the next call', async () => {
  const saved = apihelper.API_URL;
  const bot = new ApiClient('123456:TEST-token', { retry: false });
  try {
    apihelper.API_URL = `${base}/first/bot{0}/{1}`;
    await bot.callApi('close');
    await bot.callApi('logOut');
    apihelper.API_URL = `${base}/second/bot{0}/{1}`;
    await bot.callApi('close');
    await bot.callApi('logOut');
    assert.deepEqual(paths.splice(0), [
      '/first/bot123456:TEST-token/close',
      '/first/bot123456:TEST-token/logOut',
      '/second/bot123456:TEST-token/close',
      '/second/bot123456:TEST-token/logOut',
    ]);
  } finally {
    apihelper.API_URL = saved;
    await bot.closeSession();
  }
});

test('past 1024 method names, new names called one after another each reach their own URL', async () => {
  const bot = new ApiClient('123456:TEST-token', { apiUrl: `${base}/bot{0}/{1}`, retry: false });
  try {
    let made = 0;
    while (callPlan(`fillerMethod${made}`).index !== -1) {
      made++;
      assert.ok(made < 5000, 'the plan cache never stopped growing');
    }
    paths.length = 0;
    for (const name of ['beyondTheBoundA', 'beyondTheBoundB', 'beyondTheBoundA', 'getMe', 'beyondTheBoundC']) {
      await bot.callApi(name as never);
    }
    assert.deepEqual(
      paths.map((path) => path.split('/').at(-1)),
      ['beyondTheBoundA', 'beyondTheBoundB', 'beyondTheBoundA', 'getMe', 'beyondTheBoundC'],
    );
  } finally {
    await bot.closeSession();
  }
});
