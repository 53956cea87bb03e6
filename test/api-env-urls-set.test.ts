// BOTTE_API_URL / BOTTE_FILE_URL aim an unchanged bot at another Bot API server (the playground
// and `npm run echo` set them to the emulator): a bot made without `apiUrl` then calls that
// server and downloads its files from it. The variables are read when Botte is loaded, so this
// file sets them (to a port chosen first) before importing it; test/api-env-urls-empty covers
// empty values.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';

const port = await new Promise<number>((resolve, reject) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const address = probe.address();
    probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
  });
});
process.env.BOTTE_API_URL = `http://127.0.0.1:${port}/bot{0}/{1}`;
process.env.BOTTE_FILE_URL = `http://127.0.0.1:${port}/file/bot{0}/{1}`;
const { Botte, apihelper } = await import('../src/index.js');
const { BotApiEmulator } = await import('../src/testing/index.js');
const emu = await BotApiEmulator.start({ port });
after(() => emu.stop());

test('BOTTE_API_URL and BOTTE_FILE_URL send an unchanged bot to that server', async () => {
  assert.equal(apihelper.API_URL, process.env.BOTTE_API_URL);
  assert.equal(apihelper.FILE_URL, process.env.BOTTE_FILE_URL);
  const bot = new Botte(emu.token);
  const me = await bot.getMe();
  assert.equal(me.username, emu.botUser.username);
  const stored = emu.addFile(Buffer.from('from the emulator'), { filePath: 'documents/a.txt' });
  const bytes = await bot.downloadFile(stored.file_path);
  assert.equal(bytes.toString(), 'from the emulator');
  assert.deepEqual(
    emu.calls.map((call) => call.method),
    ['getMe'],
  );
});
