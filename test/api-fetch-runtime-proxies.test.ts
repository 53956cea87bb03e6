// How the fetch transport (src/api/transport-fetch.ts) hands a proxy to the runtime's own fetch:
// Bun takes a `proxy` URL in the request options and no SOCKS; Deno takes an HTTP client made by
// `Deno.createHttpClient`, one per proxy URL, reused, and closed with the session. Node cannot
// run Bun's or Deno's fetch, so the globals Botte reads (`Bun`, `Deno.createHttpClient`, `fetch`)
// are set up here the way those runtimes provide them (and the Workers user agent, for the choice
// of transport); test/runtimes runs the real binaries.
import { test, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { closedPort } from './helpers.js';

const g = globalThis as { Bun?: unknown; Deno?: unknown; fetch: typeof fetch };
const realFetch = g.fetch;
afterEach(() => {
  g.fetch = realFetch;
  delete g.Bun;
  delete g.Deno;
});

/** A fetch that answers every call with a getMe result and records what it was given. */
function recordingFetch(): Array<{ url: string; init: Record<string, unknown> }> {
  const seen: Array<{ url: string; init: Record<string, unknown> }> = [];
  g.fetch = (async (url: string, init: Record<string, unknown>) => {
    seen.push({ url: String(url), init });
    return new Response(JSON.stringify({ ok: true, result: { id: 1, is_bot: true, first_name: 'B' } }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  return seen;
}

const token = '123456:AAE-runtime-proxies-0123456789abcd';
const client = (proxy: unknown) =>
  new ApiClient(token, {
    apiUrl: 'https://api.example/bot{0}/{1}',
    transport: 'fetch',
    proxy: proxy as never,
    retry: false,
  });

test("Bun: the proxy for the URL's scheme goes in fetch's `proxy` option; none, none given", async () => {
  g.Bun = {};
  const seen = recordingFetch();
  const bot = client({ https: 'http://proxy.example:3128', http: 'http://plain.example:80' });
  await bot.getMe();
  assert.equal(seen[0]!.init.proxy, 'http://proxy.example:3128');
  assert.equal(seen[0]!.init.client, undefined);
  await bot.closeSession();
  // Only the scheme tells SOCKS apart: an http proxy on a host named "socks..." is taken.
  const named = client('http://socks-gateway.example:3128');
  await named.getMe();
  assert.equal(seen[1]!.init.proxy, 'http://socks-gateway.example:3128');
  await named.closeSession();
  const direct = client(undefined);
  await direct.getMe();
  assert.equal('proxy' in seen[2]!.init, false, 'no proxy set: none passed');
  await direct.closeSession();
  // Entries left unset (e.g. from unset environment variables): no proxy either.
  const unset = client({ http: undefined, https: undefined });
  await unset.getMe();
  assert.equal('proxy' in seen[3]!.init, false, 'no proxy URL for this scheme: none passed');
  await unset.closeSession();
});

test('Bun: a SOCKS proxy is refused with a clear error, nothing sent', async () => {
  g.Bun = {};
  const seen = recordingFetch();
  const bot = client('socks5://127.0.0.1:1080');
  await assert.rejects(bot.getMe(), /Bun's fetch supports http:\/\/ and https:\/\/ proxies, not SOCKS/);
  assert.equal(seen.length, 0);
  await bot.closeSession();
});

test('Deno: one HTTP client per proxy URL, reused for every call, closed with the session', async () => {
  const made: string[] = [];
  let closed = 0;
  g.Deno = {
    createHttpClient(options: { proxy?: { url: string } }) {
      made.push(options.proxy?.url ?? '(none)');
      const handle = { close: () => void closed++ };
      return handle;
    },
  };
  const seen = recordingFetch();
  const bot = client('http://proxy.example:3128');
  await bot.getMe();
  await bot.getMe();
  assert.deepEqual(made, ['http://proxy.example:3128'], 'one client, made once');
  assert.ok(seen[0]!.init.client !== undefined && seen[0]!.init.client === seen[1]!.init.client);
  assert.equal(seen[0]!.init.proxy, undefined);
  await bot.closeSession();
  assert.equal(closed, 1, 'the client is closed with the session');
});

for (const [runtime, setUp] of [
  [
    'Bun',
    () => {
      g.Bun = {};
    },
  ],
  [
    'Deno',
    () => {
      g.Deno = {};
    },
  ],
  [
    'Cloudflare Workers',
    () =>
      Object.defineProperty(globalThis, 'navigator', {
        value: { userAgent: 'Cloudflare-Workers' },
        configurable: true,
      }),
  ],
] as const) {
  test(`transport 'auto' on ${runtime} sends through the runtime's fetch, not undici`, async () => {
    const navigator = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    setUp();
    const seen = recordingFetch();
    try {
      const bot = new ApiClient(token, { apiUrl: 'https://api.example/bot{0}/{1}', retry: false });
      assert.equal((await bot.getMe()).is_bot, true);
      assert.deepEqual(
        seen.map((call) => call.url),
        [`https://api.example/bot${token}/getMe`],
      );
      await bot.closeSession();
    } finally {
      if (navigator) Object.defineProperty(globalThis, 'navigator', navigator);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });
}

test("transport: 'undici' is taken as asked, even on a runtime where 'auto' would pick fetch", async () => {
  g.Bun = {};
  const seen = recordingFetch();
  const bot = new ApiClient(token, {
    apiUrl: `http://127.0.0.1:${await closedPort()}/bot{0}/{1}`,
    transport: 'undici',
    retry: false,
  });
  try {
    await assert.rejects(bot.getMe(), { name: 'ApiHTTPException', code: 'ECONNREFUSED' });
    assert.equal(seen.length, 0, 'the runtime fetch was not used');
  } finally {
    await bot.closeSession();
  }
});
