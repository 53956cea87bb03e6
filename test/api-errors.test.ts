// Every error type of a call, with Telegram's fields, and the token never shown anywhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { startClient } from './helpers.js';
import { TelegramError } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import { ApiException, ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from '../src/api/errors.js';
import { logger } from '../src/logger.js';

let ctx: Awaited<ReturnType<typeof startClient>>;
before(async () => {
  ctx = await startClient({ retry: false });
});
after(async () => {
  await ctx.close();
});

/** Everything a user could see of an error: message, stack, inspection, JSON, cause chain. */
function everything(error: unknown): string {
  const parts = [String(error), inspect(error, { depth: 5 }), (error as Error).stack ?? ''];
  try {
    parts.push(JSON.stringify(error));
  } catch {
    /* circular */
  }
  let cause = (error as { cause?: unknown }).cause;
  while (cause) {
    parts.push(String(cause), (cause as Error).stack ?? '');
    cause = (cause as { cause?: unknown }).cause;
  }
  return parts.join('\n');
}

function assertNoToken(error: unknown) {
  const text = everything(error);
  assert.ok(!text.includes(ctx.emu.token), `the token leaked:\n${text}`);
  assert.ok(!text.includes(encodeURIComponent(ctx.emu.token)), 'the URL-encoded token leaked');
  assert.ok(!text.includes('TEST-token'), 'the token secret leaked');
}

test('ApiTelegramException carries errorCode, description, resultJson and names the method', async () => {
  ctx.emu.onMethod('sendMessage', () => {
    throw new TelegramError(400, 'Bad Request: chat not found');
  });
  const error = await ctx.bot.sendMessage(1, 'x').catch((e) => e);
  assert.ok(error instanceof ApiTelegramException);
  assert.ok(error instanceof ApiException);
  assert.equal(error.errorCode, 400);
  assert.equal(error.description, 'Bad Request: chat not found');
  assert.deepEqual(error.resultJson, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
  assert.equal(error.method, 'sendMessage');
  assert.match(error.message, /sendMessage/);
  assert.match(error.message, /chat not found/);
  assertNoToken(error);
});

test('429 gives retryAfter; a migrated group gives migrateToChatId', async () => {
  ctx.emu.injectFault({ method: 'getChat', kind: 'too-many-requests', retryAfter: 7 });
  const flood = await ctx.bot.getChat(1).catch((e) => e);
  assert.equal(flood.errorCode, 429);
  assert.equal(flood.retryAfter, 7);
  ctx.emu.onMethod('sendMessage', () => {
    throw new TelegramError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
      migrate_to_chat_id: -1001234,
    });
  });
  const migrated = await ctx.bot.sendMessage(-5, 'x').catch((e) => e);
  assert.equal(migrated.migrateToChatId, -1001234);
});

test('ApiHTTPException for a reset connection, a 5xx page and a refused connection', async () => {
  ctx.emu.injectFault({ method: 'getMe', kind: 'reset' });
  const reset = await ctx.bot.getMe().catch((e) => e);
  assert.ok(reset instanceof ApiHTTPException, String(reset));
  assert.equal(reset.method, 'getMe');
  assertNoToken(reset);

  ctx.emu.injectFault({ method: 'getMe', kind: 'http-502' });
  const gateway = await ctx.bot.getMe().catch((e) => e);
  assert.ok(gateway instanceof ApiException);
  assert.equal(gateway.status, 502);
  assertNoToken(gateway);

  const refused = new ApiClient(ctx.emu.token, { apiUrl: 'http://127.0.0.1:9/bot{0}/{1}', retry: false });
  const error = await refused.getMe().catch((e) => e);
  assert.ok(error instanceof ApiHTTPException);
  assert.equal(error.code, 'ECONNREFUSED');
  assertNoToken(error);
});

test('ApiInvalidJSONException when the answer is not JSON', async () => {
  ctx.emu.injectFault({ method: 'getMe', kind: 'invalid-json' });
  const error = await ctx.bot.getMe().catch((e) => e);
  assert.ok(error instanceof ApiInvalidJSONException, String(error));
  assert.equal(error.method, 'getMe');
  assertNoToken(error);
});

test('a timeout and an abort become ApiHTTPException with clear codes', async () => {
  ctx.emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 1500 });
  const timeout = await ctx.bot.callApi('getChat', { chat_id: 1 }, { timeout: 0.3 }).catch((e) => e);
  assert.ok(timeout instanceof ApiHTTPException);
  assert.equal(timeout.code, 'ETIMEDOUT');
  ctx.emu.injectFault({ method: 'getChat', kind: 'slow', delayMs: 1500 });
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 100);
  const aborted = await ctx.bot.callApi('getChat', { chat_id: 1 }, { signal: controller.signal }).catch((e) => e);
  assert.ok(aborted instanceof ApiHTTPException);
  assert.equal(aborted.code, 'ABORTED');
});

test('the token never appears in errors whose description echoes the URL, nor in log lines', async () => {
  const token = ctx.emu.token;
  ctx.emu.onMethod('getChat', () => {
    throw new TelegramError(400, `Bad Request: see https://api.telegram.org/bot${token}/getChat`);
  });
  const error = await ctx.bot.getChat(1).catch((e) => e);
  assertNoToken(error);
  assert.match(error.description, /123456:<redacted>/);
  const lines: string[] = [];
  logger.setOutput((record) => lines.push(record.message + ((record.error as Error)?.stack ?? '')));
  logger.setLevel('debug');
  try {
    logger.error(`failed: ${token}`, error);
    logger.debug('url', `https://api.telegram.org/bot${token}/getMe`);
  } finally {
    logger.setOutput(null);
    logger.setLevel('error');
  }
  assert.equal(lines.length, 2);
  for (const line of lines) assert.ok(!line.includes('TEST-token'), line);
});

test('printing the bot does not print its token; a malformed token is refused', () => {
  assert.ok(!inspect(ctx.bot, { depth: 3 }).includes('TEST-token'));
  assert.ok(!JSON.stringify(Object.keys(ctx.bot)).includes('token'));
  assert.throws(() => new ApiClient('not a token'), TypeError);
  assert.throws(() => new ApiClient('123:abc def'), TypeError);
  assert.doesNotThrow(() => new ApiClient('anything', { validateToken: false }));
});
