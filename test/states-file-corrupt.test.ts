// A corrupted state file (cut by a full disk, edited by hand): every call rejects with an error
// naming the file, and the file is left as it is, for repair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateFileStorage } from '../src/index.js';

test('a corrupted state file is refused with an error naming it, and never overwritten', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-corrupt-'));
  try {
    const file = join(dir, 'states.json');
    const corrupted = '{"version":1,"records":{"a":{"state":"x"';
    writeFileSync(file, corrupted);
    const storage = new StateFileStorage(file);
    const key = { chatId: 1, userId: 1, botId: 1 };
    await assert.rejects(storage.getState(key), (error: Error) => error.message.includes(file) && /not valid JSON/.test(error.message));
    await assert.rejects(storage.setState(key, 'y'), /not valid JSON/);
    await storage.flush();
    assert.equal(readFileSync(file, 'utf8'), corrupted, 'the file is left for repair');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
