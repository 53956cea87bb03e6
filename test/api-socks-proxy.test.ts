// SOCKS5 proxies on the undici transport (src/api/transport.ts): the `socks5h://` spelling
// (the proxy resolves host names) and an upper-case scheme are taken like `socks5://`, and the
// pool settings still hold through the proxy: SESSION_TIME_TO_LIVE drops an idle connection, and
// without it the connection is kept for the next call. Counted at a real SOCKS5 proxy
// (test/proxy-servers.ts) in front of the emulator.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api/client.js';
import { ApiHTTPException } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { closedPort, connectionsForTwoCalls } from './helpers.js';
import { type Socks5Behaviour, startSocks5Proxy } from './proxy-servers.js';

const emu = await BotApiEmulator.start();
const socks = await startSocks5Proxy();
after(async () => {
  socks.server.close();
  await emu.stop();
});

/** A bot calling through the proxy; the proxy's count of connections. */
const viaSocks = (sessionTimeToLive?: number) =>
  // connectTimeout shorter than the pause: the handshake's timer must not outlive the handshake.
  new ApiClient(emu.token, {
    apiUrl: emu.apiUrl,
    proxy: socks.url,
    sessionTimeToLive,
    connectTimeout: 0.3,
    retry: false,
  });
const count = () => socks.connections.length;

/** The proxy URL with another scheme spelling. */
const withScheme = (scheme: string) => socks.url.replace(/^socks5:/, `${scheme}:`);

for (const scheme of ['socks5h', 'SOCKS5']) {
  test(`a ${scheme}:// proxy carries the calls`, async () => {
    const before = socks.connections.length;
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: withScheme(scheme), retry: false });
    try {
      const message = await bot.sendMessage(5, `over ${scheme}`);
      assert.equal(message.text, `over ${scheme}`);
      assert.deepEqual(socks.connections.slice(before), [new URL(emu.url).host]);
    } finally {
      await bot.closeSession();
    }
  });
}

test('through a SOCKS5 proxy, an idle connection is kept for the next call', async () => {
  assert.equal(await connectionsForTwoCalls(viaSocks(), 600, count), 1);
});

test('through a SOCKS5 proxy, sessionTimeToLive drops an idle connection', async () => {
  assert.equal(await connectionsForTwoCalls(viaSocks(0.2), 600, count), 2);
});

test('a https API URL through SOCKS5: the tunnel is upgraded to TLS', async () => {
  const key = readFileSync(new URL('./fixtures/webhook-tls-key.pem', import.meta.url));
  const cert = readFileSync(new URL('./fixtures/webhook-tls-cert.pem', import.meta.url));
  const server = createHttpsServer({ key, cert }, (_req, res) =>
    res.end(JSON.stringify({ ok: true, result: { id: 7, is_bot: true, first_name: 'TLS' } })),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The fixture certificate is self-signed for 127.0.0.1.
  const saved = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const bot = new ApiClient(emu.token, {
    apiUrl: `https://127.0.0.1:${port}/bot{0}/{1}`,
    proxy: socks.url,
    retry: false,
  });
  try {
    assert.equal((await bot.getMe()).first_name, 'TLS');
    assert.equal(socks.connections.at(-1), `127.0.0.1:${port}`);
  } finally {
    if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    else process.env.NODE_TLS_REJECT_UNAUTHORIZED = saved;
    await bot.closeSession();
    server.closeAllConnections();
    server.close();
  }
});

test('an IPv4 address goes to the proxy as one; a host name or an IPv6 address by name, for the proxy to resolve', async () => {
  const unreachable = await startSocks5Proxy({ reply: 4 }); // records each CONNECT, then "host unreachable"
  try {
    for (const [host, type, asked] of [
      ['127.10.20.30', 1, '127.10.20.30'],
      ['api.telegram.invalid', 3, 'api.telegram.invalid'],
      ['[::1]', 3, '::1'],
    ] as const) {
      const bot = new ApiClient(emu.token, {
        apiUrl: `http://${host}:8081/bot{0}/{1}`,
        proxy: unreachable.url,
        retry: false,
      });
      try {
        await assert.rejects(bot.getMe(), /host unreachable/);
        assert.equal(unreachable.connections.at(-1), `${asked}:8081`);
        assert.equal(unreachable.addressTypes.at(-1), type, `the address type for ${host}`);
      } finally {
        await bot.closeSession();
      }
    }
  } finally {
    unreachable.server.close();
  }
});

test('a host name reaches the server through the proxy', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl.replace('127.0.0.1', 'localhost'), proxy: socks.url });
  try {
    assert.equal((await bot.getMe()).is_bot, true);
    assert.equal(socks.connections.at(-1), `localhost:${new URL(emu.url).port}`);
  } finally {
    await bot.closeSession();
  }
});

