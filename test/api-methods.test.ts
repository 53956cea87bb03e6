// The README's method examples (pyTelegramBotAPI's argument order), each against the emulator over real HTTP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { startClient } from './helpers.js';
import { InputFile } from '../src/types/input-file.js';

let ctx: Awaited<ReturnType<typeof startClient>>;
const dir = mkdtempSync(join(tmpdir(), 'botte-api-'));
const photoPath = join(dir, 'photo.png');
const photoBytes = Buffer.from('not really a png, but bytes all the same');
writeFileSync(photoPath, photoBytes);
const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');

before(async () => {
  ctx = await startClient();
});
after(async () => {
  await ctx.close();
});

test('getMe returns the bot user', async () => {
  const me = await ctx.bot.getMe();
  assert.equal(me.is_bot, true);
  assert.equal(me.username, 'botte_test_bot');
});

test('sendMessage sends JSON with positional chat_id and text, options with Telegram names', async () => {
  const message = await ctx.bot.sendMessage(42, '<b>hi</b>', { parse_mode: 'HTML', disable_notification: true });
  // The emulator applies parse_mode as Telegram does: plain text plus entities.
  assert.equal(message.text, 'hi');
  assert.deepEqual(message.entities, [{ type: 'bold', offset: 0, length: 2 }]);
  assert.equal(message.chat.id, 42);
  assert.equal(message.content_type, 'text');
  const call = ctx.emu.callsOf('sendMessage').at(-1)!;
  assert.equal(call.contentType, 'json');
  assert.deepEqual(call.params, { chat_id: 42, text: '<b>hi</b>', parse_mode: 'HTML', disable_notification: true });
});

test('every way of passing positionals and options sends Telegram the same parameters', async () => {
  const last = (method: string) => ctx.emu.callsOf(method).at(-1)!.params;
  await ctx.bot.sendMessage(5, 'exact');
  assert.deepEqual(last('sendMessage'), { chat_id: 5, text: 'exact' });
  await ctx.bot.sendMessage(5, 'empty options', {});
  assert.deepEqual(last('sendMessage'), { chat_id: 5, text: 'empty options' });
  const sent = await ctx.bot.sendLocation(5, 1.5, 2.5, { live_period: 60 });
  // Every positional slot filled, the last one by a plain object: it is the options object.
  const markup = { inline_keyboard: [[{ text: 'x', callback_data: 'x' }]] };
  await ctx.bot.stopMessageLiveLocation(5, sent.message_id, { reply_markup: markup });
  assert.deepEqual(last('stopMessageLiveLocation'), { chat_id: 5, message_id: sent.message_id, reply_markup: markup });
  // An undefined positional is left out, not sent as null.
  await ctx.bot.sendMessage(5, 'no undefined', { disable_notification: undefined });
  assert.deepEqual(last('sendMessage'), { chat_id: 5, text: 'no undefined' });
});

test("editMessageText takes text, chatId, messageId in pyTelegramBotAPI's order", async () => {
  const sent = await ctx.bot.sendMessage(7, 'before');
  const edited = await ctx.bot.editMessageText('after', 7, sent.message_id);
  assert.notEqual(edited, true);
  const call = ctx.emu.callsOf('editMessageText').at(-1)!;
  assert.deepEqual(call.params, { text: 'after', chat_id: 7, message_id: sent.message_id });
  await ctx.bot.editMessageText('inline', undefined, undefined, 'inline-1');
  assert.deepEqual(ctx.emu.callsOf('editMessageText').at(-1)!.params, {
    text: 'inline',
    inline_message_id: 'inline-1',
  });
  await ctx.bot.editMessageText('with options', 7, sent.message_id, { parse_mode: 'HTML' });
  assert.deepEqual(ctx.emu.callsOf('editMessageText').at(-1)!.params, {
    text: 'with options',
    chat_id: 7,
    message_id: sent.message_id,
    parse_mode: 'HTML',
  });
});

test('forwardMessage takes toChatId, fromChatId, messageId', async () => {
  const original = await ctx.bot.sendMessage(11, 'forward me');
  const forwarded = await ctx.bot.forwardMessage(10, 11, original.message_id);
  assert.equal(forwarded.chat.id, 10);
  assert.equal(forwarded.text, 'forward me');
  assert.deepEqual(ctx.emu.callsOf('forwardMessage').at(-1)!.params, {
    chat_id: 10,
    from_chat_id: 11,
    message_id: original.message_id,
  });
  await assert.rejects(ctx.bot.forwardMessage(10, 11, 999_999), { name: 'ApiTelegramException', errorCode: 400 });
});

