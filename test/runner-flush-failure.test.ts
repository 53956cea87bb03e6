// A storage whose flush() fails while the bot stops: the stop still completes (the other storages
// are flushed, the connections closed) and the failure is logged with the storage's class name,
// so a lost buffered write does not go unnoticed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { StateMemoryStorage } from '../src/states/memory-storage.js';
import { MemoryHandlerBackend } from '../src/states/step-backends.js';
import { withLogs } from './helpers.js';

test('a flush() that throws is logged with the storage name and the stop goes on', async () => {
  class BrokenDiskStorage extends StateMemoryStorage {
    async flush(): Promise<void> {
      throw new Error('disk full');
    }
  }
  let stepFlushes = 0;
  const steps = Object.assign(new MemoryHandlerBackend(), {
    flush: async () => {
      stepFlushes++;
    },
  });
  const bot = new Botte('123456:flush-failure', {
    validateToken: false,
    stateStorage: new BrokenDiskStorage(),
    nextStepBackend: steps,
  });
  await withLogs('error', async (records) => {
    await bot.stopBot();
    const line = records.find((r) => r.message.startsWith('Could not flush'));
    assert.ok(line, `no flush failure logged: ${JSON.stringify(records.map((r) => r.message))}`);
    assert.match(line.message, /^Could not flush BrokenDiskStorage while stopping the bot/);
  });
  assert.equal(stepFlushes, 1, 'the other storage was flushed too');
});

test('a storage without a constructor is named "a storage" in that log line', async () => {
  // A backend built on a null prototype (no constructor to name it by).
  const memory = new MemoryHandlerBackend();
  const bare = Object.assign(Object.create(null) as object, {
    register: (key: string, entry: never) => memory.register(key, entry),
    take: (key: string) => memory.take(key),
    clear: (key: string) => memory.clear(key),
    flush: async () => {
      throw new Error('no network');
    },
  });
  const bot = new Botte('123456:flush-failure-bare', { validateToken: false, replyBackend: bare as never });
  await withLogs('error', async (records) => {
    await bot.stopBot();
    assert.ok(
      records.some((r) => r.message.startsWith('Could not flush a storage while stopping the bot')),
      JSON.stringify(records.map((r) => r.message)),
    );
  });
});
