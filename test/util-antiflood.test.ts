import { test } from 'node:test';
import assert from 'node:assert/strict';
import { antiflood } from '../src/util/index.js';
import { ApiTelegramException } from '../src/api/errors.js';
import { logger } from '../src/logger.js';

logger.setLevel('silent');

const floodError = (retryAfter: number) =>
  new ApiTelegramException('sendMessage', {
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${retryAfter}`,
    parameters: { retry_after: retryAfter },
  });

test('antiflood waits retry_after seconds and retries', async () => {
  let calls = 0;
  const send = async (chatId: number, text: string) => {
    calls++;
    if (calls === 1) throw floodError(1);
    return { chatId, text };
  };
  const started = performance.now();
  const result = await antiflood(send, 5, 'hi');
  const elapsed = performance.now() - started;
  assert.deepEqual(result, { chatId: 5, text: 'hi' });
  assert.equal(calls, 2);
  assert.ok(elapsed >= 950, `waited only ${elapsed} ms`);
});

test('antiflood rethrows other errors immediately', async () => {
  let calls = 0;
  const failing = async () => {
    calls++;
    throw new ApiTelegramException('sendMessage', { ok: false, error_code: 400, description: 'Bad Request' });
  };
  await assert.rejects(
    antiflood(failing),
    (error: unknown) => error instanceof ApiTelegramException && error.errorCode === 400,
  );
  assert.equal(calls, 1);
});

test('antiflood gives up after numberRetries attempts (array form)', async () => {
  let calls = 0;
  const flooded = async (_a: number, _b: number) => {
    calls++;
    throw floodError(0);
  };
  await assert.rejects(
    antiflood(flooded, [1, 2], { numberRetries: 3 }),
    (error: unknown) => (error as ApiTelegramException).errorCode === 429,
  );
  assert.equal(calls, 3);
});

test('antiflood array form passes the arguments', async () => {
  const add = (a: number, b: number) => a + b;
  assert.equal(await antiflood(add, [2, 3], { numberRetries: 2 }), 5);
  // Without the numberRetries key the array is passed as an argument.
  const first = (list: number[]) => list[0];
  assert.equal(await antiflood(first, [7, 8]), 7);
});