test('sendPhoto uploads a path, a Buffer and a stream as multipart, and sends a file_id as JSON', async () => {
  await ctx.bot.sendPhoto(1, new InputFile(photoPath), { caption: 'path' });
  let call = ctx.emu.callsOf('sendPhoto').at(-1)!;
  assert.equal(call.contentType, 'multipart');
  assert.equal(call.files.photo!.sha256, sha(photoBytes));
  assert.equal(call.files.photo!.filename, 'photo.png');
  assert.equal(call.params.caption, 'path');

  await ctx.bot.sendPhoto(1, photoBytes);
  call = ctx.emu.callsOf('sendPhoto').at(-1)!;
  assert.equal(call.files.photo!.sha256, sha(photoBytes));

  await ctx.bot.sendPhoto(1, Readable.from([photoBytes.subarray(0, 5), photoBytes.subarray(5)]));
  call = ctx.emu.callsOf('sendPhoto').at(-1)!;
  assert.equal(call.files.photo!.sha256, sha(photoBytes));

  await ctx.bot.sendPhoto(1, 'AgACAgIAAxkBAAIBfileid');
  call = ctx.emu.callsOf('sendPhoto').at(-1)!;
  assert.equal(call.contentType, 'json');
  assert.equal(call.params.photo, 'AgACAgIAAxkBAAIBfileid');
});

test('send* with uploads and options: audio, voice, document, sticker, video, video note', async () => {
  const audio = await ctx.bot.sendAudio(1, new InputFile(photoBytes, 'song.mp3'), {
    duration: 1,
    performer: 'Kreaitorai',
    title: 'pyTelegram',
  });
  assert.equal(audio.content_type, 'audio');
  const call = ctx.emu.callsOf('sendAudio').at(-1)!;
  assert.equal(call.files.audio!.filename, 'song.mp3');
  assert.equal(call.params.duration, 1);
  assert.equal(call.params.performer, 'Kreaitorai');
  for (const [method, field] of [
    ['sendVoice', 'voice'],
    ['sendDocument', 'document'],
    ['sendSticker', 'sticker'],
    ['sendVideo', 'video'],
    ['sendVideoNote', 'video_note'],
  ] as const) {
    const message = await (ctx.bot as any)[method](5, new InputFile(photoPath));
    assert.equal(message.chat.id, 5, method);
    assert.equal(ctx.emu.callsOf(method).at(-1)!.files[field]!.sha256, sha(photoBytes), method);
  }
});

