// getFileUrl's refusal says why: a File without file_path (Telegram gives none for files over
// 20 MB, or when the link expired) fails with NO_FILE_PATH and a message naming the missing
// file_path, both for a File object and for a file_id asked with getFile. Real emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, ApiHTTPException } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('getFileUrl of a file without file_path says so', async () => {
  const emu = await BotApiEmulator.start();
  emu.onMethod('getFile', (params) => ({ file_id: params.file_id, file_unique_id: 'u' }));
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, retry: false });
  try {
    for (const file of [{ file_id: 'f' } as { file_path?: string }, 'f']) {
      const error = await bot.getFileUrl(file).catch((e: unknown) => e);
      assert.ok(error instanceof ApiHTTPException, String(error));
      assert.equal(error.code, 'NO_FILE_PATH');
      assert.match(error.message, /\(method getFile\): Telegram returned no file_path for this file$/);
    }
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
