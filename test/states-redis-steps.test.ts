// RedisHandlerBackend details a bot relies on, against a real redis-server (test/redis-server.ts):
// the prefix it needs (with a message saying so), its client(), handlers without a name (kept in
// memory, with a warning that says so, several per key), and the order of entries stored by another
// process (or before a restart) relative to this process's memory-only ones.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HandlerRegistry } from '../src/advanced.js';
import { logger } from '../src/logger.js';
import { RedisHandlerBackend, StateRedisStorage, type StateKey } from '../src/states/index.js';
import { RedisServer } from './redis-server.js';

let server: RedisServer | undefined;
let url = '';
before(async () => {
  server = await RedisServer.start();
  url = server.url;
});

const backends: RedisHandlerBackend[] = [];
after(async () => {
  for (const created of backends) await created.close();
  await server?.stop();
});

function step1(message: unknown) {
  return ['step1', message];
}
function step2(message: unknown) {
  return ['step2', message];
}
function step3(message: unknown) {
  return ['step3', message];
}
const registry = new HandlerRegistry();
for (const fn of [step1, step2, step3]) registry.add(fn);

function backend(prefix: string): RedisHandlerBackend {
  const created = new RedisHandlerBackend({ url, prefix, registry });
  backends.push(created);
  return created;
}

describe('RedisHandlerBackend', () => {
  it('needs a prefix, and says so', () => {
    const needsPrefix = /RedisHandlerBackend needs a prefix/;
    // From JavaScript, or with the options forgotten.
    assert.throws(
      () => new (RedisHandlerBackend as unknown as new () => unknown)(),
      (error: Error) => error instanceof TypeError && needsPrefix.test(error.message),
    );
    assert.throws(
      () => new RedisHandlerBackend({ url } as { url: string; prefix: string }),
      (error: Error) => error instanceof TypeError && needsPrefix.test(error.message),
    );
  });

  it('client() gives the connected client, e.g. to share it with a StateRedisStorage', async () => {
    const steps = backend('steps-client');
    const client = await steps.client();
    assert.equal(client.isOpen, true);
    const storage = new StateRedisStorage({ client, prefix: 'steps-client-state' });
    const key: StateKey = { chatId: 1, userId: 1 };
    await storage.setState(key, 'Shared');
    assert.equal(await storage.getState(key), 'Shared');
    await storage.close();
    assert.equal(client.isOpen, true, 'the storage leaves a client it was given open');
  });

  it('keeps every handler without a name in memory, in order, and warns which key it is', async () => {
    const steps = backend('steps-unnamed');
    const warnings: string[] = [];
    const level = logger.getLevel();
    logger.setLevel('warn').setOutput((record) => warnings.push(record.message));
    const first = [(m: unknown) => ['first', m]][0]!;
    const second = [(m: unknown) => ['second', m]][0]!;
    try {
      await steps.register('chat-77', { callback: first, args: [1] });
      await steps.register('chat-77', { callback: step1, args: [] });
      await steps.register('chat-77', { callback: second, args: [2] });
    } finally {
      logger.setLevel(level).setOutput(null);
    }
    assert.equal(warnings.length, 2, JSON.stringify(warnings));
    for (const warning of warnings) {
      assert.match(warning, /chat-77/);
      assert.match(warning, /memory only/);
    }
    const taken = await steps.take('chat-77');
    assert.deepEqual(
      taken.map((entry) => entry.callback),
      [first, step1, second],
    );
    assert.deepEqual(
      taken.map((entry) => entry.args),
      [[1], [], [2]],
    );
    assert.deepEqual(await steps.take('chat-77'), []);
  });

  it("entries stored by another process come before this process's memory-only ones", async () => {
    // Two backends on one prefix, as two processes (or one process before and after a restart).
    const other = backend('steps-order');
    const here = backend('steps-order');
    const unnamed = [(m: unknown) => ['unnamed', m]][0]!;
    const level = logger.getLevel();
    logger.setLevel('silent');
    try {
      await other.register('5', { callback: step1, args: [] });
      await other.register('5', { callback: step2, args: [] });
      await here.register('5', { callback: unnamed, args: [] });
      await here.register('5', { callback: step3, args: [] });
    } finally {
      logger.setLevel(level);
    }
    const taken = await here.take('5');
    // The other process's entries first, then this one's in its own registration order.
    assert.deepEqual(
      taken.map((entry) => entry.callback),
      [step1, step2, unnamed, step3],
    );
  });
});
