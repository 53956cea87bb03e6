/**
 * The contract every {@link StateStorage} keeps, as a node:test suite a storage's author runs
 * against their own storage: `runStateStorageContract('MyStorage', () => new MyStorage())`.
 * Botte runs it against its memory, file and Redis storages (test/states-*.test.ts).
 * @module
 */
import assert from 'node:assert/strict';
import type { StateKey, StateStorage } from '../../states/storage.js';
import { nodeTest } from './node-test.js';

/** Makes a storage for one test: a new, empty one each time (another file, prefix or database). */
export type MakeStateStorage = () => StateStorage | Promise<StateStorage>;

const KEY: StateKey = { chatId: -100, userId: 5, botId: 1 };

/** Runs `check` on a fresh storage, then closes it when it can be closed (`close()`, as Redis storages have). */
async function withStorage(make: MakeStateStorage, check: (storage: StateStorage) => Promise<void>): Promise<void> {
  const storage = await make();
  try {
    await check(storage);
  } finally {
    await (storage as { close?: () => Promise<unknown> }).close?.();
  }
}

/**
 * Registers a node:test suite named `name` checking what bots rely on from a state storage: a
 * round trip of state and data, merge and replace semantics, copies on read, data before a state,
 * keys kept apart by chat, user, bot, forum topic and business connection, and JSON values kept
 * exactly. Call it at the top level of a test file (run with `node --test`).
 */
export function runStateStorageContract(name: string, makeStorage: MakeStateStorage): void {
  const { describe, it } = nodeTest();
  describe(`${name}: the state storage contract`, () => {
    it('a key never written has no state and empty data', () =>
      withStorage(makeStorage, async (storage) => {
        assert.equal(await storage.getState(KEY), undefined);
        assert.deepEqual(await storage.getData(KEY), {});
        assert.equal(await storage.deleteState(KEY), false);
      }));

    it('state and data round trip: setData merges, saveData replaces, resetData keeps the state, deleteState removes both', () =>
      withStorage(makeStorage, async (storage) => {
        await storage.setState(KEY, 'Reg:name');
        assert.equal(await storage.getState(KEY), 'Reg:name');
        await storage.setState(KEY, 'Reg:age');
        assert.equal(await storage.getState(KEY), 'Reg:age');
        await storage.setData(KEY, { name: 'Ann', tags: ['a'] });
        await storage.setData(KEY, { age: 30 });
        assert.deepEqual(await storage.getData(KEY), { name: 'Ann', tags: ['a'], age: 30 });
        await storage.setData(KEY, { tags: ['b'] });
        assert.deepEqual(
          await storage.getData(KEY),
          { name: 'Ann', tags: ['b'], age: 30 },
          'a top-level field is replaced whole',
        );
        await storage.saveData(KEY, { only: true });
        assert.deepEqual(await storage.getData(KEY), { only: true });
        assert.equal(await storage.getState(KEY), 'Reg:age');
        await storage.resetData(KEY);
        assert.deepEqual(await storage.getData(KEY), {});
        assert.equal(await storage.getState(KEY), 'Reg:age');
        await storage.setData(KEY, { again: 1 });
        assert.equal(await storage.deleteState(KEY), true);
        assert.equal(await storage.deleteState(KEY), false);
        assert.equal(await storage.getState(KEY), undefined);
        assert.deepEqual(await storage.getData(KEY), {});
      }));

    it('data read is a copy: changing it changes nothing stored', () =>
      withStorage(makeStorage, async (storage) => {
        await storage.setData(KEY, { list: ['a'], nested: { n: 1 } });
        const data = await storage.getData(KEY);
        (data.list as string[]).push('b');
        (data.nested as { n: number }).n = 2;
        data.added = true;
        assert.deepEqual(await storage.getData(KEY), { list: ['a'], nested: { n: 1 } });
      }));

    it('data may be stored before any state', () =>
      withStorage(makeStorage, async (storage) => {
        await storage.setData(KEY, { a: 1 });
        assert.equal(await storage.getState(KEY), undefined);
        assert.deepEqual(await storage.getData(KEY), { a: 1 });
      }));

    it('keys are kept apart by chat, user, bot, forum topic and business connection', () =>
      withStorage(makeStorage, async (storage) => {
        const keys: StateKey[] = [
          { chatId: 1, userId: 2, botId: 1 },
          { chatId: 2, userId: 1, botId: 1 },
          { chatId: 1, userId: 2, botId: 2 },
          { chatId: 1, userId: 2, botId: 1, threadId: 3 },
          { chatId: 1, userId: 2, botId: 1, businessConnectionId: 'b:c' },
          { chatId: 1, userId: 2 },
          { chatId: '@channel', userId: 2, botId: 1 },
        ];
        for (const [i, key] of keys.entries()) {
          await storage.setState(key, `s${i}`);
          await storage.setData(key, { i });
        }
        for (const [i, key] of keys.entries()) {
          assert.equal(await storage.getState(key), `s${i}`, JSON.stringify(key));
          assert.deepEqual(await storage.getData(key), { i }, JSON.stringify(key));
        }
        assert.equal(await storage.deleteState(keys[0]!), true);
        assert.equal(await storage.getState(keys[1]!), 's1', 'deleting one key leaves the others');
      }));

    it('JSON values come back exactly', () =>
      withStorage(makeStorage, async (storage) => {
        const values = {
          empty: [],
          emptyObject: {},
          nested: { list: [[], [1, { x: null }]], deep: { text: 'é😀"\n' } },
          big: Number.MAX_SAFE_INTEGER,
          small: -0.1,
          zero: 0,
          no: false,
          nil: null,
          'odd:key with spaces': 'ok',
        };
        await storage.setData(KEY, values);
        assert.deepEqual(await storage.getData(KEY), values);
        await storage.saveData(KEY, values);
        assert.deepEqual(await storage.getData(KEY), values);
      }));
  });
}
