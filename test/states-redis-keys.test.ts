// StateRedisStorage namespacing and option checks, against a real redis-server
// (test/redis-server.ts): a prefix that is only the separator stays a namespace of its own (only a
// trailing separator after a real prefix is dropped), and a bad ttlSeconds says what is wrong.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RedisHandlerBackend, StateRedisStorage, type StateKey } from '../src/states/index.js';
import { RedisServer } from './redis-server.js';

let server: RedisServer | undefined;
let url = '';
before(async () => {
  server = await RedisServer.start();
  url = server.url;
});

const storages: StateRedisStorage[] = [];
after(async () => {
  for (const created of storages) await created.close();
  await server?.stop();
});

function storage(options: ConstructorParameters<typeof StateRedisStorage>[0]): StateRedisStorage {
  const created = new StateRedisStorage({ url, ...options });
  storages.push(created);
  return created;
}

const key: StateKey = { chatId: 3, userId: 4, botId: 1 };

describe('StateRedisStorage prefixes', () => {
  it('a prefix that is only the separator is kept, apart from the empty prefix', async () => {
    const empty = storage({ prefix: '' });
    const colon = storage({ prefix: ':' });
    const pipe = storage({ prefix: '||', separator: '||' });
    assert.equal(empty.keyOf(key), ':1:::3:4');
    assert.equal(colon.keyOf(key), '::1:::3:4');
    assert.equal(pipe.keyOf(key), '||||1||||||3||4');
    await empty.setState(key, 'Empty');
    await colon.setState(key, 'Colon');
    assert.equal(await empty.getState(key), 'Empty');
    assert.equal(await colon.getState(key), 'Colon');
    // A trailing separator after a real prefix is dropped: the same namespace.
    assert.equal(storage({ prefix: 'a:' }).keyOf(key), storage({ prefix: 'a' }).keyOf(key));
  });
});

describe('ttlSeconds', () => {
  it('a bad value is a RangeError that names the option and the value', () => {
    for (const bad of [0, -5, 1.5, Number.NaN]) {
      assert.throws(
        () => new StateRedisStorage({ url, ttlSeconds: bad }),
        (error: Error) =>
          error instanceof RangeError && error.message.includes('ttlSeconds') && error.message.includes(`got ${bad}`),
        String(bad),
      );
      assert.throws(
        () => new RedisHandlerBackend({ url, prefix: 'p', ttlSeconds: bad }),
        (error: Error) => error instanceof RangeError && error.message.includes('ttlSeconds'),
      );
    }
  });
});
