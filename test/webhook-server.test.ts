import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { webhookHandler } from '../src/webhook/index.js';
import { textUpdate } from './webhook-harness.js';
import { sleep } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n';

test('runWebhooks with url registers the webhook (secret generated, certificate uploaded) and serves updates', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ func: () => true }, (m) => bot.replyTo(m, `echo ${m.text}`));
    const server = await bot.runWebhooks({
      port: 0,
      url: 'https://example.com/hook',
      certificate: PEM,
      dropPendingUpdates: true,
      allowedUpdates: ['message'],
    });
    const call = emu.callsOf('setWebhook')[0]!;
    assert.equal(call.params.url, 'https://example.com/hook');
    assert.equal(call.params.secret_token, server.secretToken);
    assert.match(server.secretToken!, /^[A-Za-z0-9_-]{20,}$/);
    assert.equal(call.params.drop_pending_updates, true);
    assert.deepEqual(call.params.allowed_updates, ['message']);
    assert.ok(call.files.certificate, 'certificate uploaded');
    assert.equal(server.url, 'https://example.com/hook');
    // The local endpoint listens on the path of url (/hook), nowhere else.
    const local = `http://127.0.0.1:${server.port}`;
    assert.equal((await fetch(`${local}/`, { method: 'POST', body: '{}' })).status, 404);
    await bot.stopBot(); // closes the server too
    await assert.rejects(fetch(`${local}/`, { method: 'POST', body: '{}' }));
  });
});

test('replyInResponse: the first eligible call becomes the webhook response', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
    const results: unknown[] = [];
    bot.handleMsg({ func: () => true }, async (m) => {
      results.push(await bot.sendMessage(m.chat.id, `<b>${m.text}</b>`));
      await bot.sendMessage(m.chat.id, 'second, over HTTP');
    });
    const handle = webhookHandler(bot, { replyInResponse: true });
    const response = await handle(
      new Request('http://local/', { method: 'POST', body: JSON.stringify(textUpdate(1, 'hi')) }),
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.deepEqual(await response.json(), {
      method: 'sendMessage',
      chat_id: 5,
      text: '<b>hi</b>',
      parse_mode: 'HTML',
    });
    const sent = emu.callsOf('sendMessage');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.params.text, 'second, over HTTP');
    assert.equal(results[0], true, 'the kept call resolves with true');

    // Without the option, every call goes over HTTP and the body is empty.
    const plain = webhookHandler(bot);
    const r2 = await plain(new Request('http://local/', { method: 'POST', body: JSON.stringify(textUpdate(2, 'yo')) }));
    assert.equal(await r2.text(), '');
    assert.equal(emu.callsOf('sendMessage').length, 3);
    await bot.stopBot();
  });
});

test('processNewUpdates goes through the scheduler: per-chat order, resolves when handled', async () => {
  await withEmulator(async (emu) => {
    const order: string[] = [];
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ func: () => true }, async (m) => {
      await sleep(m.text === 'a1' ? 30 : 1);
      order.push(m.text!);
    });
    const a1 = textUpdate(1, 'a1');
    const a2 = textUpdate(2, 'a2');
    const b1 = {
      ...textUpdate(3, 'b1'),
      message: { ...textUpdate(3, 'b1').message, chat: { id: 6, type: 'private' } },
    };
    await bot.processNewUpdates([a1, a2, b1] as never);
    assert.deepEqual(order, ['b1', 'a1', 'a2']);
    await bot.stopBot();
  });
});
