// A download larger than one read, through both transports: undici's (src/api/transport.ts) and
// the Web fetch one (src/api/transport-fetch.ts, which past 1 MB reads the answer chunk by chunk,
// each chunk under the read timeout). The answer comes in many chunks, which must be put back
// together whole and in order.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());

const data = Buffer.alloc(3 * 1024 * 1024 + 7);
for (let i = 0; i + 4 <= data.length; i += 4) data.writeUInt32LE(i, i); // no two chunks alike
const stored = emu.addFile(data, { filePath: 'documents/large.bin' });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

for (const transport of ['undici', 'fetch'] as const) {
  test(`transport: '${transport}' downloads a 3 MB file whole and in order`, async () => {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, transport });
    try {
      const got = await bot.downloadFile(stored.file_path);
      assert.equal(got.length, data.length);
      assert.equal(sha256(got), sha256(data));
    } finally {
      await bot.closeSession();
    }
  });
}
