// Only getUpdates' `timeout` lengthens the read timeout (a long poll legitimately keeps its answer
// back that long). Any other call with a `timeout` field, e.g. a method newer than Botte's table,
// is still cut at `readTimeout`. A plain node:http server that never answers plays Telegram.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient, ApiHTTPException } from '../src/index.js';

const server = createServer((req) => req.resume()); // never answers
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
after(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

test("a call other than getUpdates is cut at readTimeout, whatever its own 'timeout' field says", async () => {
  const port = (server.address() as AddressInfo).port;
  const bot = new ApiClient('123456:TEST-token', {
    apiUrl: `http://127.0.0.1:${port}/bot{0}/{1}`,
    readTimeout: 1,
    retry: false,
  });
  let deadline: ReturnType<typeof setTimeout> | undefined;
  try {
    const call = bot.callApi('waitForSomething', { timeout: 300 }).then(
      () => 'answered',
      (error: unknown) => error,
    );
    const outcome = await Promise.race([
      call,
      new Promise((resolve) => {
        deadline = setTimeout(() => resolve('not cut within 20 s'), 20_000);
      }),
    ]);
    assert.ok(outcome instanceof ApiHTTPException, String(outcome));
    assert.equal(outcome.code, 'ETIMEDOUT', outcome.message);
  } finally {
    clearTimeout(deadline);
    // Ends the held request first: closing the session waits for requests in flight.
    server.closeAllConnections();
    await bot.closeSession();
  }
});
