// The multipart body of an upload (src/api/multipart.ts), as the emulator receives it over real
// HTTP: file names with quotes or line breaks arrive percent-encoded (RFC 7578) instead of
// breaking the part header; each upload has its own random boundary; the Content-Length is sent
// when every part's size is known and left out (chunked) when one is not; a read stream opened
// part-way is sent from where it stands, not measured by its path.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InputFile } from '../src/types/input-file.js';
import { InputMediaDocument } from '../src/types/index.js';
import { startClient } from './helpers.js';

const ctx = await startClient();
const dir = await mkdtemp(join(tmpdir(), 'botte-multipart-'));
after(async () => {
  await ctx.close();
  await rm(dir, { recursive: true, force: true });
});
const bytes = Buffer.from('0123456789abcdefghij');
const path = join(dir, 'twenty.txt');
await writeFile(path, bytes);
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test('a file name with a quote and line breaks arrives percent-encoded, the upload intact', async () => {
  await ctx.bot.sendDocument(1, new InputFile(bytes, 'say "hi"\r\nnow.txt'));
  const call = ctx.emu.callsOf('sendDocument').at(-1)!;
  assert.equal(call.files.document!.filename, 'say %22hi%22%0D%0Anow.txt');
  assert.equal(call.files.document!.sha256, sha(bytes));
});

test('each upload has its own random boundary', async () => {
  await ctx.bot.sendDocument(1, new InputFile(bytes, 'a.txt'));
  await ctx.bot.sendDocument(1, new InputFile(bytes, 'b.txt'));
  const [first, second] = ctx.emu
    .callsOf('sendDocument')
    .slice(-2)
    .map((c) => String(c.headers['content-type']));
  const boundary = /^multipart\/form-data; boundary=(----botte[0-9a-f]+)$/;
  assert.match(first!, boundary);
  assert.match(second!, boundary);
  assert.notEqual(first, second, 'two uploads must not share a boundary');
});

test('a local file is sent with a Content-Length; an unsized stream next to it makes the body chunked', async () => {
  await ctx.bot.sendDocument(1, new InputFile(path), { caption: 'sized' });
  const sized = ctx.emu.callsOf('sendDocument').at(-1)!;
  assert.equal(sized.files.document!.sha256, sha(bytes));
  assert.equal(sized.params.caption, 'sized');
  assert.ok(
    Number(sized.headers['content-length']) > bytes.length,
    `content-length: ${sized.headers['content-length']}`,
  );

  await ctx.bot.sendMediaGroup(1, [
    new InputMediaDocument(new InputFile(Readable.from([bytes]), 'streamed.txt')),
    new InputMediaDocument(new InputFile(path)),
  ]);
  const mixed = ctx.emu.callsOf('sendMediaGroup').at(-1)!;
  assert.equal(mixed.headers['content-length'], undefined, 'an unsized part leaves the length unknown');
  assert.equal(Object.keys(mixed.files).length, 2);
  for (const file of Object.values(mixed.files)) assert.equal(file.sha256, sha(bytes));
});

test('a read stream opened part-way sends the bytes it has left, not the size of its path', async () => {
  await ctx.bot.sendDocument(1, new InputFile(createReadStream(path, { start: 5 })));
  const call = ctx.emu.callsOf('sendDocument').at(-1)!;
  assert.equal(call.files.document!.filename, 'twenty.txt');
  assert.equal(call.files.document!.size, bytes.length - 5);
  assert.equal(call.files.document!.sha256, sha(bytes.subarray(5)));
});

test('a stream that yields strings is uploaded as their UTF-8 bytes, by either transport', async () => {
  const { ApiClient } = await import('../src/api/client.js');
  const viaFetch = new ApiClient(ctx.emu.token, { apiUrl: ctx.emu.apiUrl, transport: 'fetch' });
  try {
    for (const bot of [ctx.bot, viaFetch]) {
      await bot.sendDocument(1, new InputFile(Readable.from(['grüße, ', 'welt']), 'strings.txt'));
      const file = ctx.emu.callsOf('sendDocument').at(-1)!.files.document!;
      assert.equal(file.sha256, sha(Buffer.from('grüße, welt')));
    }
  } finally {
    await viaFetch.closeSession();
  }
});
