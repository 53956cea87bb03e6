import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { textUpdate } from './webhook-harness.js';

test('runWebhooks({ url }) without urlPath listens on the path of url, where Telegram posts', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const bot2 = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    const seen: string[] = [];
    bot.handleMsg({ func: () => true }, (m) => {
      seen.push(m.text!);
    });
    const server = await bot.runWebhooks({ port: 0, url: 'https://example.com/hook' });
    assert.equal(emu.callsOf('setWebhook')[0]!.params.url, 'https://example.com/hook');
    const post = (path: string, body: unknown) =>
      fetch(`http://127.0.0.1:${server.port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': server.secretToken! },
        body: JSON.stringify(body),
      });
    const response = await post('/hook', textUpdate(1, 'hello'));
    assert.equal(response.status, 200);
    await response.arrayBuffer();
    await bot.stopBot();
    assert.deepEqual(seen, ['hello']);

    // Without url the default path stays the hashed one.
    const server2 = await bot2.runWebhooks({ port: 0 });
    assert.match(new URL(server2.url).pathname, /^\/botte-[0-9a-f]{24}$/);
    await bot2.stopBot();
  } finally {
    await bot.stopBot(); // also when an assertion failed, so that no server keeps the process alive
    await bot2.stopBot();
    await emu.stop();
  }
});
