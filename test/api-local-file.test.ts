// Uploading a local file that cannot be read is a local error: typed, naming the path, with
// nothing sent to Telegram and no retry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { ApiException, ApiHTTPException, LocalFileError } from '../src/index.js';
import { InputFile } from '../src/types/input-file.js';
import { startClient } from './helpers.js';
import { logger } from '../src/logger.js';

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
    assert.ok(error.message.includes('(no such file, ENOENT)'), error.message);
    assert.equal((error.cause as { code?: string }).code, 'ENOENT', 'the system error is the cause');
    assert.doesNotMatch(error.message, /Telegram API/);
    assert.equal(emu.callsOf('sendDocument').length, 0, 'no request reached the emulator');
  } finally {
    await close();
  }
});

test('a directory given as a file fails the same way (EISDIR)', async () => {
  const { emu, bot, close } = await startClient();
  try {
    const error = await bot.sendPhoto(1, new InputFile(tmpdir())).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof LocalFileError, `got ${String(error)}`);
    assert.equal(error.code, 'EISDIR');
    assert.ok(error.message.includes('(it is a directory, EISDIR)'), error.message);
    assert.equal(emu.callsOf('sendPhoto').length, 0);
  } finally {
    await close();
  }
});

test('any other system error is named by its code (a symbolic link loop: ELOOP)', async () => {
  const { emu, bot, close } = await startClient();
  const dir = await mkdtemp(join(tmpdir(), 'botte-loop-'));
  try {
    await symlink(join(dir, 'b'), join(dir, 'a'));
    await symlink(join(dir, 'a'), join(dir, 'b'));
    const error = await bot.sendDocument(1, new InputFile(join(dir, 'a'))).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof LocalFileError, `got ${String(error)}`);
    assert.equal(error.code, 'ELOOP');
    assert.ok(error.message.includes('(ELOOP, ELOOP)'), error.message);
    assert.equal(emu.callsOf('sendDocument').length, 0);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await close();
  }
});

test('a missing file is not retried, even for a method that may be repeated (setChatPhoto)', async () => {
  const { emu, bot, close } = await startClient();
  const warnings: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => warnings.push(record.message));
  try {
    const missing = join(tmpdir(), `botte-missing-${process.pid}`, 'photo.png');
    await assert.rejects(bot.setChatPhoto(-1001, new InputFile(missing)), LocalFileError);
    assert.deepEqual(warnings, [], 'no retry was announced');
    assert.equal(emu.callsOf('setChatPhoto').length, 0);
  } finally {
    logger.setLevel(level).setOutput(null);
    await close();
  }
});
