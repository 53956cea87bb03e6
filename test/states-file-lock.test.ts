// Two processes on one StateFileStorage file would lose each other's writes: the second is
// refused with a StateFileLockedError; a lock left by a killed process is taken over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StateFileStorage, StateFileLockedError } from '../src/index.js';

test('a second process is refused with a typed error; a dead holder\'s lock is taken over', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-'));
  const file = join(dir, 'states.json');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/file-lock-child.ts', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await Promise.race([lines.next(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the child did not start within 15 s')), 15_000))]);
    assert.equal(first.value, 'ready');
    assert.equal(readFileSync(`${file}.lock`, 'utf8'), String(child.pid));

    const storage = new StateFileStorage(file);
    const key = { chatId: 2, userId: 2, botId: 1 };
    await assert.rejects(storage.setState(key, 'parent'), (error: unknown) => {
      assert.ok(error instanceof StateFileLockedError, String(error));
      assert.equal(error.ownerPid, child.pid);
      assert.match(error.message, /used by another process/);
      return true;
    });
    await assert.rejects(storage.getState(key), StateFileLockedError, 'every call is refused, not only the first');

    // kill -9: the child cannot remove its lock; it is stale now.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await storage.setState(key, 'parent');
    await storage.flush();
    assert.equal(await storage.getState(key), 'parent');
    assert.equal(await storage.getState({ chatId: 1, userId: 1, botId: 1 }), 'child', 'what the child saved is kept');
    assert.equal(readFileSync(`${file}.lock`, 'utf8'), String(process.pid));

    // Storages of one process may share the file's lock.
    const again = new StateFileStorage(file);
    assert.equal(await again.getState(key), 'parent');
  } finally {
    child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(!existsSync(dir));
});
