// Edges of ApiClient a user meets: the cached getMe (`bot.user`) and its failure, file URLs of a
// file Telegram gave no path for, a failed download, the bot id taken from the token, a long poll
// longer than the read timeout, and the session closed and opened again. Real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { ApiHTTPException, ApiTelegramException } from '../src/api/errors.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator({ silent: true, resetEachTest: true });

test('bot.user asks getMe once and keeps the answer; a failed getMe is asked again next time', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: false });
  try {
    emu.injectFault({ method: 'getMe', kind: 'http-500' });
    await assert.rejects(bot.user, (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 500);
    assert.equal(bot.botInfo, undefined);
    const me = await bot.user;
    assert.equal(me.is_bot, true);
    assert.equal(bot.botInfo, me);
    assert.equal(await bot.user, me);
    assert.equal(emu.callsOf('getMe').length, 2, 'one failed getMe and one that is kept');
    // The bot id is the token's first part.
    assert.equal(bot.botId, Number(emu.token.split(':')[0]));
    assert.equal(me.id, bot.botId);
  } finally {
    await bot.closeSession();
  }
});

test('getFileUrl of a file without file_path fails with NO_FILE_PATH; with one, the URL holds the path', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  try {
    await assert.rejects(bot.getFileUrl({}), (e: unknown) => {
      assert.ok(e instanceof ApiHTTPException);
      assert.equal(e.code, 'NO_FILE_PATH');
      assert.equal(e.method, 'getFile');
      return true;
    });
    const url = await bot.getFileUrl({ file_path: 'photos/a.jpg' });
    assert.ok(url.endsWith(`/file/bot${emu.token}/photos/a.jpg`), url);
    assert.equal(emu.callsOf('getFile').length, 0, 'a file object with its path needs no getFile');
  } finally {
    await bot.closeSession();
  }
});

test('a failed download is an ApiHTTPException with the status, and never shows the token', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  try {
    await assert.rejects(bot.downloadFile('documents/missing.txt'), (e: unknown) => {
      assert.ok(e instanceof ApiHTTPException);
      assert.equal(e.code, 'HTTP_404');
      assert.equal(e.method, 'downloadFile');
      assert.match(e.message, /HTTP 404 for documents\/missing\.txt/);
      assert.ok(!String(e.stack).includes(emu.token.split(':')[1]!), 'no token in the error');
      return true;
    });
  } finally {
    await bot.closeSession();
  }
});

test("a long poll longer than the read timeout is not cut: getUpdates' own timeout is added to it", async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, readTimeout: 2, retry: false });
  try {
    // The emulator holds the poll for the full 4 s (no updates); the read timeout alone (2 s) would cut it.
    assert.deepEqual(await bot.getUpdates({ timeout: 4 }), []);
  } finally {
    await bot.closeSession();
  }
});

test('a closed session is opened again by the next call', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    await bot.getMe();
    await bot.closeSession();
    await bot.closeSession(); // twice is harmless
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(emu.callsOf('getMe').length, 2);
  } finally {
    await bot.closeSession();
  }
});

test('a malformed token is refused at construction without showing it; validateToken: false lets it through', () => {
  assert.throws(
    () => new ApiClient('not a token'),
    (e: unknown) => {
      assert.ok(e instanceof TypeError);
      assert.match(e.message, /bot token is malformed/);
      assert.ok(!e.message.includes('not a token'));
      return true;
    },
  );
  assert.throws(() => new ApiClient(42 as never), TypeError);
  assert.throws(
    () => new ApiClient(42 as never, { validateToken: false }),
    TypeError,
    'a token must still be a string',
  );
  const lax = new ApiClient('123:lax token', { validateToken: false });
  assert.equal(lax.botId, 123);
});
