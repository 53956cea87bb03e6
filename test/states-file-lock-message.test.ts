// A state file locked by another living process: the error says what to do instead, and can be
// told apart by its name. Found by mutation testing (docs/testing/mutation-mut-states.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateFileStorage, StateFileLockedError } from '../src/index.js';

test('StateFileLockedError names the file, the holder and the way out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-msg-'));
  try {
    const file = join(dir, 'states.json');
    writeFileSync(`${file}.lock`, '1'); // pid 1 (init) is always alive
    await assert.rejects(new StateFileStorage(file).getState({ chatId: 1, userId: 1 }), (error: Error) => {
      assert.ok(error instanceof StateFileLockedError);
      assert.equal(error.name, 'StateFileLockedError');
      assert.equal(error.filePath, file);
      assert.equal(error.lockPath, `${file}.lock`);
      assert.equal(
        error.message,
        `${file} is used by another process (pid 1, see ${file}.lock): one state file serves one process. ` +
          'Use a file per process, or a shared storage such as StateRedisStorage.',
      );
      return true;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
