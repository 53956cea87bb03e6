// StateRedisStorage and RedisHandlerBackend against a real redis-server, started here on a free
// port (no persistence; test/redis-server.ts) and stopped at the end. redis-server must be
// installed (.ci/run does it): without it these tests fail rather than skip, so that CI can't pass
// without testing Redis.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createClient } from 'redis';
import { BotApiEmulator, runHandlerBackendContract, runStateStorageContract } from '../src/testing/index.js';
import { Botte, states } from '../src/index.js';
import { AsyncBotte } from '../src/async.js';
import { HandlerRegistry } from '../src/advanced.js';
import { formBot, say, twoUsersFillTheForm, sleep } from './helpers.js';
import { useRedis } from './redis-harness.js';
import {
  RedisHandlerBackend,
  StateRedisStorage,
  stateKeyToString,
  type HandlerBackend,
  type StateKey,
} from '../src/states/index.js';

/** `raw`: a client of the test's own, to look at what the storages wrote. */
const { url, raw } = await useRedis();

const key: StateKey = { chatId: -100, userId: 5, botId: 1 };

/** A fresh storage on its own prefix, closed at the end of the file. */
const storages: StateRedisStorage[] = [];
let prefixes = 0;
function storage(options: ConstructorParameters<typeof StateRedisStorage>[0] = {}): StateRedisStorage {
  const created = new StateRedisStorage({ url, prefix: `t${++prefixes}`, ...options });
  storages.push(created);
  return created;
}
after(async () => {
  for (const created of storages) await created.close();
});

// The contracts every storage and backend keeps (botte/testing), against this redis-server; each
// test gets its own prefix, and the contract closes what it made.
let contractPrefixes = 0;
runStateStorageContract(
  'StateRedisStorage',
  () => new StateRedisStorage({ url, prefix: `contract-state-${++contractPrefixes}` }),
);
runHandlerBackendContract(
  'RedisHandlerBackend',
  () =>
    new RedisHandlerBackend({ url, prefix: `contract-steps-${++contractPrefixes}`, registry: new HandlerRegistry() }),
);