test('sendMediaGroup uploads nested InputMedia as attach:// parts', async () => {
  const { InputMediaPhoto } = await import('../src/types/index.js');
  const result = await ctx.bot.sendMediaGroup(3, [
    new InputMediaPhoto(new InputFile(photoBytes, 'a.png')),
    new InputMediaPhoto('file-id-2'),
  ]);
  assert.equal(result.length, 2);
  const call = ctx.emu.callsOf('sendMediaGroup').at(-1)!;
  const media = call.params.media as { media: string }[];
  assert.match(media[0]!.media, /^attach:\/\//);
  assert.equal(media[1]!.media, 'file-id-2');
  const name = media[0]!.media.slice('attach://'.length);
  assert.equal(call.files[name]!.sha256, sha(photoBytes));
});

test('sendLocation and sendChatAction', async () => {
  const location = await ctx.bot.sendLocation(9, 51.5, -0.12);
  assert.equal(location.content_type, 'location');
  assert.deepEqual(ctx.emu.callsOf('sendLocation').at(-1)!.params, { chat_id: 9, latitude: 51.5, longitude: -0.12 });
  assert.equal(await ctx.bot.sendChatAction(9, 'typing'), true);
});

test('getUpdates(offset, limit, timeout) pages and confirms like Telegram', async () => {
  for (let i = 0; i < 5; i++) ctx.emu.pushMessage(`m${i}`);
  const first = await ctx.bot.getUpdates(undefined, 2);
  assert.equal(first.length, 2);
  const rest = await ctx.bot.getUpdates(first[1]!.update_id + 1, 100, 0);
  assert.deepEqual(
    rest.map((u) => u.message!.text),
    ['m2', 'm3', 'm4'],
  );
  const none = await ctx.bot.getUpdates(rest.at(-1)!.update_id + 1, 100, 1);
  assert.deepEqual(none, []);
});

test('getFile, getFileUrl and downloadFile', async () => {
  const stored = ctx.emu.addFile(Buffer.from('file contents'), { filePath: 'documents/file_1.txt' });
  const file = await ctx.bot.getFile(stored.file_id);
  assert.equal(file.file_path, 'documents/file_1.txt');
  const bytes = await ctx.bot.downloadFile(file.file_path!);
  assert.equal(bytes.toString(), 'file contents');
  const url = await ctx.bot.getFileUrl(stored.file_id);
  assert.equal(url, `${ctx.emu.url}/file/bot${ctx.emu.token}/documents/file_1.txt`);
});

test('setWebhook uploads the certificate; removeWebhook deletes it; logOut', async () => {
  const certPath = join(dir, 'mycert.pem');
  writeFileSync(certPath, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  assert.equal(
    await ctx.bot.setWebhook('https://example.com/hook', {
      certificate: new InputFile(certPath),
      secret_token: 's3cret',
    }),
    true,
  );
  const call = ctx.emu.callsOf('setWebhook').at(-1)!;
  assert.equal(call.files.certificate!.filename, 'mycert.pem');
  assert.equal(call.params.url, 'https://example.com/hook');
  assert.equal(ctx.emu.webhook.url, 'https://example.com/hook');
  assert.equal(await ctx.bot.removeWebhook(), true);
  assert.equal(ctx.emu.webhook.url, '');
  assert.equal(await ctx.bot.logOut(), true);
});

test('answerCallbackQuery(id, text) and answerInlineQuery(id, results)', async () => {
  await ctx.bot.answerCallbackQuery('cq1', 'Done');
  assert.deepEqual(ctx.emu.callsOf('answerCallbackQuery').at(-1)!.params, { callback_query_id: 'cq1', text: 'Done' });
  const { InlineQueryResultArticle, InputTextMessageContent } = await import('../src/types/index.js');
  await ctx.bot.answerInlineQuery('iq1', [
    new InlineQueryResultArticle('1', 'Result', new InputTextMessageContent('Result message.')),
  ]);
  assert.deepEqual(ctx.emu.callsOf('answerInlineQuery').at(-1)!.params.results, [
    { type: 'article', id: '1', title: 'Result', input_message_content: { message_text: 'Result message.' } },
  ]);
});

test('constructor defaults apply where the method takes them and never override explicit values', async () => {
  const { bot, emu, close } = await startClient({
    parseMode: 'HTML',
    disableNotification: true,
    protectContent: true,
    allowSendingWithoutReply: true,
    disableWebPagePreview: true,
  });
  try {
    await bot.sendMessage(1, 'x', { reply_parameters: { message_id: 3 } });
    assert.deepEqual(emu.callsOf('sendMessage').at(-1)!.params, {
      chat_id: 1,
      text: 'x',
      parse_mode: 'HTML',
      disable_notification: true,
      protect_content: true,
      link_preview_options: { is_disabled: true },
      reply_parameters: { message_id: 3, allow_sending_without_reply: true },
    });
    await bot.sendMessage(1, 'y', { parse_mode: 'MarkdownV2', disable_notification: false });
    const params = emu.callsOf('sendMessage').at(-1)!.params;
    assert.equal(params.parse_mode, 'MarkdownV2');
    assert.equal(params.disable_notification, false);
    await bot.sendMessage(1, 'bold', { entities: [{ type: 'bold', offset: 0, length: 4 }] });
    assert.equal(
      emu.callsOf('sendMessage').at(-1)!.params.parse_mode,
      undefined,
      'explicit entities win over the default parse mode',
    );
    await bot.getChat(1);
    assert.deepEqual(emu.callsOf('getChat').at(-1)!.params, { chat_id: 1 });
  } finally {
    await close();
  }
});

test('replyTo quotes the message in its chat', async () => {
  const sent = await ctx.bot.sendMessage(77, 'question');
  const reply = await ctx.bot.replyTo(sent, 'answer');
  assert.equal(reply.chat.id, 77);
  assert.deepEqual(ctx.emu.callsOf('sendMessage').at(-1)!.params, {
    chat_id: 77,
    text: 'answer',
    reply_parameters: { message_id: sent.message_id },
  });
});
