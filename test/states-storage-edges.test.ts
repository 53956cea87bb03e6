// The edges of the memory and file storages that the storage contract (botte/testing) leaves out:
// what a caller passes in is copied, calls that change nothing write nothing, ids given as
// numbers or strings (or null, from JavaScript) name the same conversation, and the documented
// defaults. Found by mutation testing (docs/testing/mutation-mut-states.md).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  StateFileStorage,
  StateMemoryStorage,
  StatesGroup,
  stateKeyToString,
  type StateKey,
  type StateStorage,
} from '../src/states/index.js';
import { AtomicJsonWriter, readJsonFile } from '../src/states/json-file.js';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-edges-'));
  dirs.push(dir);
  return dir;
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const key: StateKey = { chatId: -100, userId: 5, botId: 1 };
const Form = StatesGroup.create('Form', ['name', 'age']);

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

const storages: [string, () => Promise<StateStorage>][] = [
  ['memory', async () => new StateMemoryStorage()],
  ['file', async () => new StateFileStorage(join(await tempDir(), 'states.json'))],
];

for (const [kind, make] of storages) {
  describe(`${kind} storage edges`, () => {
    it('setData and saveData keep a copy: changing the object afterwards changes nothing stored', async () => {
      const storage = await make();
      const given = { list: ['a'], nested: { n: 1 } };
      await storage.setData(key, given);
      given.list.push('b');
      given.nested.n = 2;
      assert.deepEqual(await storage.getData(key), { list: ['a'], nested: { n: 1 } });
      const saved = { items: [1] };
      await storage.saveData(key, saved);
      saved.items.push(2);
      assert.deepEqual(await storage.getData(key), { items: [1] });
      // Also when the record is new.
      const other = { ...key, userId: 6 };
      const fresh = { tags: ['x'] };
      await storage.saveData(other, fresh);
      fresh.tags.push('y');
      assert.deepEqual(await storage.getData(other), { tags: ['x'] });
    });

    it('data stored before a state is kept when the state is set', async () => {
      const storage = await make();
      await storage.setData(key, { early: true });
      await storage.setState(key, 'Form:name');
      assert.deepEqual(await storage.getData(key), { early: true });
      assert.equal(await storage.getState(key), 'Form:name');
    });

    it('saveData on a conversation never written creates it, without a state', async () => {
      const storage = await make();
      await storage.saveData(key, { only: 1 });
      assert.deepEqual(await storage.getData(key), { only: 1 });
      assert.equal(await storage.getState(key), undefined);
    });

    it('resetData on a conversation never written does nothing (no empty record appears)', async () => {
      const storage = await make();
      await storage.resetData(key);
      assert.equal(await storage.getState(key), undefined);
      assert.deepEqual(await storage.getData(key), {});
      assert.equal(await storage.deleteState(key), false, 'resetData created a record');
    });

    it('a State given where a name is expected is stored as its name', async () => {
      const storage = await make();
      // JavaScript callers (and `bot.storage.setState(key, MyStates.x)`) pass the State itself.
      await storage.setState(key, Form.age as unknown as string);
      const stored = await storage.getState(key);
      assert.equal(typeof stored, 'string');
      assert.equal(stored, 'Form:age');
      // On an existing record too.
      await storage.setState(key, Form.name as unknown as string);
      assert.equal(await storage.getState(key), 'Form:name');
    });

    it('ids given as numbers or as strings name the same conversation', async () => {
      const storage = await make();
      await storage.setState({ chatId: 7, userId: 8, botId: 1 }, 'A');
      assert.equal(await storage.getState({ chatId: '7', userId: '8', botId: 1 }), 'A');
    });
  });
}

describe('memory storage', () => {
  it('size counts conversations; clear() forgets them all', async () => {
    const storage = new StateMemoryStorage();
    assert.equal(storage.size, 0);
    await storage.setState(key, 'A');
    await storage.setData({ ...key, userId: 6 }, { x: 1 });
    assert.equal(storage.size, 2);
    await storage.deleteState(key);
    assert.equal(storage.size, 1);
    storage.clear();
    assert.equal(storage.size, 0);
    assert.deepEqual(await storage.getData({ ...key, userId: 6 }), {});
  });

  it('takes the key prefix and separator', async () => {
    const a = new StateMemoryStorage({ prefix: 'a' });
    await a.setState(key, 'A');
    assert.equal(await a.getState(key), 'A');
  });
});

describe('state keys', () => {
  it('absent parts given as null (from JavaScript) are empty slots, like undefined', () => {
    const withNulls = {
      chatId: 1,
      userId: 2,
      botId: null,
      threadId: null,
      businessConnectionId: null,
    } as unknown as StateKey;
    assert.equal(stateKeyToString(withNulls), 'botte::::1:2');
    assert.equal(stateKeyToString(withNulls), stateKeyToString({ chatId: 1, userId: 2 }));
  });

  it('string parts are escaped, so a separator inside an id cannot shift the slots', () => {
    assert.equal(stateKeyToString({ chatId: '@a:b', userId: 2 }), 'botte::::%40a%3Ab:2');
    assert.notEqual(stateKeyToString({ chatId: '1:2', userId: 3 }), stateKeyToString({ chatId: 1, userId: '2:3' }));
    assert.equal(stateKeyToString({ chatId: 1, userId: 2 }, { prefix: '' }), '::::1:2');
  });
});

