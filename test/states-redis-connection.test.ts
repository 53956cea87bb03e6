// How a StateRedisStorage gets its connection and what a user sees when Redis is down, against a
// real redis-server (test/redis-server.ts): `url` vs `clientOptions.url`, the connection error
// itself (not a TypeError or "client is closed" made up on the way), a new attempt at the next call
// once Redis is back, the warning log, close() while a connection is failing, no password in the
// errors, and a client of the user's that reads Buffers.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient, RESP_TYPES } from 'redis';
import { withLogs } from './helpers.js';
import { StateRedisStorage, type StateKey } from '../src/states/index.js';
import { RedisServer } from './redis-server.js';
import { useRedis } from './redis-harness.js';

const { url, raw } = await useRedis();

const key: StateKey = { chatId: 42, userId: 7, botId: 1 };
/** No reconnection attempts: a failed connection fails the call at once. */
const noRetry = { socket: { reconnectStrategy: false } };

describe('StateRedisStorage connection options', () => {
  it('connects to clientOptions.url when no url is given, and url wins over it', async () => {
    const fromOptions = new StateRedisStorage({ prefix: 'conn-a', clientOptions: { url, ...noRetry } });
    try {
      await fromOptions.setState(key, 'A');
      // Written to this server (not to node-redis's default localhost:6379).
      assert.equal(await raw.hGet(fromOptions.keyOf(key), 'state'), 'A');
    } finally {
      await fromOptions.close();
    }
    const both = new StateRedisStorage({
      url,
      prefix: 'conn-a',
      clientOptions: { url: 'redis://127.0.0.1:1', ...noRetry },
    });
    try {
      assert.equal(await both.getState(key), 'A');
    } finally {
      await both.close();
    }
  });

  it('works with a client of yours that reads replies as Buffers', async () => {
    const own = createClient({ url });
    await own.connect();
    try {
      const buffers = own.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
      const storage = new StateRedisStorage({ client: buffers, prefix: 'conn-buf' });
      await storage.setState(key, 'Ask:näme');
      await storage.setData(key, { name: 'Zoë 😀', n: 1 });
      const state = await storage.getState(key);
      assert.equal(typeof state, 'string');
      assert.equal(state, 'Ask:näme');
      assert.deepEqual(await storage.getData(key), { name: 'Zoë 😀', n: 1 });
      await storage.close();
      assert.equal(own.isOpen, true, 'a client you pass stays open');
    } finally {
      await own.close();
    }
  });
});

describe('StateRedisStorage when Redis is down', () => {
  it('fails with the connection error, logs it, and connects again once Redis is back', async () => {
    const down = await RedisServer.start();
    const storage = new StateRedisStorage({
      url: down.url,
      prefix: 'conn-down',
      clientOptions: noRetry,
    });
    try {
      await down.shutdown();
      await withLogs('warn', async (records) => {
        const error = await storage.getState(key).then(
          () => assert.fail('getState succeeded with Redis down'),
          (e: unknown) => e as Error & { code?: string },
        );
        assert.ok(error instanceof Error);
        assert.equal(error.code, 'ECONNREFUSED', String(error));
        const warned = records.find((record) => record.message === 'Redis storage:');
        assert.ok(warned, `a warning names the Redis storage: ${JSON.stringify(records.map((r) => r.message))}`);
        assert.equal((warned.error as { code?: string }).code, 'ECONNREFUSED');
      });
      // Redis is back (same port): the next call makes a new connection.
      await down.launch();
      await storage.setState(key, 'Back');
      assert.equal(await storage.getState(key), 'Back');
    } finally {
      await storage.close();
      await down.stop();
    }
  });

  it('close() while the first connection is failing resolves; no password in the error or the log', async () => {
    const storage = new StateRedisStorage({
      url: 'redis://botte:s3cret-pass@127.0.0.1:1',
      prefix: 'conn-close',
      clientOptions: noRetry,
    });
    await withLogs('warn', async (records) => {
      const call = storage.getState(key);
      await storage.close();
      const error = await call.then(
        () => assert.fail('getState succeeded with no Redis'),
        (e: unknown) => e as Error & { code?: string },
      );
      assert.equal(error.code, 'ECONNREFUSED', String(error));
      assert.doesNotMatch(`${error.message}\n${error.stack}`, /s3cret-pass/);
      assert.ok(records.length > 0);
      for (const record of records) assert.doesNotMatch(`${record.message}\n${record.stack ?? ''}`, /s3cret-pass/);
      await storage.close();
    });
  });
});
