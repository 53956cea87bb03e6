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
    await assert.rejects(
      storage.getState(key),
      (error: Error) => error.message.includes(file) && /not valid JSON/.test(error.message),
    );
    await assert.rejects(storage.setState(key, 'y'), /not valid JSON/);
    await storage.flush();
    assert.equal(readFileSync(file, 'utf8'), corrupted, 'the file is left for repair');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a repaired file is read at the next call; an empty file starts empty; JSON that is not a state file is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-corrupt-'));
  const key = { chatId: 1, userId: 1, botId: 1 };
  try {
    const file = join(dir, 'states.json');
    writeFileSync(file, '{"version":1,"records":');
    const storage = new StateFileStorage(file);
    await assert.rejects(storage.getState(key), /not valid JSON/);
    writeFileSync(
      file,
      JSON.stringify({ version: 1, records: { 'botte:1:::1:1': { state: 'Form:age', data: { name: 'Ann' } } } }),
    );
    assert.equal(await storage.getState(key), 'Form:age', 'the failed load is not kept: the repaired file is read');
    assert.deepEqual(await storage.getData(key), { name: 'Ann' });

    const empty = join(dir, 'empty.json');
    writeFileSync(empty, ' \n');
    const fresh = new StateFileStorage(empty);
    assert.equal(await fresh.getState(key), undefined);
    await fresh.setState(key, 'start');
    await fresh.flush();
    assert.equal(JSON.parse(readFileSync(empty, 'utf8')).records['botte:1:::1:1'].state, 'start');

    for (const [name, text] of [
      ['list', '[1,2]'],
      ['null-records', '{"version":1,"records":null}'],
      ['string-records', '{"records":"x"}'],
      ['number', '5'],
    ]) {
      const other = join(dir, `${name}.json`);
      writeFileSync(other, text);
      await assert.rejects(
        new StateFileStorage(other).getState(key),
        (error: Error) => error.message === `${other} is not a Botte state file`,
        name,
      );
      assert.equal(readFileSync(other, 'utf8'), text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
