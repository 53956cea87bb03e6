import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandlerRegistry } from '../src/advanced.js';
import { FileHandlerBackend, MemoryHandlerBackend, type StepEntry } from '../src/states/index.js';
import { runHandlerBackendContract } from '../src/testing/index.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-steps-'));
  dirs.push(dir);
  return join(dir, 'steps.json');
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function askName(message: unknown, ...args: unknown[]) {
  return ['askName', message, ...args];
}
function askAge(message: unknown) {
  return ['askAge', message];
}

// What every backend must do is the contract suite of botte/testing; below, what is particular to
// the file backend and the registry.
runHandlerBackendContract('MemoryHandlerBackend', () => new MemoryHandlerBackend());
runHandlerBackendContract(
  'FileHandlerBackend',
  async () => new FileHandlerBackend(await tempFile(), 0, new HandlerRegistry()),
);

describe('next-step / reply handler backends', () => {
  it('file backend persists names and args, resolved through the registry after a restart', async () => {
    const file = await tempFile();
    const registry = new HandlerRegistry();
    const first = new FileHandlerBackend(file, 0, registry);
    await first.register('100', { callback: askName, args: [1, 'two', { three: 3 }] });
    await first.register('reply:5', { callback: askAge, args: [], chatId: -7 });
    const unnamed = [(m: unknown) => m][0]!;
    await first.register('100', { callback: unnamed, args: [] }); // unnamed: memory only
    const saved = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(saved.entries['100'], [{ name: 'askName', args: [1, 'two', { three: 3 }] }]);
    assert.deepEqual(saved.entries['reply:5'], [{ name: 'askAge', args: [], chatId: -7 }]);

    // "Restart": a new registry that knows the functions again, a new backend on the same file.
    const registry2 = new HandlerRegistry();
    registry2.add(askName);
    const second = new FileHandlerBackend(file, 0, registry2);
    const [entry] = await second.take('100');
    assert.equal(entry!.callback, askName);
    assert.deepEqual(entry!.args, [1, 'two', { three: 3 }]);
    // askAge was not registered again: dropped with a warning.
    assert.deepEqual(await second.take('reply:5'), []);
    const after = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(after.entries, {});
  });

  it('registry: explicit names, renamed functions, conflicts', () => {
    const registry = new HandlerRegistry();
    const handler = (m: unknown) => m;
    registry.add(handler, 'custom');
    assert.equal(registry.nameOf(handler), 'custom');
    assert.equal(registry.get('custom'), handler);
    assert.equal(registry.nameOf(askName), 'askName'); // auto-registered by its own name
    const impostor = {
      askName(m: unknown) {
        return m;
      },
    }.askName;
    assert.equal(registry.nameOf(impostor), undefined); // the name is taken by another function
    assert.throws(
      () =>
        registry.add(
          (
            () => (m: unknown) =>
              m
          )(),
        ),
      TypeError,
    );
  });

  it('file backend with a delay writes later, or on flush', async () => {
    const file = await tempFile();
    const backend = new FileHandlerBackend(file, 60, new HandlerRegistry());
    await backend.register('1', { callback: askName, args: [] } satisfies StepEntry);
    await assert.rejects(readFile(file)); // not written yet
    await backend.flush();
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).entries['1'], [{ name: 'askName', args: [] }]);
  });
});
