// Which proxy a call goes through when `proxy` names one per scheme ({ http, https }): the one
// for the API URL's scheme, else the other one; a string is used for both. `floodControl` given
// as limits, null or false.
// A counting CONNECT proxy and the emulator over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { useEmulator } from './emulator-harness.js';
import { startHttpProxy } from './proxy-servers.js';

/** A CONNECT proxy (test/proxy-servers.ts) with its count of tunnels and a close that waits. */
async function countingProxy() {
  const proxy = await startHttpProxy();
  return {
    url: proxy.url,
    get tunnels() {
      return proxy.tunnels.length;
    },
    close: () => new Promise<void>((resolve) => proxy.server.close(() => resolve())),
  };
}

const emu = await useEmulator();

test('{ http, https }: an http API URL goes through the http proxy only', async () => {
  const [forHttp, forHttps] = [await countingProxy(), await countingProxy()];
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: { http: forHttp.url, https: forHttps.url } });
  try {
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(forHttp.tunnels, 1);
    assert.equal(forHttps.tunnels, 0);
  } finally {
    await bot.closeSession();
    await forHttp.close();
    await forHttps.close();
  }
});

test('{ https } alone also carries an http API URL (the other scheme is the fallback)', async () => {
  const only = await countingProxy();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: { https: only.url } });
  try {
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(only.tunnels, 1);
  } finally {
    await bot.closeSession();
    await only.close();
  }
});

test('{ http, https }: an https API URL asks the https proxy for its tunnel; { http } alone is the fallback', async () => {
  // The emulator speaks plain HTTP, so TLS through the tunnel fails: what matters is which proxy
  // was asked to open it.
  const httpsApiUrl = emu.apiUrl.replace(/^http:/, 'https:');
  const [forHttp, forHttps] = [await countingProxy(), await countingProxy()];
  const both = new ApiClient(emu.token, {
    apiUrl: httpsApiUrl,
    proxy: { http: forHttp.url, https: forHttps.url },
    retry: false,
  });
  const onlyHttp = new ApiClient(emu.token, { apiUrl: httpsApiUrl, proxy: { http: forHttp.url }, retry: false });
  try {
    await assert.rejects(both.getMe());
    assert.equal(forHttps.tunnels, 1);
    assert.equal(forHttp.tunnels, 0);
    await assert.rejects(onlyHttp.getMe());
    assert.equal(forHttp.tunnels, 1);
    assert.equal(forHttps.tunnels, 1);
  } finally {
    await both.closeSession();
    await onlyHttp.closeSession();
    await forHttp.close();
    await forHttps.close();
  }
});

test('a proxy given as one string carries every call', async () => {
  const proxy = await countingProxy();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: proxy.url });
  try {
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(proxy.tunnels, 1);
  } finally {
    await bot.closeSession();
    await proxy.close();
  }
});

test('an empty proxy setting means a direct connection; floodControl null or false means no limiter', async () => {
  for (const proxy of ['', {}] as const) {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy });
    try {
      assert.equal((await bot.getMe()).is_bot, true);
    } finally {
      await bot.closeSession();
    }
  }
  // Limits given as options (not a limiter object with acquire()) make the built-in flood control.
  const limited = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: { privatePerSecond: 1000 } });
  try {
    assert.equal((await limited.sendMessage(3, 'limited')).text, 'limited');
  } finally {
    await limited.closeSession();
  }
  // An object with acquire() is a limiter of the user's own: asked before each call.
  const asked: string[] = [];
  const own = new ApiClient(emu.token, {
    apiUrl: emu.apiUrl,
    floodControl: { acquire: async (method: string) => void asked.push(method) },
  });
  try {
    await own.sendMessage(3, 'asked first');
    assert.deepEqual(asked, ['sendMessage']);
  } finally {
    await own.closeSession();
  }
  for (const floodControl of [null, false] as const) {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: floodControl as never });
    try {
      // Two messages to one private chat go out at once: nothing holds the second back.
      await bot.sendMessage(3, 'one');
      await bot.callApi('sendMessage', { chat_id: 3, text: 'two' }, { signal: AbortSignal.timeout(30_000) });
    } finally {
      await bot.closeSession();
    }
  }
});
