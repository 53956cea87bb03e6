// The name Telegram shows for an upload given directly (not wrapped in an InputFile): a file
// stream keeps its file's name and a File its own, as node-telegram-bot-api's
// `bot.sendDocument(chatId, fs.createReadStream(path))` users expect; only a source without a
// name of its own (bytes, an anonymous stream) is named after the parameter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

async function withBot(run: (bot: Botte, emu: BotApiEmulator, dir: string) => Promise<void>) {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  const dir = await mkdtemp(join(tmpdir(), 'botte-upload-names-'));
  try {
    await run(bot, emu, dir);
  } finally {
    await bot.closeSession();
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

test('a file stream given directly is uploaded under its file name', async () => {
  await withBot(async (bot, emu, dir) => {
    const path = join(dir, 'report.pdf');
    await writeFile(path, 'PDF bytes');
    const sent = await bot.sendDocument(1001, createReadStream(path), { caption: 'stream' });
    assert.equal(sent.document?.file_name, 'report.pdf');
    const upload = emu.callsOf('sendDocument')[0]!.files!.document!;
    assert.equal(upload.filename, 'report.pdf');
    assert.equal(upload.data?.toString(), 'PDF bytes');
  });
});

test('a File given directly is uploaded under its own name', async () => {
  await withBot(async (bot, emu) => {
    const sent = await bot.sendDocument(1001, new File([Buffer.from('a,b\n')], 'table.csv'));
    assert.equal(sent.document?.file_name, 'table.csv');
    assert.equal(emu.callsOf('sendDocument')[0]!.files!.document!.filename, 'table.csv');
  });
});

test('in a media group, file streams and Files keep their names too', async () => {
  await withBot(async (bot, emu, dir) => {
    const path = join(dir, 'notes.txt');
    await writeFile(path, 'notes');
    const album = await bot.sendMediaGroup(1001, [
      new types.InputMediaDocument(createReadStream(path)),
      new types.InputMediaDocument(new File([Buffer.from('x')], 'x.json')),
    ]);
    assert.deepEqual(
      album.map((m) => ('document' in m ? m.document.file_name : undefined)),
      ['notes.txt', 'x.json'],
    );
    const names = Object.values(emu.callsOf('sendMediaGroup')[0]!.files!).map((f) => f.filename);
    assert.deepEqual(names.sort(), ['notes.txt', 'x.json']);
  });
});

test('bytes and anonymous streams are named after the parameter; an InputFile name always wins', async () => {
  await withBot(async (bot, emu, dir) => {
    const path = join(dir, 'data.bin');
    await writeFile(path, 'data');
    await bot.sendDocument(1001, Buffer.from('bytes'));
    await bot.sendDocument(1001, Readable.from([Buffer.from('anonymous')]));
    await bot.sendDocument(1001, new types.InputFile(createReadStream(path), 'renamed.bin'));
    await bot.sendDocument(1001, new types.InputFile(new File([Buffer.from('f')], 'own.txt'), 'given.txt'));
    assert.deepEqual(
      emu.callsOf('sendDocument').map((call) => call.files!.document!.filename),
      ['document', 'document', 'renamed.bin', 'given.txt'],
    );
  });
});
