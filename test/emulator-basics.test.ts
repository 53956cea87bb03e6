import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { attachedFile, BOT_API_METHODS, BotApiEmulator, TelegramError } from '../src/testing/index.js';
import { BOT_API_METHOD_COUNT } from '../src/api/generated/api-version.js';

type Answer = {
  status: number;
  body: { ok: boolean; result?: any; error_code?: number; description?: string; parameters?: any };
};

async function api(
  emu: BotApiEmulator,
  method: string,
  params?: Record<string, unknown>,
  token = emu.token,
): Promise<Answer> {
  const res = await fetch(`${emu.url}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params ?? {}),
  });
  return { status: res.status, body: await res.json() };
}

describe('emulator basics', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start({ botUser: { first_name: 'Custom' } });
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('exposes urls and templates', () => {
    assert.match(emu.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(emu.apiUrl, `${emu.url}/bot{0}/{1}`);
    assert.equal(emu.fileUrl, `${emu.url}/file/bot{0}/{1}`);
    assert.equal(emu.token, '123456:TEST-token');
  });

  it('knows every Bot API method of the description', () => {
    assert.equal(BOT_API_METHODS.length, BOT_API_METHOD_COUNT);
    assert.equal(new Set(BOT_API_METHODS).size, BOT_API_METHOD_COUNT);
  });

  it('answers getMe with the bot user (GET and POST)', async () => {
    const res = await fetch(`${emu.url}/bot${emu.token}/getMe`);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.deepEqual(
      {
        ok: body.ok,
        id: body.result.id,
        is_bot: body.result.is_bot,
        first_name: body.result.first_name,
        username: body.result.username,
      },
      { ok: true, id: 123456, is_bot: true, first_name: 'Custom', username: 'botte_test_bot' },
    );
    assert.equal((await api(emu, 'getMe')).body.result.id, 123456);
    assert.equal(emu.calls[0]!.httpMethod, 'GET');
    assert.equal(emu.calls[0]!.contentType, 'none');
  });

  it('answers 401 for a wrong token and records the call as such', async () => {
    const { status, body } = await api(emu, 'getMe', {}, '999:wrong');
    assert.equal(status, 401);
    assert.deepEqual(body, { ok: false, error_code: 401, description: 'Unauthorized' });
    assert.equal(emu.calls[0]!.tokenValid, false);
  });

  it('answers 404 for an unknown method and for other paths', async () => {
    const { status, body } = await api(emu, 'sendTelepathy');
    assert.equal(status, 404);
    assert.deepEqual(body, { ok: false, error_code: 404, description: 'Not Found' });
    assert.equal((await fetch(`${emu.url}/nothing`)).status, 404);
  });

  it('matches method names case-insensitively and records them as sent', async () => {
    const { status } = await api(emu, 'GETME');
    assert.equal(status, 200);
    assert.equal(emu.calls[0]!.method, 'GETME');
    assert.equal(emu.calls[0]!.canonicalMethod, 'getMe');
    assert.equal(emu.callsOf('getMe').length, 1);
  });

  it('answers true for known methods without a specific default', async () => {
    assert.deepEqual((await api(emu, 'answerCallbackQuery', { callback_query_id: '1' })).body, {
      ok: true,
      result: true,
    });
  });

  it('parses urlencoded bodies: JSON values parsed, text kept, raw strings available', async () => {
    const form = new URLSearchParams({
      chat_id: '-1001234',
      text: '42',
      reply_markup: '{"inline_keyboard":[]}',
      disable_notification: 'true',
    });
    const res = await fetch(`${emu.url}/bot${emu.token}/sendMessage?message_thread_id=7`, {
      method: 'POST',
      body: form,
    });
    assert.equal(res.status, 200);
    const call = emu.calls[0]!;
    assert.equal(call.contentType, 'urlencoded');
    assert.deepEqual(call.params, {
      message_thread_id: 7,
      chat_id: -1001234,
      text: '42',
      reply_markup: { inline_keyboard: [] },
      disable_notification: true,
    });
    assert.equal(call.rawParams.reply_markup, '{"inline_keyboard":[]}');
    const message = (await res.json()).result;
    assert.equal(message.text, '42');
    assert.equal(message.chat.type, 'supergroup');
  });

  it('parses JSON and multipart bodies and resolves attach:// references', async () => {
    const fd = new FormData();
    fd.set('chat_id', '5');
    fd.set(
      'media',
      JSON.stringify([
        { type: 'photo', media: 'attach://a' },
        { type: 'document', media: 'attach://b', caption: 'c' },
      ]),
    );
    fd.set('a', new Blob([Buffer.from('image-bytes')], { type: 'image/png' }), 'a.png');
    fd.set('b', new Blob([Buffer.from('doc')]), 'naïve report.pdf');
    const res = await fetch(`${emu.url}/bot${emu.token}/sendMediaGroup`, { method: 'POST', body: fd });
    const body = await res.json();
    assert.equal(res.status, 200, JSON.stringify(body));
    const call = emu.calls[0]!;
    assert.equal(call.contentType, 'multipart');
    const a = attachedFile(call, (call.params.media as any[])[0].media)!;
    assert.equal(a.filename, 'a.png');
    assert.equal(a.contentType, 'image/png');
    assert.equal(a.size, 11);
    assert.equal(a.sha256, createHash('sha256').update('image-bytes').digest('hex'));
    assert.equal(a.data!.toString(), 'image-bytes');
    assert.equal(call.files.b!.filename, 'naïve report.pdf');
    assert.equal(body.result.length, 2);
    assert.equal(body.result[0].media_group_id, body.result[1].media_group_id);
    assert.equal(body.result[1].document.file_name, 'naïve report.pdf');
    assert.equal(body.result[1].caption, 'c');
  });

  it('answers 400 for an invalid JSON body', async () => {
    const res = await fetch(`${emu.url}/bot${emu.token}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"chat_id": 1,',
    });
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.ok, false);
    assert.equal(body.error_code, 400);
    assert.match(body.description, /^Bad Request: /);
  });

  it('answers 400 for a broken multipart body and keeps serving', async () => {
    const res = await fetch(`${emu.url}/bot${emu.token}/sendDocument`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
      body: '--xyz\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n1\r\n',
    });
    assert.equal(res.status, 400);
    assert.equal((await api(emu, 'getMe')).status, 200);
  });

  it('builds realistic messages with per-chat message ids', async () => {
    const first = (
      await api(emu, 'sendMessage', { chat_id: 77, text: 'one', entities: [{ type: 'bold', offset: 0, length: 3 }] })
    ).body.result;
    const second = (
      await api(emu, 'sendMessage', { chat_id: 77, text: 'two', reply_parameters: { message_id: first.message_id } })
    ).body.result;
    const other = (await api(emu, 'sendMessage', { chat_id: 78, text: 'x' })).body.result;
    assert.equal(second.message_id, first.message_id + 1);
    assert.equal(other.message_id, 1);
    assert.deepEqual(first.chat, { id: 77, type: 'private', first_name: 'User 77' });
    assert.deepEqual(first.from, { id: 123456, is_bot: true, first_name: 'Custom', username: 'botte_test_bot' });
    assert.deepEqual(first.entities, [{ type: 'bold', offset: 0, length: 3 }]);
    assert.equal(second.reply_to_message.text, 'one');
    assert.equal(typeof first.date, 'number');
  });

  it('validates sendMessage like Telegram', async () => {
    assert.equal(
      (await api(emu, 'sendMessage', { chat_id: 1, text: '' })).body.description,
      'Bad Request: message text is empty',
    );
    assert.equal(
      (await api(emu, 'sendMessage', { chat_id: 1, text: 'x'.repeat(4097) })).body.description,
      'Bad Request: message is too long',
    );
    assert.equal((await api(emu, 'sendMessage', { text: 'x' })).body.description, 'Bad Request: chat_id is empty');
  });

  it('edits messages and reports unmodified edits', async () => {
    const sent = (await api(emu, 'sendMessage', { chat_id: 9, text: 'before' })).body.result;
    const edited = (await api(emu, 'editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'after' })).body
      .result;
    assert.equal(edited.text, 'after');
    assert.equal(typeof edited.edit_date, 'number');
    assert.equal(emu.getMessage(9, sent.message_id)!.text, 'after');
    const again = await api(emu, 'editMessageText', { chat_id: 9, message_id: sent.message_id, text: 'after' });
    assert.equal(again.status, 400);
    assert.match(again.body.description!, /message is not modified/);
    assert.equal((await api(emu, 'editMessageText', { inline_message_id: 'abc', text: 'x' })).body.result, true);
  });

  it('forwards and copies messages it knows', async () => {
    const update = emu.pushMessage('hello', { chatId: 1001 });
    const id = update.message!.message_id;
    const fwd = (await api(emu, 'forwardMessage', { chat_id: 50, from_chat_id: 1001, message_id: id })).body.result;
    assert.equal(fwd.text, 'hello');
    assert.equal(fwd.forward_origin.type, 'user');
    const copy = (await api(emu, 'copyMessage', { chat_id: 50, from_chat_id: 1001, message_id: id })).body.result;
    assert.deepEqual(copy, { message_id: fwd.message_id + 1 });
    assert.equal((await api(emu, 'forwardMessage', { chat_id: 50, from_chat_id: 1001, message_id: 999 })).status, 400);
  });

  it('lets tests override a method, reuse the default, and answer errors', async () => {
    const restore = emu.onMethod('sendMessage', async (params, _call, fallback) => {
      if (params.chat_id === 13) throw new TelegramError(403, 'Forbidden: bot was blocked by the user');
      if (params.chat_id === 14)
        throw new TelegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
          migrate_to_chat_id: -100123,
        });
      return { ...((await fallback()) as object), text: 'overridden' };
    });
    assert.deepEqual(await api(emu, 'sendMessage', { chat_id: 13, text: 'x' }), {
      status: 403,
      body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' },
    });
    assert.deepEqual((await api(emu, 'sendMessage', { chat_id: 14, text: 'x' })).body.parameters, {
      migrate_to_chat_id: -100123,
    });
    assert.equal((await api(emu, 'sendMessage', { chat_id: 12, text: 'x' })).body.result.text, 'overridden');
    emu.onMethod('getChat', () => {
      throw new Error('oops');
    });
    const broken = await api(emu, 'getChat', { chat_id: 1 });
    assert.equal(broken.status, 500);
    assert.match(broken.body.description!, /oops/);
    restore();
    assert.equal((await api(emu, 'sendMessage', { chat_id: 12, text: 'x' })).body.result.text, 'x');
    emu.clearMethodOverrides();
    assert.equal((await api(emu, 'getChat', { chat_id: 1 })).status, 200);
  });

  it('waitForCall resolves for past and future calls and filters with a predicate', async () => {
    await api(emu, 'sendMessage', { chat_id: 1, text: 'a' });
    const past = await emu.waitForCall('sendMessage');
    assert.equal(past.params.text, 'a');
    const future = emu.waitForCall('sendMessage', (call) => call.params.text === 'b', { since: emu.calls.length });
    await api(emu, 'sendMessage', { chat_id: 1, text: 'c' });
    await api(emu, 'sendMessage', { chat_id: 1, text: 'b' });
    assert.equal((await future).params.text, 'b');
  });

  it('waitForCall rejects with a clear error on timeout', async () => {
    await api(emu, 'getMe');
    await api(emu, 'sendMessage', { chat_id: 1, text: 'nope' });
    await assert.rejects(
      emu.waitForCall('sendMessage', (call) => call.params.text === 'yes', 50),
      (error: Error) => {
        assert.match(error.message, /waitForCall\('sendMessage'\) timed out after 50 ms/);
        assert.match(error.message, /did not match the predicate/);
        assert.match(error.message, /getMe, sendMessage/);
        return true;
      },
    );
  });

  it('serves added files through getFile and the file URL', async () => {
    const file = emu.addFile('file content', { filePath: 'documents/readme.txt' });
    const info = await api(emu, 'getFile', { file_id: file.file_id });
    assert.deepEqual(info.body.result, file);
    assert.equal(file.file_size, 12);
    const download = await fetch(emu.fileUrl.replace('{0}', emu.token).replace('{1}', file.file_path));
    assert.equal(download.status, 200);
    assert.equal(await download.text(), 'file content');
    assert.equal((await fetch(`${emu.url}/file/bot${emu.token}/documents/missing.txt`)).status, 404);
    assert.equal((await fetch(`${emu.url}/file/botWRONG/${file.file_path}`)).status, 401);
    assert.equal((await api(emu, 'getFile', { file_id: 'nope' })).body.description, 'Bad Request: invalid file_id');
  });

  it('makes uploaded files downloadable by their new file_id', async () => {
    const fd = new FormData();
    fd.set('chat_id', '3');
    fd.set('document', new Blob([Buffer.from('%PDF-1.4')], { type: 'application/pdf' }), 'x.pdf');
    const doc = (await (await fetch(`${emu.url}/bot${emu.token}/sendDocument`, { method: 'POST', body: fd })).json())
      .result.document;
    assert.equal(doc.file_name, 'x.pdf');
    assert.equal(doc.mime_type, 'application/pdf');
    const file = (await api(emu, 'getFile', { file_id: doc.file_id })).body.result;
    assert.equal(await (await fetch(`${emu.url}/file/bot${emu.token}/${file.file_path}`)).text(), '%PDF-1.4');
  });

  it('keeps connections alive between calls', async () => {
    const http = await import('node:http');
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const ports = new Set<number>();
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve, reject) => {
        http
          .get(`${emu.url}/bot${emu.token}/getMe`, { agent }, (res) => {
            ports.add(res.socket.localPort!);
            res.resume();
            res.on('end', resolve);
          })
          .on('error', reject);
      });
    }
    agent.destroy();
    assert.equal(ports.size, 1);
  });

  it('tracks getChat, getChatMember and bot settings', async () => {
    emu.pushMessage('hi', { chatType: 'group', chatId: -55, chatTitle: 'Friends', userId: 42, username: 'alice' });
    const chat = (await api(emu, 'getChat', { chat_id: -55 })).body.result;
    assert.equal(chat.type, 'group');
    assert.equal(chat.title, 'Friends');
    const member = (await api(emu, 'getChatMember', { chat_id: -55, user_id: 42 })).body.result;
    assert.equal(member.status, 'member');
    assert.equal(member.user.username, 'alice');
    await api(emu, 'setMyCommands', { commands: [{ command: 'start', description: 'Start' }] });
    assert.deepEqual((await api(emu, 'getMyCommands')).body.result, [{ command: 'start', description: 'Start' }]);
  });

  it('survives bad input: garbage bytes, bad escapes, odd content types', async () => {
    const net = await import('node:net');
    const { port } = new URL(emu.url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.end('\x00\x01 NOT HTTP\r\n\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
      socket.resume();
    });
    assert.equal((await fetch(`${emu.url}/bot%ZZ/getMe`)).status, 400);
    assert.equal((await fetch(`${emu.url}/bot${emu.token}/getMe/extra`)).status, 404);
    const odd = await fetch(`${emu.url}/bot${emu.token}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    assert.equal(odd.status, 200);
    const arrayBody = await fetch(`${emu.url}/bot${emu.token}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1]',
    });
    assert.equal(arrayBody.status, 400);
    const noBoundary = await fetch(`${emu.url}/bot${emu.token}/getMe`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data' },
      body: 'x',
    });
    assert.equal(noBoundary.status, 400);
    assert.equal((await api(emu, 'getMe')).status, 200);
  });
});
