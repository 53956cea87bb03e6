// Edges of the fetch transport (src/api/transport-fetch.ts) that only Bun and Deno take, run by
// portable.mjs on every runtime: a connection dropped by the server and an unknown host get
// Botte's codes; a SOCKS proxy is refused on Bun with the reason, a proxy setting naming no proxy
// for the URL's scheme means a direct call; an upload of unknown size is streamed, not buffered.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { Botte, ApiHTTPException, InputFile } from 'botte';
import { BotApiEmulator } from 'botte/testing';

/** A server that drops every connection as soon as a request arrives. */
async function droppingServer() {
  const { createServer } = await import('node:net');
  const server = createServer((socket) => socket.once('data', () => socket.destroy()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

async function rejectsWithCode(call, code) {
  await assert.rejects(call, (error) => {
    assert.ok(error instanceof ApiHTTPException, `an ApiHTTPException, got ${error?.name}: ${error?.message}`);
    assert.equal(error.code, code, `code ${error.code}: ${error.message}`);
    return true;
  });
}

/** Adds the scenarios to portable.mjs's runner. */
export async function fetchEdgeScenarios(scenario) {
  await scenario('a dropped connection is ECONNRESET, an unknown host ENOTFOUND', async () => {
    const server = await droppingServer();
    const dropped = new Botte('123456:TEST-token', { apiUrl: `${server.url}/bot{0}/{1}`, retry: false });
    const nowhere = new Botte('123456:TEST-token', {
      apiUrl: 'http://botte-no-such-host.invalid/bot{0}/{1}',
      retry: false,
    });
    try {
      await rejectsWithCode(dropped.getMe(), 'ECONNRESET');
      await rejectsWithCode(nowhere.getMe(), 'ENOTFOUND');
    } finally {
      await dropped.closeSession();
      await nowhere.closeSession();
      await server.close();
    }
  });

  await scenario(
    'a SOCKS proxy is refused on Bun; a proxy naming none for the scheme means a direct call',
    async () => {
      const emu = await BotApiEmulator.start();
      try {
        if (typeof globalThis.Bun !== 'undefined') {
          const socks = new Botte(emu.token, { apiUrl: emu.apiUrl, proxy: 'socks5://127.0.0.1:1080', retry: false });
          await assert.rejects(socks.getMe(), /Bun's fetch supports http:\/\/ and https:\/\/ proxies, not SOCKS/);
          await socks.closeSession();
        }
        const direct = new Botte(emu.token, { apiUrl: emu.apiUrl, proxy: {}, retry: false });
        assert.equal((await direct.getMe()).username, 'botte_test_bot');
        await direct.closeSession();
      } finally {
        await emu.stop();
      }
    },
  );

  await scenario('uploads of unknown size are streamed (no Content-Length), one after another', async () => {
    const emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: false });
    try {
      for (const name of ['first.txt', 'second.txt']) {
        const stream = Readable.from([Buffer.from('streamed '), Buffer.from(name)]);
        await bot.sendDocument(1, new InputFile(stream, name));
      }
      const calls = emu.callsOf('sendDocument');
      assert.equal(calls.length, 2);
      for (const [i, call] of calls.entries()) {
        assert.equal(call.headers['content-length'], undefined, 'sent with a Content-Length: buffered');
        assert.equal(call.files.document?.size, `streamed ${['first.txt', 'second.txt'][i]}`.length);
      }
    } finally {
      await bot.stopBot();
      await emu.stop();
    }
  });
}
