// A download larger than one read through the default (undici) transport
// (src/api/transport.ts): the answer comes in many chunks, which must be put back together whole
// and in order (test/api-fetch-large-download.test.ts does the same for the fetch transport).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());

test('the undici transport downloads a 3 MB file whole and in order', async () => {
  const data = Buffer.alloc(3 * 1024 * 1024 + 7);
  for (let i = 0; i + 4 <= data.length; i += 4) data.writeUInt32LE(i, i); // no two chunks alike
  const stored = emu.addFile(data, { filePath: 'documents/large.bin' });
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, transport: 'undici' });
  try {
    const got = await bot.downloadFile(stored.file_path);
    assert.equal(got.length, data.length);
    assert.equal(createHash('sha256').update(got).digest('hex'), createHash('sha256').update(data).digest('hex'));
  } finally {
    await bot.closeSession();
  }
});
