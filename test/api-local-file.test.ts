// Uploading a local file that cannot be read is a local error: typed, naming the path, with
// nothing sent to Telegram and no retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiException, ApiHTTPException, LocalFileError } from '../src/index.js';
import { InputFile } from '../src/types/input-file.js';
import { startClient } from './helpers.js';

test('a missing local file fails with LocalFileError naming the path, and nothing is sent', async () => {
  const { emu, bot, close } = await startClient();
  try {
    const missing = join(tmpdir(), `botte-missing-${process.pid}`, 'report.pdf');
    const error = await bot.sendDocument(1, new InputFile(missing)).then(
      () => assert.fail('the upload of a missing file succeeded'),
      (e: unknown) => e,
    );
    assert.ok(error instanceof LocalFileError, `got ${String(error)}`);
    assert.ok(error instanceof ApiException, 'still caught by `instanceof ApiException`');
    assert.ok(!(error instanceof ApiHTTPException), 'not reported as an HTTP failure');
    assert.equal(error.path, missing);
    assert.equal(error.code, 'ENOENT');
    assert.equal(error.method, 'sendDocument');
    assert.ok(error.message.includes(missing), error.message);
    assert.match(error.message, /nothing was sent/);
    assert.doesNotMatch(error.message, /Telegram API/);
    assert.equal(emu.callsOf('sendDocument').length, 0, 'no request reached the emulator');
  } finally {
    await close();
  }
});

test('a directory given as a file fails the same way (EISDIR)', async () => {
  const { emu, bot, close } = await startClient();
  try {
    const error = await bot.sendPhoto(1, new InputFile(tmpdir())).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof LocalFileError, `got ${String(error)}`);
    assert.equal(error.code, 'EISDIR');
    assert.equal(emu.callsOf('sendPhoto').length, 0);
  } finally {
    await close();
  }
});
