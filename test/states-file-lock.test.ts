// Two processes on one StateFileStorage file would lose each other's writes: the second is
// refused with a StateFileLockedError; a lock left by a killed process is taken over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { StateFileStorage, StateFileLockedError } from '../src/index.js';

test("a second process is refused with a typed error; a dead holder's lock is taken over", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-'));
  const file = join(dir, 'states.json');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/file-lock-child.ts', file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    const first = await Promise.race([
      lines.next(),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the child did not start within 15 s')), 15_000),
      ),
    ]);
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

/** Runs test/fixtures/file-lock-exit-child.ts on `file` until it exits (deadline 60 s). */
function runExitChild(file: string, mode = ''): Promise<number | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/file-lock-exit-child.ts', file, mode], {
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the child did not exit within 60 s'));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

test('a process that exits normally removes its lock, but not a lock that is no longer its own', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-exit-'));
  try {
    const file = join(dir, 'states.json');
    assert.equal(await runExitChild(file), 0);
    assert.equal(existsSync(`${file}.lock`), false, 'the lock was removed at exit');
    assert.equal(JSON.parse(readFileSync(file, 'utf8')).records['botte:1:::1:1'].state, 'child');

    const other = join(dir, 'other.json');
    assert.equal(await runExitChild(other, 'replaced'), 0);
    assert.equal(readFileSync(`${other}.lock`, 'utf8'), '424242', 'a lock holding another pid is left alone');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a lock holding this process's own pid, no pid or pid 0 is stale and taken over; a living process's lock is not", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-stale-'));
  const key = { chatId: 2, userId: 2, botId: 1 };
  try {
    // Our own pid: left by an earlier run that had the same pid (a container's pid 1 after a restart).
    for (const [name, content] of [
      ['own', String(process.pid)],
      ['garbage', 'not a pid'],
      ['zero', '0'],
      ['empty', ''],
    ] as const) {
      const file = join(dir, `${name}.json`);
      writeFileSync(`${file}.lock`, content);
      const storage = new StateFileStorage(file);
      await storage.setState(key, name);
      await storage.flush();
      assert.equal(readFileSync(`${file}.lock`, 'utf8'), String(process.pid), `${name}: the lock is ours now`);
      assert.equal(await new StateFileStorage(file).getState(key), name);
    }
    // pid 1 (init) is alive: refused.
    const file = join(dir, 'init.json');
    writeFileSync(`${file}.lock`, '1');
    await assert.rejects(
      new StateFileStorage(file).setState(key, 'x'),
      (error: unknown) => error instanceof StateFileLockedError && error.ownerPid === 1,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a lock that cannot be taken (a folder in its place) is a clear error after a few attempts', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-dir-'));
  try {
    const file = join(dir, 'states.json');
    mkdirSync(`${file}.lock`);
    await assert.rejects(
      new StateFileStorage(file).getState({ chatId: 1, userId: 1 }),
      /Could not take the lock .*states\.json\.lock/,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
