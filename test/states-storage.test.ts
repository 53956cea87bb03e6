import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateFileStorage, StateMemoryStorage, stateKeyToString, type StateKey } from '../src/states/index.js';
import { AtomicJsonWriter } from '../src/states/json-file.js';
import { runStateStorageContract } from '../src/testing/index.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-states-'));
  dirs.push(dir);
  return join(dir, 'nested', 'states.json');
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const key: StateKey = { chatId: -100, userId: 5, botId: 1 };

// What every storage must do is the contract suite of botte/testing; below, what is particular to
// each storage.
runStateStorageContract('StateMemoryStorage', () => new StateMemoryStorage());
runStateStorageContract('StateFileStorage', async () => new StateFileStorage(await tempFile()));
runStateStorageContract('StateFileStorage, read back by a new instance', async () => {
  // Every write is read back through a second instance on the same file: what survives a restart.
  const file = await tempFile();
  const writer = new StateFileStorage(file);
  const reader = () => new StateFileStorage(file);
  const readBack = { getState: 'getState', getData: 'getData' } as const;
  return new Proxy(writer, {
    get(target, property, receiver) {
      if (property in readBack)
        return async (...args: [StateKey]) => {
          await target.flush();
          return (reader() as any)[property](...args);
        };
      return Reflect.get(target, property, receiver);
    },
  });
});

describe('state storages', () => {
  it('key strings keep every part in its slot', () => {
    assert.equal(stateKeyToString({ chatId: 1, userId: 2 }), 'botte::::1:2');
    assert.equal(
      stateKeyToString({ chatId: -1, userId: 2, botId: 9, threadId: 4, businessConnectionId: 'a:b' }),
      'botte:9:a%3Ab:4:-1:2',
    );
    assert.equal(stateKeyToString({ chatId: 1, userId: 2 }, { prefix: 'x', separator: '|' }), 'x||||1|2');
  });

  it('file storage survives a new instance reading the same file', async () => {
    const file = await tempFile();
    const first = new StateFileStorage(file);
    await first.setState(key, 'Order:item');
    await first.setData(key, { item: 'tea', count: 2 });
    const second = new StateFileStorage(file);
    assert.equal(await second.getState(key), 'Order:item');
    assert.deepEqual(await second.getData(key), { item: 'tea', count: 2 });
    const content = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(content.version, 1);
  });

  it('file storage: concurrent writes all land and leave valid JSON, no temp files', async () => {
    const file = await tempFile();
    const storage = new StateFileStorage(file);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        Promise.all([
          storage.setState({ chatId: i, userId: i, botId: 1 }, `s${i}`),
          storage.setData({ chatId: i, userId: i, botId: 1 }, { i }),
        ]),
      ),
    );
    const reread = new StateFileStorage(file);
    for (let i = 0; i < 200; i++) {
      assert.equal(await reread.getState({ chatId: i, userId: i, botId: 1 }), `s${i}`);
      assert.deepEqual(await reread.getData({ chatId: i, userId: i, botId: 1 }), { i });
    }
    // Two instances writing the same file at once: the file stays parseable.
    await Promise.all([
      ...Array.from({ length: 50 }, (_, i) => storage.setState({ chatId: 1000 + i, userId: 1, botId: 1 }, 'a')),
      ...Array.from({ length: 50 }, (_, i) => reread.setState({ chatId: 2000 + i, userId: 1, botId: 1 }, 'b')),
    ]);
    JSON.parse(await readFile(file, 'utf8'));
    const left = (await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it('file storage: flush() writes only when the file is behind, and resolves once it has every change', async () => {
    const file = await tempFile();
    const storage = new StateFileStorage(file);
    assert.equal(await storage.getState(key), undefined); // loaded, nothing changed
    await storage.flush();
    await assert.rejects(readFile(file)); // up to date already: no write
    await Promise.all([storage.setState(key, 'A'), storage.setData(key, { n: 1 }), storage.setState(key, 'B')]);
    await storage.flush();
    assert.deepEqual(Object.values(JSON.parse(await readFile(file, 'utf8')).records), [{ state: 'B', data: { n: 1 } }]);
  });

  it('file storage: a failed write rejects, leaves no temp file, and the next flush() writes the change', async () => {
    const file = await tempFile();
    const storage = new StateFileStorage(file);
    assert.equal(await storage.getState(key), undefined); // loaded (the lock made the folder)
    await mkdir(file); // a folder where the file goes: the rename fails
    await assert.rejects(storage.setState(key, 'A'));
    assert.deepEqual(
      (await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp')),
      [],
    );
    await rmdir(file);
    await storage.flush();
    assert.equal(JSON.parse(await readFile(file, 'utf8')).records[stateKeyToString(key)].state, 'A');
  });

  it('atomic writer: one write per tick, one follow-up for changes made while a write runs', async () => {
    const file = await tempFile();
    let value = 0;
    let snapshots = 0;
    const writer = new AtomicJsonWriter(file, () => {
      snapshots++;
      return value;
    });
    const burst = [1, 2, 3].map((n) => {
      value = n;
      return writer.write();
    });
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve(); // the write has started
    const during = [4, 5].map((n) => {
      value = n;
      return writer.write();
    });
    await writer.flush();
    assert.equal(JSON.parse(await readFile(file, 'utf8')), 5);
    await Promise.all([...burst, ...during]);
    assert.equal(snapshots, 2);
    await writer.flush(); // nothing changed since: no third write
    assert.equal(snapshots, 2);
    const left = (await readdir(join(file, '..'))).filter((name) => name.endsWith('.tmp'));
    assert.deepEqual(left, []);
  });

  it('file storage loads lazily and rejects a foreign file', async () => {
    const file = await tempFile();
    const storage = new StateFileStorage(file); // no file yet: nothing happens
    await assert.rejects(readFile(file));
    await writeFile(file.replace('nested/states.json', 'bad.json'), '{"records": 5}');
    const bad = new StateFileStorage(file.replace('nested/states.json', 'bad.json'));
    await assert.rejects(bad.getState(key), /not a Botte state file/);
    assert.equal(await storage.getState(key), undefined);
  });
});
