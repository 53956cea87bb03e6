// A failed request through the Web fetch transport (src/api/transport-fetch.ts) keeps what the
// runtime said: the ApiHTTPException carries the network code Botte's retry logic reads
// (ECONNREFUSED...) and, down its `cause` chain, the runtime's own error, so a failure is never
// reduced to a bare "fetch failed" (or worse, to an error of Botte's own error handling).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { closedPort } from './helpers.js';

const token = '123456:AAE-fetch-error-causes-0123456789abc';

/** The messages and codes down an error's `cause` chain. */
function chain(error: unknown): string[] {
  const seen: string[] = [];
  for (let e = error as { message?: string; code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    seen.push(`${e.code ?? '-'} ${e.message}`);
  }
  return seen;
}

test('a refused connection: code ECONNREFUSED, the runtime error kept as the cause', async () => {
  const bot = new ApiClient(token, {
    apiUrl: `http://127.0.0.1:${await closedPort()}/bot{0}/{1}`,
    transport: 'fetch',
    retry: false,
  });
  try {
    const error = await bot.getMe().catch((e: unknown) => e);
    assert.equal((error as { code?: string }).code, 'ECONNREFUSED');
    const causes = chain(error).slice(1);
    assert.ok(causes.length >= 2, `the cause chain is cut short: ${JSON.stringify(causes)}`);
    assert.ok(
      causes.some((line) => line.includes('fetch failed')),
      JSON.stringify(causes),
    );
  } finally {
    await bot.closeSession();
  }
});

test('a failure with no network code (a port fetch refuses): ENETWORK, with what the runtime said', async () => {
  // Fetch refuses some ports outright ("bad port"): an error without any code down its causes.
  const bot = new ApiClient(token, { apiUrl: 'http://127.0.0.1:9/bot{0}/{1}', transport: 'fetch', retry: false });
  try {
    const error = await bot.getMe().catch((e: unknown) => e);
    assert.equal((error as { name?: string }).name, 'ApiHTTPException');
    assert.equal((error as { code?: string }).code, 'ENETWORK');
    assert.match((error as Error).message, /fetch failed/);
    assert.ok(
      chain(error).some((line) => line.includes('bad port')),
      JSON.stringify(chain(error)),
    );
  } finally {
    await bot.closeSession();
  }
});
