// What goes on the wire for a call's parameters: the deprecated reply_to_message_id, caption
// entities against the default parse mode, empty values dropped, and which uploads may be sent
// again after a failure. Against the emulator over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../src/api/client.js';
import { ApiTelegramException } from '../src/api/errors.js';
import { InputFile } from '../src/types/input-file.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator({ silent: true, resetEachTest: true }); // retries log a warning each

const lastParams = (method: string) => emu.callsOf(method).at(-1)!.params;

test("reply_to_message_id (the Python library's spelling) becomes reply_parameters; reply_parameters wins over it", async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, allowSendingWithoutReply: true });
  try {
    const question = await bot.sendMessage(1001, 'question');
    await bot.sendMessage(1001, 'old style', { reply_to_message_id: question.message_id } as never);
    assert.deepEqual(lastParams('sendMessage'), {
      chat_id: 1001,
      text: 'old style',
      reply_parameters: { message_id: question.message_id, allow_sending_without_reply: true },
    });
    await bot.sendMessage(1001, 'both', {
      reply_to_message_id: 999,
      reply_parameters: { message_id: question.message_id },
    } as never);
    assert.deepEqual(lastParams('sendMessage'), {
      chat_id: 1001,
      text: 'both',
      reply_parameters: { message_id: question.message_id, allow_sending_without_reply: true },
    });
    // Without the default, reply_parameters is sent as given.
    const plain = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
    await plain.sendMessage(1001, 'plain', { reply_to_message_id: question.message_id } as never);
    assert.deepEqual(lastParams('sendMessage').reply_parameters, { message_id: question.message_id });
    await plain.closeSession();
  } finally {
    await bot.closeSession();
  }
});

test('caption_entities keep the default parse mode out; empty values are not sent', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
  try {
    await bot.sendPhoto(1001, 'photo-file-id', {
      caption: 'bold',
      caption_entities: [{ type: 'bold', offset: 0, length: 4 }],
    });
    assert.equal(lastParams('sendPhoto').parse_mode, undefined);
    await bot.sendPhoto(1001, 'photo-file-id', { caption: '<b>bold</b>' });
    assert.equal(lastParams('sendPhoto').parse_mode, 'HTML');
    await bot.sendMessage(1001, 'x', { message_thread_id: undefined, reply_markup: null } as never);
    assert.deepEqual(lastParams('sendMessage'), { chat_id: 1001, text: 'x', parse_mode: 'HTML' });
    // A parameter object the user passes to callApi is not changed by the defaults.
    const params = { chat_id: 1001, text: 'mine' };
    await bot.callApi('sendMessage', params);
    assert.deepEqual(params, { chat_id: 1001, text: 'mine' });
    assert.equal(lastParams('sendMessage').parse_mode, 'HTML');
  } finally {
    await bot.closeSession();
  }
});

test('an upload that can be read again is retried after a 5xx; a stream, read once, is not', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  const dir = await mkdtemp(join(tmpdir(), 'botte-upload-'));
  try {
    emu.injectFault({ method: 'setChatPhoto', kind: 'http-500' });
    assert.equal(await bot.setChatPhoto(-1001, new InputFile(Buffer.from('png bytes'), 'a.png')), true);
    assert.equal(emu.callsOf('setChatPhoto').length, 2, 'bytes: retried');

    const path = join(dir, 'b.png');
    await writeFile(path, 'png bytes');
    emu.injectFault({ method: 'setChatPhoto', kind: 'http-500' });
    assert.equal(await bot.setChatPhoto(-1001, new InputFile(path)), true);
    assert.equal(emu.callsOf('setChatPhoto').length, 4, 'a local path: retried');

    emu.injectFault({ method: 'setChatPhoto', kind: 'http-500' });
    await assert.rejects(
      bot.setChatPhoto(-1001, new InputFile(Readable.from([Buffer.from('png bytes')]), 'c.png')),
      (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 500,
    );
    assert.equal(emu.callsOf('setChatPhoto').length, 5, 'a stream: not retried');
  } finally {
    await rm(dir, { recursive: true, force: true });
    await bot.closeSession();
  }
});
