import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { sleep } from './helpers.js';

type Body = { ok: boolean; result?: any; error_code?: number; description?: string };

async function api(
  emu: BotApiEmulator,
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; body: Body }> {
  const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

const ids = (body: Body): number[] => (body.result as Array<{ update_id: number }>).map((u) => u.update_id);

describe('emulator getUpdates', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('assigns increasing update ids and builds realistic messages', () => {
    const a = emu.pushMessage('/start payload', { username: 'bob', languageCode: 'en' });
    const b = emu.pushMessage('plain');
    assert.equal(b.update_id, a.update_id + 1);
    const message = a.message!;
    assert.equal(message.chat.id, 1001);
    assert.equal(message.chat.type, 'private');
    assert.equal(message.from.id, 1001);
    assert.equal(message.from.username, 'bob');
    assert.equal(message.from.language_code, 'en');
    assert.deepEqual(message.entities, [{ type: 'bot_command', offset: 0, length: 6 }]);
    assert.equal(b.message!.message_id, message.message_id + 1);
    assert.equal(b.message!.entities, undefined);
    const post = emu.pushMessage('news', { chatType: 'channel' });
    assert.equal(post.channel_post!.chat.type, 'channel');
    assert.equal(post.channel_post!.from, undefined);
    const reply = emu.pushMessage('re', { replyToMessage: message.message_id, extra: { is_topic_message: true } });
    assert.equal(reply.message!.reply_to_message!.text, '/start payload');
    assert.equal(reply.message!.is_topic_message, true);
    const edit = emu.pushMessage('plain, edited', { editOf: b.message!.message_id });
    assert.equal(edit.edited_message!.message_id, b.message!.message_id);
  });

  it('confirms with offset and honours limit', async () => {
    const pushed = emu.pushUpdates([
      { message: { text: 'a' } },
      { message: { text: 'b' } },
      { message: { text: 'c' } },
    ]);
    const first = pushed[0]!.update_id;
    assert.deepEqual(ids((await api(emu, 'getUpdates', { limit: 2 })).body), [first, first + 1]);
    assert.deepEqual(ids((await api(emu, 'getUpdates')).body), [first, first + 1, first + 2]);
    assert.equal(emu.pendingUpdates().length, 3);
    assert.deepEqual(ids((await api(emu, 'getUpdates', { offset: first + 2 })).body), [first + 2]);
    assert.equal(emu.confirmedOffset, first + 2);
    assert.equal(emu.pendingUpdates().length, 1);
    assert.deepEqual(ids((await api(emu, 'getUpdates', { offset: first + 3 })).body), []);
    assert.equal(emu.pendingUpdates().length, 0);
    // limit is clamped to 1..100
    emu.pushUpdates(Array.from({ length: 105 }, () => ({ message: { text: 'x' } })));
    assert.equal((await api(emu, 'getUpdates', { limit: 1000 })).body.result.length, 100);
    assert.equal((await api(emu, 'getUpdates', { limit: 0 })).body.result.length, 1);
  });

  it('supports negative offsets: keep the last N updates', async () => {
    const pushed = emu.pushUpdates([
      { message: { text: '1' } },
      { message: { text: '2' } },
      { message: { text: '3' } },
    ]);
    assert.deepEqual(ids((await api(emu, 'getUpdates', { offset: -1 })).body), [pushed[2]!.update_id]);
    assert.equal(emu.pendingUpdates().length, 1);
    assert.equal(emu.confirmedOffset, pushed[2]!.update_id);
  });

  it('holds a long poll until an update arrives', async () => {
    const started = Date.now();
    const poll = api(emu, 'getUpdates', { timeout: 5 });
    await emu.waitForRequest('getUpdates');
    await sleep(50);
    emu.pushMessage('wake up');
    emu.pushMessage('and me'); // pushed together: one answer
    const { body } = await poll;
    assert.equal(body.result.length, 2);
    assert.equal(body.result[0].message.text, 'wake up');
    assert.ok(Date.now() - started < 4000);
  });

  it('ends a long poll with no updates after the timeout', async () => {
    const started = Date.now();
    const { body } = await api(emu, 'getUpdates', { timeout: 1 });
    assert.deepEqual(body, { ok: true, result: [] });
    const elapsed = Date.now() - started;
    assert.ok(elapsed >= 950 && elapsed < 4500, `took ${elapsed} ms`);
  });

  it('ends the older of two concurrent long polls with 409', async () => {
    const older = api(emu, 'getUpdates', { timeout: 5 });
    await emu.waitForRequest('getUpdates');
    const newer = api(emu, 'getUpdates', { timeout: 5 });
    const { status, body } = await older;
    assert.equal(status, 409);
    assert.equal(
      body.description,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    emu.pushMessage('for the newer');
    assert.equal((await newer).body.result.length, 1);
  });

  it('filters and remembers allowed_updates', async () => {
    emu.pushUpdate({ chat_member: { chat: { id: 1 } } });
    emu.pushUpdate({ callback_query: { id: '1', data: 'x' } });
    emu.pushMessage('m');
    // chat_member is opt-in
    assert.deepEqual(
      (await api(emu, 'getUpdates')).body.result.map((u: object) => Object.keys(u)[1]),
      ['callback_query', 'message'],
    );
    assert.equal((await api(emu, 'getUpdates', { allowed_updates: ['message'] })).body.result.length, 1);
    // remembered for the next call without allowed_updates
    assert.equal((await api(emu, 'getUpdates')).body.result.length, 1);
    assert.equal(
      (await api(emu, 'getUpdates', { allowed_updates: ['chat_member'] })).body.result[0].chat_member.chat.id,
      1,
    );
    assert.equal((await api(emu, 'getUpdates', { allowed_updates: [] })).body.result.length, 2);
  });

  it('pushes callback queries', () => {
    const sent = emu.pushMessage('menu');
    const update = emu.pushCallbackQuery('buy:1', { message: sent.message!.message_id });
    assert.equal(update.callback_query!.data, 'buy:1');
    assert.equal(update.callback_query!.message!.message_id, sent.message!.message_id);
  });

  it('answers 409 to getUpdates while a webhook is set, and tracks webhook info', async () => {
    const bad = await api(emu, 'setWebhook', { url: 'http://example.com/hook' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.description, 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook');
    assert.equal(
      (await api(emu, 'setWebhook', { url: 'https://example.com/hook', secret_token: 'bad token!' })).status,
      400,
    );

    emu.pushMessage('pending');
    assert.equal(
      (
        await api(emu, 'setWebhook', {
          url: 'https://example.com/hook',
          max_connections: 10,
          allowed_updates: ['message'],
        })
      ).body.result,
      true,
    );
    const info = (await api(emu, 'getWebhookInfo')).body.result;
    assert.deepEqual(info, {
      url: 'https://example.com/hook',
      has_custom_certificate: false,
      pending_update_count: 1,
      max_connections: 10,
      allowed_updates: ['message'],
    });
    const conflict = await api(emu, 'getUpdates');
    assert.equal(conflict.status, 409);
    assert.match(conflict.body.description!, /^Conflict: can't use getUpdates method while webhook is active/);
    assert.equal(emu.webhook.url, 'https://example.com/hook');

    assert.equal((await api(emu, 'deleteWebhook', { drop_pending_updates: true })).body.result, true);
    assert.equal((await api(emu, 'getWebhookInfo')).body.result.url, '');
    assert.equal(emu.pendingUpdates().length, 0);
    assert.equal((await api(emu, 'getUpdates')).status, 200);
  });

  it('accepts a webhook certificate as a multipart upload', async () => {
    const fd = new FormData();
    fd.set('url', 'https://example.com/hook');
    fd.set('certificate', new Blob(['-----BEGIN CERTIFICATE-----']), 'cert.pem');
    const res = await fetch(`${emu.url}/bot${emu.token}/setWebhook`, { method: 'POST', body: fd });
    assert.equal(res.status, 200);
    assert.equal((await api(emu, 'getWebhookInfo')).body.result.has_custom_certificate, true);
    assert.equal((await api(emu, 'setWebhook', { url: '' })).body.result, true);
  });

  it('ends a long poll when the client goes away, without losing updates', async () => {
    const controller = new AbortController();
    const poll = fetch(`${emu.url}/bot${emu.token}/getUpdates?timeout=10`, { signal: controller.signal });
    const call = await emu.waitForRequest('getUpdates');
    controller.abort();
    await assert.rejects(poll);
    await sleep(50);
    emu.pushMessage('kept');
    assert.equal((await api(emu, 'getUpdates')).body.result.length, 1);
    assert.equal(call.aborted, true);
  });
});

describe('emulator stop()', () => {
  it('ends a hanging long poll and closes keep-alive connections', async () => {
    const emu = await BotApiEmulator.start();
    await api(emu, 'getMe'); // leaves a keep-alive connection open
    const started = Date.now();
    const poll = fetch(`${emu.url}/bot${emu.token}/getUpdates?timeout=30`).then(
      async (res) => ({ status: res.status, body: await res.json() }),
      (error: unknown) => ({ error }),
    );
    await emu.waitForRequest('getUpdates');
    const waiting = assert.rejects(emu.waitForCall('sendMessage', undefined, 30_000), /stopped/);
    await emu.stop();
    const outcome = await poll;
    assert.ok(Date.now() - started < 5000);
    assert.deepEqual(outcome, { status: 200, body: { ok: true, result: [] } });
    await waiting;
    await assert.rejects(fetch(`${emu.url}/bot${emu.token}/getMe`));
    await emu.stop(); // idempotent
  });
});
