// Which uploads are sent again after a 5xx, for a method safe to repeat (setChatPhoto; a method
// that sends a message is never repeated after a 5xx): a Blob (or File) can be read again, so the call is
// retried; a file stream (fs.createReadStream: it has a path, but it was read once) is not,
// and its caller gets the error. Against the emulator over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTelegramException, Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';

test('a Blob upload is retried after a 5xx; a file stream is not', async () => {
  await withEmulator(
    async (emu) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      const dir = await mkdtemp(join(tmpdir(), 'botte-retry-'));
      try {
        emu.injectFault({ method: 'setChatPhoto', kind: 'http-500' });
        assert.equal(await bot.setChatPhoto(-1001, new Blob(['png bytes'])), true);
        assert.equal(emu.callsOf('setChatPhoto').length, 2, 'a Blob: retried');

        const path = join(dir, 'photo.png');
        await writeFile(path, 'png bytes');
        emu.injectFault({ method: 'setChatPhoto', kind: 'http-500' });
        await assert.rejects(
          bot.setChatPhoto(-1001, createReadStream(path)),
          (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 500,
        );
        assert.equal(emu.callsOf('setChatPhoto').length, 3, 'a file stream: sent once, not retried');
      } finally {
        await rm(dir, { recursive: true, force: true });
        await bot.closeSession();
      }
    },
    { silent: true },
  );
});