describe('file storage', () => {
  it('the default file is ./.state-save/states.json (nothing is touched before the first call)', () => {
    assert.equal(new StateFileStorage().filePath, './.state-save/states.json');
  });

  it('a call that changes nothing writes nothing', async () => {
    const file = join(await tempDir(), 'states.json');
    const storage = new StateFileStorage(file);
    assert.equal(await storage.deleteState(key), false);
    await storage.resetData(key);
    await storage.flush();
    assert.equal(await exists(file), false, 'the file was written although nothing changed');
  });

  it('the file holds version 1 and the records by key', async () => {
    const file = join(await tempDir(), 'states.json');
    const storage = new StateFileStorage(file, { prefix: 'p', separator: '/' });
    await storage.setState(key, 'A');
    await storage.setData(key, { n: 1 });
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), {
      version: 1,
      records: { 'p/1///-100/5': { state: 'A', data: { n: 1 } } },
    });
    await storage.deleteState(key);
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { version: 1, records: {} });
  });

  it('after a failed write, the next change (not only flush) is written', async () => {
    const file = join(await tempDir(), 'nested', 'states.json');
    const storage = new StateFileStorage(file);
    assert.equal(await storage.getState(key), undefined);
    await mkdir(file); // a folder where the file goes: the rename fails
    await assert.rejects(storage.setState(key, 'A'));
    await rmdir(file);
    await storage.setData(key, { n: 1 });
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).records[stateKeyToString(key)], {
      state: 'A',
      data: { n: 1 },
    });
  });

  it('a state file that cannot be read (a folder) fails with the reading error', async () => {
    const dir = await tempDir();
    const file = join(dir, 'states.json');
    await mkdir(file);
    await assert.rejects(new StateFileStorage(file).getState(key), (error: NodeJS.ErrnoException) => {
      assert.equal(error.code, 'EISDIR');
      return true;
    });
  });
});

describe('JSON file helpers', () => {
  it('readJsonFile: missing or blank is undefined, bad JSON names the file and keeps the cause', async () => {
    const dir = await tempDir();
    assert.equal(await readJsonFile(join(dir, 'missing.json')), undefined);
    await writeFile(join(dir, 'blank.json'), '  \n\t');
    assert.equal(await readJsonFile(join(dir, 'blank.json')), undefined);
    await writeFile(join(dir, 'ok.json'), ' {"a": [1]} ');
    assert.deepEqual(await readJsonFile(join(dir, 'ok.json')), { a: [1] });
    const bad = join(dir, 'bad.json');
    await writeFile(bad, '{"a":');
    await assert.rejects(readJsonFile(bad), (error: Error) => {
      assert.match(error.message, /bad\.json is not valid JSON \(.+\); fix or remove it$/);
      assert.ok(error.cause instanceof SyntaxError);
      return true;
    });
  });

  it('a write marked dirty is written by flush(); a clean flush writes nothing', async () => {
    const file = join(await tempDir(), 'deep', 'er', 'value.json');
    let value = 1;
    let snapshots = 0;
    const writer = new AtomicJsonWriter(file, () => {
      snapshots++;
      return value;
    });
    await writer.flush();
    assert.equal(snapshots, 0);
    assert.equal(await exists(file), false);
    value = 2;
    writer.markDirty();
    assert.equal(await exists(file), false, 'markDirty alone writes nothing');
    await writer.flush();
    assert.equal(JSON.parse(await readFile(file, 'utf8')), 2);
    assert.equal(snapshots, 1);
    await writer.flush();
    assert.equal(snapshots, 1);
  });

  it('writes queued behind a failed one still run, and the failure leaves no temp file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'value.json');
    let value = 'first';
    const writer = new AtomicJsonWriter(file, () => value);
    await mkdir(file);
    const failed = writer.write();
    await assert.rejects(failed);
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.endsWith('.tmp')),
      [],
    );
    await rmdir(file);
    value = 'second';
    await writer.write();
    assert.equal(JSON.parse(await readFile(file, 'utf8')), 'second');
  });

  it('a write requested while another runs waits for it and writes the latest value', async () => {
    const file = join(await tempDir(), 'value.json');
    let value = 0;
    const writer = new AtomicJsonWriter(file, () => value);
    value = 1;
    const first = writer.write();
    await new Promise((resolve) => setImmediate(resolve)); // the first write is running
    value = 2;
    const second = writer.write();
    const third = writer.write();
    assert.equal(second, third, 'a queued write is shared');
    await second;
    assert.equal(JSON.parse(await readFile(file, 'utf8')), 2);
    await first;
  });
});
