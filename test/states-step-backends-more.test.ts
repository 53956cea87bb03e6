// More edges of the handler backends: the memory backend's size hint, a saved reply handler's
// chat coming back from the file, keys holding saved and memory-only entries together, the
// delay counted in seconds, and the registry's error for a function without a name.
// Found by mutation testing (docs/testing/mutation-mut-states.md).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandlerRegistry } from '../src/advanced.js';
import { FileHandlerBackend, MemoryHandlerBackend } from '../src/states/index.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-steps-more-'));
  dirs.push(dir);
  return join(dir, 'steps.json');
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function askCity(message: unknown) {
  return message;
}

async function readEntries(file: string): Promise<Record<string, unknown[]> | undefined> {
  return readFile(file, 'utf8').then(
    (text) => JSON.parse(text).entries,
    () => undefined,
  );
}

test('the memory backend knows how many keys wait (dispatch skips take() at 0)', async () => {
  const backend = new MemoryHandlerBackend();
  assert.equal(backend.size, 0);
  await backend.register('1', { callback: askCity, args: [] });
  await backend.register('1', { callback: askCity, args: [] });
  await backend.register('2', { callback: askCity, args: [] });
  assert.equal(backend.size, 2);
  await backend.take('1');
  assert.equal(backend.size, 1);
  await backend.clear('2');
  assert.equal(backend.size, 0);
});

test('a saved reply handler comes back from the file with its chat', async () => {
  const file = await tempFile();
  await writeFile(
    file,
    JSON.stringify({ version: 1, entries: { 'reply:9': [{ name: 'askCity', args: ['x'], chatId: -42 }] } }),
  );
  const registry = new HandlerRegistry();
  registry.add(askCity);
  const [entry] = await new FileHandlerBackend(file, 0, registry).take('reply:9');
  assert.equal(entry!.callback, askCity);
  assert.deepEqual(entry!.args, ['x']);
  assert.equal(entry!.chatId, -42);
});

test('taking or clearing a key with saved and memory-only entries removes the saved ones from the file', async () => {
  const file = await tempFile();
  const backend = new FileHandlerBackend(file, 0, new HandlerRegistry());
  const unnamed = [(m: unknown) => m][0]!;
  for (const key of ['1', '2']) {
    await backend.register(key, { callback: unnamed, args: [] });
    await backend.register(key, { callback: askCity, args: [key] });
  }
  assert.deepEqual(await readEntries(file), {
    '1': [{ name: 'askCity', args: ['1'] }],
    '2': [{ name: 'askCity', args: ['2'] }],
  });
  const taken = await backend.take('1');
  assert.deepEqual(
    taken.map((entry) => entry.callback),
    [unnamed, askCity],
  );
  assert.deepEqual(await readEntries(file), { '2': [{ name: 'askCity', args: ['2'] }] }, 'take left it in the file');
  await backend.clear('2');
  assert.deepEqual(await readEntries(file), {}, 'clear left it in the file');
});

test('the delay is in seconds: with 60, nothing is written a moment later; flush() writes', async () => {
  const file = await tempFile();
  const backend = new FileHandlerBackend(file, 60, new HandlerRegistry());
  await backend.register('1', { callback: askCity, args: [] });
  // Not a speed check: whatever the machine's load, 60 s have not passed after 300 ms.
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(await readEntries(file), undefined, 'written long before the delay');
  await backend.flush();
  assert.deepEqual(await readEntries(file), { '1': [{ name: 'askCity', args: [] }] });
});

test('a function without a name cannot be registered, and the error says what to do', () => {
  const registry = new HandlerRegistry();
  assert.throws(
    () => registry.add([(m: unknown) => m][0]!),
    (error: Error) =>
      error instanceof TypeError &&
      error.message === 'A step handler needs a name to be persisted: pass one, or use a named function',
  );
});
