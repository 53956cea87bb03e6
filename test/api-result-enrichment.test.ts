// What a message-returning call resolves with: every message of sendMediaGroup's answer gets
// Botte's additions (content_type, from_user) like a single message does; an answer of null
// (a proxy or a server that is not quite Telegram) comes back as null instead of failing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, InputFile } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test("each message sendMediaGroup answers has Botte's additions", async () => {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: false });
  try {
    const sent = await bot.sendMediaGroup(5, [
      { type: 'photo', media: new InputFile(Buffer.from('first'), 'a.jpg') },
      { type: 'photo', media: new InputFile(Buffer.from('second'), 'b.jpg') },
    ]);
    assert.equal(sent.length, 2);
    for (const message of sent) {
      assert.equal(message.content_type, 'photo');
      assert.equal(message.from_user, message.from);
    }
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('a message method answered with null resolves with null', async () => {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"ok":true,"result":null}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const bot = new ApiClient('123456:TEST-token', { apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}`, retry: false });
  try {
    assert.equal(await bot.callApi('sendMessage', { chat_id: 5, text: 'x' }), null);
  } finally {
    await bot.closeSession();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
