// The edges of the next-step / reply handler backends the main tests leave out: what the file
// holds (only saved entries, nothing for memory-only ones), delayed writes and their failures,
// the registry's refusals (bound, `new Function`, names taken), saved entries missing fields,
// and the documented defaults. Found by mutation testing (docs/testing/mutation-mut-states.md).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HandlerRegistry } from '../src/advanced.js';
import { logger } from '../src/index.js';
import { FileHandlerBackend } from '../src/states/index.js';
import { waitFor } from './helpers.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-steps-edges-'));
  dirs.push(dir);
  return join(dir, 'steps.json');
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function askName(message: unknown) {
  return message;
}
function askAge(message: unknown) {
  return message;
}

async function readEntries(file: string): Promise<Record<string, unknown[]> | undefined> {
  return readFile(file, 'utf8').then(
    (text) => JSON.parse(text).entries,
    () => undefined,
  );
}

/** Collects what the logger prints while `fn` runs. */
async function capturingLogs(fn: (lines: string[]) => Promise<void>): Promise<void> {
  const lines: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('warning').setOutput((record) => {
    lines.push(`${record.levelName.toLowerCase()} ${String(record.message)}`);
  });
  try {
    await fn(lines);
  } finally {
    logger.setLevel(level).setOutput(null);
  }
}

describe('handler registry edges', () => {
  it('a name given to another function is taken from the first one', () => {
    const registry = new HandlerRegistry();
    const first = [(m: unknown) => m][0]!;
    const second = [(m: unknown) => m][0]!;
    registry.add(first, 'step');
    registry.add(second, 'step');
    assert.equal(registry.get('step'), second);
    assert.equal(registry.nameOf(second), 'step');
    assert.equal(registry.nameOf(first), undefined, 'the replaced function still answers the name');
    // Adding the same function again changes nothing.
    registry.add(second, 'step');
    assert.equal(registry.nameOf(second), 'step');
  });

  it('bound functions and `new Function` ones have no usable name', () => {
    const registry = new HandlerRegistry();
    assert.equal(registry.nameOf(askName.bind(null)), undefined);
    assert.equal(registry.nameOf(new Function('m', 'return m') as (m: unknown) => unknown), undefined);
    assert.equal(registry.get('anonymous'), undefined);
    assert.equal(registry.get('bound askName'), undefined);
    assert.equal(registry.nameOf(askName), 'askName');
    assert.equal(registry.get('askName'), askName, 'an own name is registered when first asked');
  });
});

describe('file handler backend edges', () => {
  it('defaults: ./.handler-saves/step.json, written 120 s after a change (nothing touched before use)', () => {
    const backend = new FileHandlerBackend();
    assert.equal(backend.filePath, './.handler-saves/step.json');
    assert.equal(backend.delay, 120);
    assert.equal(backend.size, undefined, 'the file may hold entries: unknown before it is read');
  });

  it('size is known once the file is read, and counts its keys', async () => {
    const file = await tempFile();
    await writeFile(
      file,
      JSON.stringify({
        version: 1,
        entries: { '1': [{ name: 'askName', args: [] }], '2': [{ name: 'askAge', args: [] }] },
      }),
    );
    const backend = new FileHandlerBackend(file, 0, new HandlerRegistry());
    assert.equal(backend.size, undefined);
    await backend.load();
    assert.equal(backend.size, 2);
    await backend.clear('1');
    assert.equal(backend.size, 1);
  });

  it('memory-only entries are never written, and taking or clearing them writes nothing', async () => {
    const file = await tempFile();
    const backend = new FileHandlerBackend(file, 0, new HandlerRegistry());
    const unnamed = [(m: unknown) => m][0]!;
    await capturingLogs(async (lines) => {
      await backend.register('1', { callback: unnamed, args: [] });
      assert.ok(
        lines.some((line) => line.startsWith('warn') && line.includes('has no name') && line.includes(file)),
        lines.join('\n'),
      );
    });
    assert.equal(await readEntries(file), undefined, 'registering a memory-only entry wrote the file');
    assert.deepEqual(
      (await backend.take('1')).map((entry) => entry.callback),
      [unnamed],
    );
    await backend.register('2', { callback: unnamed, args: [] });
    await backend.clear('2');
    assert.equal(await readEntries(file), undefined, 'taking or clearing memory-only entries wrote the file');
    // A saved entry next to a memory-only one: only the saved one is in the file.
    await backend.register('3', { callback: unnamed, args: [] });
    await backend.register('4', { callback: askName, args: [1] });
    assert.deepEqual(await readEntries(file), { '4': [{ name: 'askName', args: [1] }] });
    await backend.clear('4');
    assert.deepEqual(await readEntries(file), {});
  });

  it('a saved entry without args or chat comes back with no args and no chat', async () => {
    const file = await tempFile();
    await writeFile(file, JSON.stringify({ version: 1, entries: { '1': [{ name: 'askAge' }] } }));
    const registry = new HandlerRegistry();
    registry.add(askAge);
    const [entry] = await new FileHandlerBackend(file, 0, registry).take('1');
    assert.equal(entry!.callback, askAge);
    assert.deepEqual(entry!.args, []);
    assert.ok(!('chatId' in entry!), 'a chat appeared');
  });

  it('a saved entry whose handler is unknown is dropped with a warning naming it', async () => {
    const file = await tempFile();
    await writeFile(file, JSON.stringify({ version: 1, entries: { '1': [{ name: 'goneStep', args: [] }] } }));
    await capturingLogs(async (lines) => {
      assert.deepEqual(await new FileHandlerBackend(file, 0, new HandlerRegistry()).take('1'), []);
      assert.ok(
        lines.some((line) => line.startsWith('warn') && line.includes('"goneStep" is not registered')),
        lines.join('\n'),
      );
    });
  });

  it('with a delay, the change is written by itself later, and again after a flush', async () => {
    const file = await tempFile();
    const backend = new FileHandlerBackend(file, 0.01, new HandlerRegistry());
    await backend.register('1', { callback: askName, args: [] });
    await backend.register('2', { callback: askAge, args: [] });
    await waitFor(async () => (await readEntries(file))?.['2'] !== undefined, {
      message: 'the delayed write did not happen',
    });
    await backend.flush();
    await backend.take('1');
    await waitFor(async () => (await readEntries(file))?.['1'] === undefined, {
      message: 'the change after a flush was never written',
    });
    assert.deepEqual(await readEntries(file), { '2': [{ name: 'askAge', args: [] }] });
  });

  it('a delayed write that fails is logged, and flush() writes it once the file can be written', async () => {
    const file = await tempFile();
    const backend = new FileHandlerBackend(file, 0.01, new HandlerRegistry());
    await backend.load();
    await mkdir(file); // a folder where the file goes: the write fails
    await capturingLogs(async (lines) => {
      await backend.register('1', { callback: askName, args: [] });
      await waitFor(() => lines.some((line) => line.startsWith('error')), {
        message: 'the failed delayed write was not logged',
      });
      assert.ok(
        lines.some((line) => line.includes(`Could not save step handlers to ${file}`)),
        lines.join('\n'),
      );
    });
    await rmdir(file);
    await backend.flush();
    assert.deepEqual(await readEntries(file), { '1': [{ name: 'askName', args: [] }] });
  });
});