describe('StateRedisStorage', () => {
  it('round trip of state and data', async () => {
    const s = storage();
    assert.equal(await s.getState(key), undefined);
    assert.deepEqual(await s.getData(key), {});
    await s.setState(key, 'Reg:name');
    assert.equal(await s.getState(key), 'Reg:name');
    await s.setData(key, { name: 'Ann', tags: ['a'] });
    await s.setData(key, { age: 30 });
    assert.deepEqual(await s.getData(key), { name: 'Ann', tags: ['a'], age: 30 });
    await s.saveData(key, { only: true });
    assert.deepEqual(await s.getData(key), { only: true });
    assert.equal(await s.getState(key), 'Reg:name');
    await s.resetData(key);
    assert.deepEqual(await s.getData(key), {});
    assert.equal(await s.getState(key), 'Reg:name');
    assert.equal(await s.deleteState(key), true);
    assert.equal(await s.deleteState(key), false);
    assert.equal(await s.getState(key), undefined);
    assert.deepEqual(await s.getData(key), {});
    // Data before any state, as with the other storages.
    await s.setData(key, { a: 1 });
    assert.equal(await s.getState(key), undefined);
    assert.deepEqual(await s.getData(key), { a: 1 });
    // Resetting data that has no state leaves nothing behind.
    await s.resetData(key);
    assert.equal(await raw.exists(s.keyOf(key)), 0);
  });

  it('merge semantics: top-level fields merge, values are replaced whole and survive JSON exactly', async () => {
    const s = storage();
    const tricky = {
      empty: [],
      emptyObject: {},
      nested: { list: [[], [1, { x: null }]], deep: { a: 'é😀"\n' } },
      big: Number.MAX_SAFE_INTEGER,
      small: -0.1,
      zero: 0,
      no: false,
      nil: null,
      'odd:key with spaces': 'ok',
    };
    await s.setData(key, tricky);
    assert.deepEqual(await s.getData(key), tricky);
    await s.setData(key, { nested: { other: 1 }, added: 'x', dropped: undefined });
    assert.deepEqual(await s.getData(key), { ...tricky, nested: { other: 1 }, added: 'x' });
    await s.setData(key, {}); // nothing to merge: nothing changes
    assert.deepEqual(await s.getData(key), { ...tricky, nested: { other: 1 }, added: 'x' });
    // Returned data is a copy.
    const data = await s.getData(key);
    (data.empty as unknown[]).push(1);
    assert.deepEqual((await s.getData(key)).empty, []);
    // Many fields at once (more than Lua's unpack() takes in one call).
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, i]));
    await s.saveData(key, many);
    assert.deepEqual(await s.getData(key), many);
    await s.resetData(key);
    assert.deepEqual(await s.getData(key), {});
  });

  it('concurrent setData of different fields on one key loses no field', async () => {
    // Two storages, two connections, as two processes would be.
    const a = storage({ prefix: 'concurrent' });
    const b = storage({ prefix: 'concurrent' });
    await a.setState(key, 'Busy');
    await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).setData(key, { [`f${i}`]: i, shared: i })));
    const data = await a.getData(key);
    for (let i = 0; i < 300; i++) assert.equal(data[`f${i}`], i, `field f${i}`);
    assert.equal(await b.getState(key), 'Busy');
    // saveData racing with setData: the result is one of the orders, never a mix of halves.
    await Promise.all([a.saveData(key, { x: 1, y: 1 }), b.setData(key, { y: 2, z: 2 })]);
    const raced = await a.getData(key);
    assert.ok(
      JSON.stringify(raced) === JSON.stringify({ x: 1, y: 1 }) || (raced.x === 1 && raced.y === 2 && raced.z === 2),
      JSON.stringify(raced),
    );
  });

  it('keys are separated by chat, user, thread, business connection and bot, and use stateKeyToString', async () => {
    const s = storage({ prefix: 'sep' });
    const keys: StateKey[] = [
      { chatId: 1, userId: 2, botId: 1 },
      { chatId: 2, userId: 1, botId: 1 },
      { chatId: 1, userId: 2, botId: 2 },
      { chatId: 1, userId: 2, botId: 1, threadId: 3 },
      { chatId: 1, userId: 2, botId: 1, businessConnectionId: 'b:c' },
      { chatId: 1, userId: 2 },
    ];
    for (const [i, k] of keys.entries()) {
      await s.setState(k, `s${i}`);
      await s.setData(k, { i });
    }
    for (const [i, k] of keys.entries()) {
      assert.equal(await s.getState(k), `s${i}`);
      assert.deepEqual(await s.getData(k), { i });
    }
    const stored = (await raw.keys('sep:*')).sort();
    assert.deepEqual(stored, keys.map((k) => stateKeyToString(k, { prefix: 'sep' })).sort());
    assert.equal(s.keyOf(keys[4]!), 'sep:1:b%3Ac::1:2');
    assert.deepEqual(await raw.hGetAll('sep:1:::1:2'), { state: 's0', 'data:i': '0' });
    // Default prefix, with or without the trailing separator; other prefixes don't see each other.
    assert.equal(new StateRedisStorage({ url }).keyOf(key), 'botte:state:1:::-100:5');
    assert.equal(new StateRedisStorage({ url, prefix: 'botte:state:' }).keyOf(key), 'botte:state:1:::-100:5');
    assert.equal(new StateRedisStorage({ url, prefix: 'x', separator: '|' }).keyOf(key), 'x|1|||-100|5');
    assert.equal(await storage({ prefix: 'other' }).getState(keys[0]!), undefined);
  });

  it('ttlSeconds: every write renews the expiry, and the conversation is forgotten after it', async () => {
    const s = storage({ ttlSeconds: 100 });
    await s.setState(key, 'A');
    const id = s.keyOf(key);
    const ttl = await raw.ttl(id);
    assert.ok(ttl > 90 && ttl <= 100, `ttl ${ttl}`);
    await raw.expire(id, 5);
    await s.setData(key, { a: 1 });
    assert.ok((await raw.ttl(id)) > 90);
    await raw.expire(id, 5);
    await s.saveData(key, { b: 1 });
    assert.ok((await raw.ttl(id)) > 90);
    assert.equal(await raw.ttl(storage().keyOf(key)), -2); // no key

    const short = storage({ ttlSeconds: 1 });
    await short.setState(key, 'Soon');
    await short.setData(key, { gone: true });
    await sleep(1100);
    assert.equal(await short.getState(key), undefined);
    assert.deepEqual(await short.getData(key), {});

    const forever = storage();
    await forever.setState(key, 'Kept');
    assert.equal(await raw.ttl(forever.keyOf(key)), -1);
    assert.throws(() => new StateRedisStorage({ url, ttlSeconds: 0 }), RangeError);
    assert.throws(() => new StateRedisStorage({ url, ttlSeconds: 1.5 }), RangeError);
  });

  it('connects lazily, reconnects after close(), and never closes a client it was given', async () => {
    const nowhere = new StateRedisStorage({
      url: 'redis://127.0.0.1:1',
      clientOptions: { socket: { reconnectStrategy: false } },
    });
    await nowhere.close(); // never connected: nothing to do
    await assert.rejects(nowhere.getState(key)); // connects only now, and fails
    await assert.rejects(nowhere.getState(key)); // and tries again

    const own = new StateRedisStorage({ url, prefix: 'lazy' });
    await own.setState(key, 'A');
    const client = await own.client();
    assert.equal(client.isOpen, true);
    await own.close();
    assert.equal(client.isOpen, false);
    assert.equal(await own.getState(key), 'A'); // a new connection
    await own.close();

    const mine = createClient({ url });
    await mine.connect();
    const shared = new StateRedisStorage({ client: mine, prefix: 'lazy' });
    assert.equal(await shared.getState(key), 'A');
    await shared.close();
    assert.equal(mine.isOpen, true);
    // A RESP2 client works the same as node-redis's default RESP3.
    const resp2 = createClient({ url, RESP: 2 });
    await resp2.connect();
    const old = new StateRedisStorage({ client: resp2, prefix: 'lazy' });
    await old.setData(key, { list: [1] });
    assert.deepEqual(await old.getData(key), { list: [1] });
    assert.equal(await old.getState(key), 'A');
    await Promise.all([mine.close(), resp2.close()]);
  });

  it('importing botte does not load the redis package; the first storage call does', () => {
    const script = `
      import { createRequire } from 'node:module';
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => /node_modules[\\\\/](redis|@redis)[\\\\/]/.test(f));
      const botte = await import('./src/index.ts');
      const before = loaded();
      const storage = new botte.states.StateRedisStorage({ url: ${JSON.stringify(url)} });
      const afterConstruct = loaded();
      await storage.getState({ chatId: 1, userId: 1 });
      const afterUse = loaded();
      await storage.close();
      console.log(JSON.stringify({ before, afterConstruct, afterUse }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout.trim().split('\n').at(-1)!), {
      before: false,
      afterConstruct: false,
      afterUse: true,
    });
  });
});

describe('a bot with StateRedisStorage', () => {
  it('runs a form conversation for two users and survives a restart of the bot', async () => {
    const emu = await BotApiEmulator.start();
    const prefix = 'bot-e2e';
    const firstStorage = new StateRedisStorage({ url, prefix });
    const first = formBot(emu, { stateStorage: firstStorage });
    let running = first.runthebot({ longPollingTimeout: 1 });
    let second: Botte | undefined;
    const secondStorage = new StateRedisStorage({ url, prefix });
    try {
      await twoUsersFillTheForm(emu);
      await say(emu, 7, '/form', 'What is your name?');
      await say(emu, 7, 'Grace', 'How old are you?');
      const stored = await raw.keys(`${prefix}:*`);
      assert.equal(stored.length, 1, 'only the conversation of user 7 is left in Redis');
      assert.equal((await raw.hGetAll(stored[0]!))['data:name'], '"Grace"');
      await first.stopBot();
      await running;
      await firstStorage.close();

      // "Restart": a new bot and a new storage on the same Redis.
      second = formBot(emu, { stateStorage: secondStorage });
      running = second.runthebot({ longPollingTimeout: 1 });
      await say(emu, 7, '85', 'Grace is 85');
      await say(emu, 7, 'again', 'echo again');
      assert.deepEqual(await raw.keys(`${prefix}:*`), []);
    } finally {
      await (second ?? first).stopBot();
      await running;
      await secondStorage.close();
      await firstStorage.close();
      await emu.stop();
    }
  });
});

function askName(message: unknown, ...args: unknown[]) {
  return ['askName', message, ...args];
}
function askAge(message: unknown) {
  return ['askAge', message];
}

describe('RedisHandlerBackend', () => {
  const backends: RedisHandlerBackend[] = [];
  const backend = (prefix: string, registry = new HandlerRegistry()) => {
    const created = new RedisHandlerBackend({ url, prefix, registry });
    backends.push(created);
    return created;
  };
  after(() => Promise.all(backends.map((created) => created.close())));

  it('is one-shot per key, in registration order, like the other backends', async () => {
    const b: HandlerBackend = backend('steps-a');
    assert.deepEqual(await b.take('1'), []);
    const unnamed = [(m: unknown) => m][0]!; // memory only, but still in order
    await b.register('1', { callback: askName, args: ['x'] });
    await b.register('1', { callback: unnamed, args: [] });
    await b.register('1', { callback: askAge, args: [] });
    await b.register('2', { callback: askAge, args: [], chatId: 9 });
    const taken = await b.take('1');
    assert.deepEqual(
      taken.map((e) => e.callback),
      [askName, unnamed, askAge],
    );
    assert.deepEqual(taken[0]!.args, ['x']);
    assert.deepEqual(await b.take('1'), []);
    await b.clear('2');
    assert.deepEqual(await b.take('2'), []);
    assert.throws(() => new RedisHandlerBackend({ url, prefix: '' }), TypeError);
  });

  it('persists names and args, resolved through the registry by another instance; a racing take gets each entry once', async () => {
    const first = backend('steps-b');
    await first.register('100', { callback: askName, args: [1, 'two', { three: 3 }] });
    await first.register('reply:5', { callback: askAge, args: [], chatId: -7 });
    assert.deepEqual(JSON.parse((await raw.lRange('steps-b:100', 0, -1))[0]!).args, [1, 'two', { three: 3 }]);

    const registry = new HandlerRegistry();
    registry.add(askName);
    const second = backend('steps-b', registry);
    const [entry] = await second.take('100');
    assert.equal(entry!.callback, askName);
    assert.deepEqual(entry!.args, [1, 'two', { three: 3 }]);
    assert.deepEqual(await second.take('reply:5'), []); // askAge unknown there: dropped with a warning
    assert.equal(await raw.exists(['steps-b:100', 'steps-b:reply:5']), 0);

    for (let i = 0; i < 50; i++) await first.register('race', { callback: askName, args: [i] });
    const [x, y] = await Promise.all([first.take('race'), second.take('race')]);
    assert.equal(x.length + y.length, 50);
    assert.ok(x.length === 0 || y.length === 0);
  });

  it('a next-step handler registered by one bot runs in the next bot after a restart', async () => {
    const emu = await BotApiEmulator.start();
    const registry = new HandlerRegistry();
    const seen: string[] = [];
    function rememberName(message: { text?: string }, formId: string) {
      seen.push(`${formId}:${message.text}`);
    }
    registry.add(rememberName);
    const make = () => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, nextStepBackend: backend('steps-bot', registry) });
      bot.handleMsg({ commands: ['ask'] }, async (message) => {
        await bot.registerNextStepHandler(message, rememberName, 'form-1');
        await bot.replyTo(message, 'name?');
      });
      return bot;
    };
    const first = make();
    let running = first.runthebot({ longPollingTimeout: 1 });
    let second: Botte | undefined;
    try {
      await say(emu, 3, '/ask', 'name?');
      await first.stopBot();
      await running;
      second = make();
      running = second.runthebot({ longPollingTimeout: 1 });
      emu.pushMessage('Hedy', { chatId: 3, userId: 3 });
      for (const end = Date.now() + 5000; seen.length === 0 && Date.now() < end; ) await sleep(20);
      assert.deepEqual(seen, ['form-1:Hedy']);
    } finally {
      await (second ?? first).stopBot();
      await running;
      await emu.stop();
    }
  });
});

describe('states.StateMiddleware with StateRedisStorage', () => {
  it('(data as states.StateHandlerData).state reads and writes Redis, one record per forum topic', async () => {
    const emu = await BotApiEmulator.start();
    const stateStorage = storage();
    const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl, stateStorage });
    try {
      bot.setupMiddleware(new states.StateMiddleware(bot));
      bot.handleMsg({}, async (message, data) => {
        await (data as states.StateHandlerData).state.set(`topic-${message.message_thread_id ?? 'none'}`);
        await (data as states.StateHandlerData).state.addData({ text: message.text });
        await bot.replyTo(message, JSON.stringify(await (data as states.StateHandlerData).state.data()));
      });
      emu.pushMessage('a', {
        chatType: 'supergroup',
        chatId: -1005,
        userId: 6,
        extra: { is_topic_message: true, message_thread_id: 3 },
      });
      emu.pushMessage('b', { chatType: 'supergroup', chatId: -1005, userId: 6 });
      await bot.processNewUpdates(await bot.getUpdates());
      assert.deepEqual(
        emu
          .callsOf('sendMessage')
          .map((call) => call.params.text)
          .sort(),
        ['{"text":"a"}', '{"text":"b"}'],
      );
      assert.equal(await bot.getState(6, -1005, 3), 'topic-3');
      assert.equal(await bot.getState(6, -1005), 'topic-none');
    } finally {
      await bot.closeSession();
      await emu.stop();
    }
  });
});
