// The state-file lock's own failures: a file system error other than "the lock exists" is thrown
// as it is (its code tells the user what is wrong), not retried into a vague "Could not take the
// lock"; and a process using many state files adds one exit hook, not one per file (eleven
// would make Node warn about a memory leak). Found by mutation testing
// (docs/testing/mutation-mut-leftovers.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateFileStorage } from '../src/index.js';

const key = { chatId: 1, userId: 1, botId: 1 };

test('a lock that cannot be written (name too long) fails with the file system error itself', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-name-'));
  try {
    // 255 characters: a valid file name (the usual limit); its lock, 5 more, is not.
    const file = join(dir, `${'s'.repeat(250)}.json`);
    await assert.rejects(new StateFileStorage(file).getState(key), (error: NodeJS.ErrnoException) => {
      assert.equal(error.code, 'ENAMETOOLONG', String(error));
      assert.doesNotMatch(error.message, /Could not take the lock/);
      return true;
    });
    assert.equal(existsSync(file), false, 'nothing was written');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('twelve state files in one process: each locked, one exit hook, no listener-leak warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-many-'));
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  const listenersBefore = process.listenerCount('exit');
  try {
    for (let i = 0; i < 12; i++) {
      const file = join(dir, `states-${i}.json`);
      const storage = new StateFileStorage(file);
      await storage.setState(key, `s${i}`);
      await storage.flush();
      assert.equal(readFileSync(`${file}.lock`, 'utf8'), String(process.pid), `file ${i} is locked`);
    }
    const added = process.listenerCount('exit') - listenersBefore;
    assert.ok(added <= 1, `${added} exit listeners added for 12 state files (one releases them all)`);
    await new Promise((resolve) => setImmediate(resolve)); // warnings are emitted on the next tick
    assert.deepEqual(
      warnings.filter((warning) => warning.includes('MaxListeners')),
      [],
    );
  } finally {
    process.off('warning', onWarning);
    rmSync(dir, { recursive: true, force: true });
  }
});
