/**
 * The contract every {@link HandlerBackend} (where next-step and reply handlers wait) keeps, as a
 * node:test suite a backend's author runs against their own backend:
 * `runHandlerBackendContract('MyBackend', () => new MyBackend())`. Botte runs it against its
 * memory, file and Redis backends (test/states-*.test.ts).
 * @module
 */
import assert from 'node:assert/strict';
import type { HandlerBackend } from '../../states/step-backends.js';
import { nodeTest } from './node-test.js';

/**
 * Makes a backend for one test: a new, empty one each time. Backends that persist handlers by name
 * find the contract's callbacks by their own names (`contractAskName`, `contractAskAge`).
 */
export type MakeHandlerBackend = () => HandlerBackend | Promise<HandlerBackend>;

// Named functions: a persisting backend stores their names and finds them again.
function contractAskName(message: unknown, ...args: unknown[]): unknown[] {
  return ['name', message, ...args];
}
function contractAskAge(message: unknown): unknown[] {
  return ['age', message];
}

async function withBackend(make: MakeHandlerBackend, check: (backend: HandlerBackend) => Promise<void>): Promise<void> {
  const backend = await make();
  try {
    await check(backend);
  } finally {
    await (backend as { close?: () => Promise<unknown> }).close?.();
  }
}

/** `size` is a hint a backend may leave out; when it gives a number, that number must be exact. */
function checkSize(backend: HandlerBackend, keys: number): void {
  if (typeof backend.size === 'number') assert.equal(backend.size, keys, 'size counts the keys with handlers waiting');
}

/**
 * Registers a node:test suite named `name` checking what dispatch relies on from a handler
 * backend: entries are taken once, all of a key's entries in registration order with their
 * arguments and chat, `clear` forgets one key only, and `size` (when given) is exact. Call it at
 * the top level of a test file (run with `node --test`).
 */
export function runHandlerBackendContract(name: string, makeBackend: MakeHandlerBackend): void {
  const { describe, it } = nodeTest();
  describe(`${name}: the handler backend contract`, () => {
    it('a key never registered has no entries', () =>
      withBackend(makeBackend, async (backend) => {
        assert.deepEqual(await backend.take('1'), []);
        await backend.clear('1');
        assert.deepEqual(await backend.take('1'), []);
      }));

    it('take returns every entry of a key once, in registration order, with its arguments and chat', () =>
      withBackend(makeBackend, async (backend) => {
        await backend.register('1', { callback: contractAskName, args: ['x', 2, { three: 3 }] });
        await backend.register('1', { callback: contractAskAge, args: [] });
        await backend.register('reply:5', { callback: contractAskAge, args: [], chatId: -7 });
        checkSize(backend, 2);
        const taken = await backend.take('1');
        assert.deepEqual(
          taken.map((entry) => entry.callback),
          [contractAskName, contractAskAge],
        );
        assert.deepEqual(
          taken.map((entry) => entry.args),
          [['x', 2, { three: 3 }], []],
        );
        assert.deepEqual(await backend.take('1'), [], 'entries are one-shot');
        checkSize(backend, 1);
        const [reply] = await backend.take('reply:5');
        assert.equal(reply?.callback, contractAskAge);
        assert.equal(reply?.chatId, -7);
        checkSize(backend, 0);
      }));

    it('clear forgets the entries of one key and leaves the others', () =>
      withBackend(makeBackend, async (backend) => {
        await backend.register('1', { callback: contractAskName, args: [] });
        await backend.register('2', { callback: contractAskAge, args: [], chatId: 9 });
        await backend.clear('2');
        assert.deepEqual(await backend.take('2'), []);
        assert.deepEqual(
          (await backend.take('1')).map((entry) => entry.callback),
          [contractAskName],
        );
      }));

    it('an entry registered after a take waits for the next take', () =>
      withBackend(makeBackend, async (backend) => {
        await backend.register('1', { callback: contractAskName, args: ['first'] });
        await backend.take('1');
        await backend.register('1', { callback: contractAskName, args: ['second'] });
        assert.deepEqual(
          (await backend.take('1')).map((entry) => entry.args),
          [['second']],
        );
      }));
  });
}