test('an API URL without a port: the proxy is asked for port 443 (https) or 80 (http)', async () => {
  const unreachable = await startSocks5Proxy({ reply: 4 }); // answers "host unreachable" to every CONNECT
  try {
    for (const [scheme, port] of [
      ['https', 443],
      ['http', 80],
    ] as const) {
      const apiUrl = `${scheme}://api.telegram.invalid/bot{0}/{1}`;
      const bot = new ApiClient(emu.token, { apiUrl, proxy: unreachable.url, retry: false });
      try {
        await assert.rejects(bot.getMe(), /host unreachable/);
        assert.equal(unreachable.connections.at(-1), `api.telegram.invalid:${port}`);
      } finally {
        await bot.closeSession();
      }
    }
  } finally {
    unreachable.server.close();
  }
});

for (const [what, login, credentials] of [
  ['a username alone', { user: 'token-only', password: '' }, 'token-only@'],
  ['a password alone', { user: '', password: 'secret-only' }, ':secret-only@'],
] as const) {
  test(`a proxy that requires a login gets it from ${what} in the URL`, async () => {
    const proxy = await startSocks5Proxy({ login });
    const url = proxy.url.replace('user:pass@', credentials);
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: url, retry: false });
    try {
      assert.equal((await bot.getMe()).is_bot, true);
    } finally {
      await bot.closeSession();
      proxy.server.close();
    }
  });
}

test('a proxy without credentials is asked for no login', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: socks.url.replace('user:pass@', '') });
  try {
    assert.equal((await bot.getMe()).is_bot, true);
  } finally {
    await bot.closeSession();
  }
});

for (const bound of ['domain', 'ipv6'] as const) {
  test(`a proxy that replies with a bound address of type ${bound}: the whole reply is read, the call works`, async () => {
    const proxy = await startSocks5Proxy({ bound });
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: proxy.url });
    try {
      assert.equal((await bot.sendMessage(5, 'after the reply')).text, 'after the reply');
    } finally {
      await bot.closeSession();
      proxy.server.close();
    }
  });
}

/** What a call through a proxy behaving like `behaviour` fails with (its code and message). */
async function failure(behaviour: Socks5Behaviour, url?: (proxyUrl: string) => string) {
  const proxy = await startSocks5Proxy(behaviour);
  const bot = new ApiClient(emu.token, {
    apiUrl: emu.apiUrl,
    proxy: url ? url(proxy.url) : proxy.url,
    retry: false,
    connectTimeout: 0.3,
  });
  try {
    const error = await bot.sendMessage(5, 'never sent').catch((e: unknown) => e);
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.ok(!error.message.includes(emu.token.split(':')[1]!), 'no token in the message');
    return { code: error.code, message: error.message };
  } finally {
    await bot.closeSession();
    proxy.server.close();
  }
}

test('SOCKS5 failures are typed errors saying what the proxy did; nothing is sent', async () => {
  const sent = emu.calls.filter((call) => call.method === 'sendMessage').length;
  const wrongPassword = await failure({}, (url) => url.replace('user:pass', 'user:wrong'));
  assert.equal(wrongPassword.code, 'ECONNREFUSED');
  assert.match(wrongPassword.message, /SOCKS5 proxy: the username or password was refused/);
  const refused = await failure({ reply: 5 });
  assert.equal(refused.code, 'ECONNREFUSED');
  assert.match(refused.message, /SOCKS5 proxy: it answered connection refused/);
  // Every refusal RFC 1928 names is named; others by number.
  const names = ['general failure', 'connection not allowed by ruleset', 'network unreachable', 'host unreachable'];
  names.push('connection refused', 'TTL expired', 'command not supported', 'address type not supported');
  for (const [i, name] of names.entries()) {
    assert.match((await failure({ reply: i + 1 })).message, new RegExp(`it answered ${name}$`));
  }
  assert.match((await failure({ reply: 42 })).message, /it answered reply 42/);
  const noMethod = await failure({ noMethod: true });
  assert.equal(noMethod.code, 'ECONNREFUSED');
  assert.match(noMethod.message, /accepts none of the login methods offered/);
  for (const behaviour of [{ closeAfterGreeting: true }, { partialGreeting: true }]) {
    const closed = await failure(behaviour);
    assert.equal(closed.code, 'ECONNRESET', JSON.stringify(behaviour));
    assert.match(closed.message, /closed the connection during the handshake/);
  }
  assert.equal(emu.calls.filter((call) => call.method === 'sendMessage').length, sent);
});

test('a proxy that never answers: the connect timeout covers the handshake (ECONNECTTIMEOUT, safe to retry)', async () => {
  const started = Date.now();
  const silent = await failure({ silent: true });
  assert.equal(silent.code, 'ECONNECTTIMEOUT');
  assert.match(silent.message, /SOCKS5 proxy: no answer within 300 ms/);
  assert.ok(Date.now() - started < 10_000, 'cut by CONNECT_TIMEOUT (0.3 s), not by a default');
});

test('a proxy that is not there: ECONNREFUSED, as without a proxy', async () => {
  const proxy = `socks5://127.0.0.1:${await closedPort()}`;
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy, retry: false });
  try {
    await assert.rejects(bot.getMe(), { name: 'ApiHTTPException', code: 'ECONNREFUSED' });
  } finally {
    await bot.closeSession();
  }
});
