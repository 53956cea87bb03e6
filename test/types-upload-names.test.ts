// pyTelegramBotAPI uploads an opened file under its own name: `bot.send_document(chat_id,
// open('report.csv', 'rb'))` shows "report.csv". The same in Botte, a file stream given directly
// (`bot.sendDocument(chatId, createReadStream('report.csv'))`), used to arrive as "document" (the
// parameter's name), and so did a named `File`. They now keep their own names; only data without
// a name of its own (a Buffer, a plain Blob) is named after the parameter. Real emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('a file stream or a named File given directly is uploaded under its own name', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const path = join(mkdtempSync(join(tmpdir(), 'botte-names-')), 'report.csv');
  writeFileSync(path, 'a,b\n1,2\n');
  const uploadedName = () => emu.calls.at(-1)!.files.document!.filename;
  try {
    const sent = await bot.sendDocument(1001, createReadStream(path));
    assert.equal(uploadedName(), 'report.csv');
    assert.equal(sent.document!.file_name, 'report.csv');
    assert.equal(emu.fileContent(sent.document!.file_id)!.data.toString(), 'a,b\n1,2\n');

    await bot.sendDocument(1001, new File(['x'], 'notes.txt'));
    assert.equal(uploadedName(), 'notes.txt');

    // No name of its own: named after the parameter, as before.
    await bot.sendDocument(1001, Buffer.from('x'));
    assert.equal(uploadedName(), 'document');
    await bot.sendDocument(1001, new Blob(['x']));
    assert.equal(uploadedName(), 'document');

    // An InputFile's name wins over everything.
    await bot.sendDocument(1001, new types.InputFile(createReadStream(path), 'renamed.csv'));
    assert.equal(uploadedName(), 'renamed.csv');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('media group items and thumbnails keep the names of their streams too', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const dir = mkdtempSync(join(tmpdir(), 'botte-names-'));
  writeFileSync(join(dir, 'a.pdf'), 'A');
  writeFileSync(join(dir, 'b.pdf'), 'B');
  try {
    await bot.sendMediaGroup(1001, [
      new types.InputMediaDocument(createReadStream(join(dir, 'a.pdf'))),
      new types.InputMediaDocument(createReadStream(join(dir, 'b.pdf'))),
    ]);
    const names = Object.values(emu.calls.at(-1)!.files).map((file) => file.filename);
    assert.deepEqual(names.sort(), ['a.pdf', 'b.pdf']);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
