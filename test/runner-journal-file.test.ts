// The update journal on its own, without polling: what FileUpdateJournal writes to its file and
// reads back after a restart, and how the poller's JournalKeeper drives any UpdateJournal (a
// user's own one, as README's "update journal" allows). Fast cases next to the end-to-end ones
// of test/runner-journal.test.ts; each guards an update that would be lost or handled twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Update } from '../src/api/generated/telegram-types.js';
import { FileUpdateJournal, JournalKeeper, type UpdateJournal } from '../src/runner/update-journal.js';
import { ids, tempDir, update } from './runner-journal-harness.js';
import { waitFor } from './helpers.js';

test('FileUpdateJournal: what was added and not removed comes back after a restart, in a new folder', async (t) => {
  const path = join(tempDir(t), 'sub', 'deeper', 'journal.jsonl');
  const first = new FileUpdateJournal(path);
  assert.deepEqual(await first.load(), [], 'a missing file is an empty journal');
  assert.equal(existsSync(path), false, 'loading nothing writes nothing');
  await first.add([]);
  assert.equal(existsSync(path), false, 'adding nothing writes nothing');
  await first.add([update(1), update(2)]);
  await first.add([update(3)]);
  await first.remove([2]);
  await first.remove([99]);
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  assert.equal(lines.length, 3, `two adds and one remove (an unknown id writes nothing): ${lines.join(' | ')}`);
  assert.deepEqual(JSON.parse(lines[2]!), { remove: [2] });

  const second = new FileUpdateJournal(path);
  const left = await second.load();
  assert.deepEqual(ids(left), [1, 3]);
  assert.equal((left[0] as Update).message!.text, 'm1', 'the whole update is kept');
  // Loading compacts the file to what is left: one add line.
  assert.deepEqual(
    readFileSync(path, 'utf8')
      .trim()
      .split('\n')
      .map((line) => ids((JSON.parse(line) as { add: Update[] }).add)),
    [[1, 3]],
  );
  assert.deepEqual(
    readdirSync(join(path, '..')).filter((name) => name.endsWith('.tmp')),
    [],
    'no temporary file is left',
  );
  // Removing the last ones empties the file.
  await second.remove([1, 3]);
  assert.equal(readFileSync(path, 'utf8'), '');
  assert.deepEqual(await new FileUpdateJournal(path).load(), []);
});

test('FileUpdateJournal: a journal emptied and added to again keeps only the new updates', async (t) => {
  const path = join(tempDir(t), 'journal.jsonl');
  const journal = new FileUpdateJournal(path);
  await journal.load();
  await journal.add([update(1)]);
  await journal.remove([1]);
  await journal.add([update(2)]);
  await journal.add([update(3)]);
  await journal.remove([2]);
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [3]);
});

test('FileUpdateJournal: a torn last line is ignored, a bad line in the middle names the file and line', async (t) => {
  const dir = tempDir(t);
  const torn = join(dir, 'torn.jsonl');
  writeFileSync(torn, `${JSON.stringify({ add: [update(1)] })}\n{"add":[{"update_id":2`);
  assert.deepEqual(ids(await new FileUpdateJournal(torn).load()), [1]);

  const broken = join(dir, 'broken.jsonl');
  const text = `\n${JSON.stringify({ add: [update(1)] })}\nnot json\n${JSON.stringify({ remove: [1] })}\n`;
  writeFileSync(broken, text);
  await assert.rejects(new FileUpdateJournal(broken).load(), (error: Error) => {
    assert.equal(error.message, `${broken} is not an update journal (line 3 is not JSON); fix or remove it`);
    assert.ok(error.cause instanceof SyntaxError);
    return true;
  });
  assert.equal(readFileSync(broken, 'utf8'), text, 'the file is left as it is');

  const other = join(dir, 'other.jsonl');
  writeFileSync(other, `${JSON.stringify({ remove: [] })}\n${JSON.stringify({ hello: 1 })}\n`);
  await assert.rejects(
    new FileUpdateJournal(other).load(),
    new RegExp(
      `^Error: ${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not an update journal \\(line 2 is neither add nor remove\\)`,
    ),
  );
  const nullLine = join(dir, 'null.jsonl');
  writeFileSync(nullLine, 'null\n');
  await assert.rejects(new FileUpdateJournal(nullLine).load(), /line 1 is neither add nor remove/);
});

test('FileUpdateJournal: an entry without an update_id is returned once (to be reported) and not kept', async (t) => {
  const path = join(tempDir(t), 'journal.jsonl');
  writeFileSync(path, `${JSON.stringify({ add: [update(5), { text: 'no id' }, null] })}\n`);
  const left = await new FileUpdateJournal(path).load();
  assert.deepEqual(left, [update(5), { text: 'no id' }, null], 'the kept update first, then the malformed ones');
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [5]);
});

test('FileUpdateJournal: used before load() it says so', async (t) => {
  const journal = new FileUpdateJournal(join(tempDir(t), 'journal.jsonl'));
  await assert.rejects(journal.add([update(1)]), /FileUpdateJournal: load\(\) must be called first/);
});

test('FileUpdateJournal: a file grown past 1 MiB is rewritten with only what is left', async (t) => {
  const path = join(tempDir(t), 'journal.jsonl');
  const big = update(1, 'x'.repeat(1_100_000));
  const journal = new FileUpdateJournal(path);
  await journal.load();
  await journal.add([big]);
  await journal.add([update(2)]);
  await journal.add([update(3)]);
  await journal.remove([1]);
  assert.ok(statSync(path).size < 1000, `the removed big update is gone from the file (${statSync(path).size} bytes)`);
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [2, 3]);

  // The size counts what an earlier run wrote too.
  const again = new FileUpdateJournal(path);
  await again.load();
  await again.add([big]);
  const restarted = new FileUpdateJournal(path);
  assert.deepEqual(ids(await restarted.load()), [2, 3, 1]);
  await restarted.add([update(4)]);
  await restarted.remove([1]);
  assert.ok(statSync(path).size < 1000, `rewritten after a restart too (${statSync(path).size} bytes)`);
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [2, 3, 4]);

  // Below the size, a removal is one appended line.
  const small = new FileUpdateJournal(path);
  await small.load();
  await small.remove([2]);
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  assert.deepEqual(JSON.parse(lines[lines.length - 1]!), { remove: [2] });
});

/** A user's own journal in memory, recording every call (with the order in which they ran). */
function memoryJournal(options: { failAdd?: () => boolean; slowAdd?: Promise<void> } = {}) {
  const kept = new Map<number, Update>();
  const log: string[] = [];
  const journal: UpdateJournal = {
    async load() {
      log.push('load');
      return [...kept.values()];
    },
    async add(updates) {
      log.push(`add ${ids(updates).join(',')}`);
      if (options.slowAdd) await options.slowAdd;
      if (options.failAdd?.()) throw new Error('disk full');
      for (const u of updates) kept.set(u.update_id, u);
      log.push('added');
    },
    async remove(removed) {
      log.push(`remove ${removed.join(',')}`);
      for (const id of removed) kept.delete(id);
    },
  };
  return { journal, kept, log };
}

test('JournalKeeper: keeps only accepted updates not kept yet, and removes them once finished', async () => {
  const { journal, kept, log } = memoryJournal();
  const errors: unknown[] = [];
  const keeper = new JournalKeeper(journal, (error) => errors.push(error));
  assert.equal(await keeper.keep([7]), true, 'nothing to keep is a success');
  assert.deepEqual(log, []);
  keeper.accepted(update(1));
  keeper.accepted(update(2));
  keeper.accepted(update(3));
  assert.equal(await keeper.keep([1, 2]), true);
  assert.equal(await keeper.keep([1, 2]), true, 'already kept: not written again');
  assert.deepEqual(log, ['add 1,2', 'added']);
  assert.deepEqual([...kept.keys()], [1, 2]);
  keeper.finished(3); // never kept: nothing to remove
  keeper.finished(1);
  keeper.finished(2);
  await waitFor(() => kept.size === 0, { message: () => `still kept after finishing: ${[...kept.keys()]}` });
  assert.deepEqual(log.slice(2), ['remove 1,2'], 'the updates finishing in one tick leave in one write');
  await keeper.close();
  assert.deepEqual(log.slice(3), [], 'nothing left to remove at close');
  assert.deepEqual(errors, []);
});

test('JournalKeeper: an update finishing while it is being written leaves the journal again', async () => {
  let unblock!: () => void;
  const slowAdd = new Promise<void>((resolve) => (unblock = resolve));
  const { journal, kept, log } = memoryJournal({ slowAdd });
  const keeper = new JournalKeeper(journal, (error) => assert.fail(String(error)));
  keeper.accepted(update(1));
  keeper.accepted(update(2));
  const keeping = keeper.keep([1, 2]);
  keeper.finished(1);
  unblock();
  assert.equal(await keeping, true);
  await waitFor(() => !kept.has(1), { message: () => `update 1 finished but is still kept: ${log.join(' | ')}` });
  assert.deepEqual([...kept.keys()], [2]);
  keeper.finished(2);
  await keeper.close();
  assert.deepEqual([...kept.keys()], [], 'close removes what finished');
});

test('JournalKeeper: a failed add is reported and not retried at once; the updates count as not kept', async () => {
  const { journal, kept, log } = memoryJournal({ failAdd: () => true });
  const errors: unknown[] = [];
  const keeper = new JournalKeeper(journal, (error) => errors.push(error));
  keeper.accepted(update(1));
  assert.equal(await keeper.keep([1]), false);
  assert.equal(await keeper.keep([1]), false, 'within a second of a failure: not tried again');
  assert.deepEqual(log, ['add 1']);
  assert.equal(errors.length, 1);
  assert.match(String(errors[0]), /disk full/);
  keeper.finished(1);
  await keeper.close();
  assert.deepEqual(log, ['add 1'], 'never kept, so nothing to remove');
  assert.equal(kept.size, 0);
});

test('JournalKeeper: replayed updates leave the journal when they finish; dropped ones at once; calls never overlap', async () => {
  let unblock!: () => void;
  const slowAdd = new Promise<void>((resolve) => (unblock = resolve));
  const { journal, kept, log } = memoryJournal({ slowAdd });
  kept.set(10, update(10));
  kept.set(11, update(11));
  const keeper = new JournalKeeper(journal, (error) => assert.fail(String(error)));
  assert.deepEqual(ids(await keeper.load()), [10, 11]);
  await keeper.drop([]);
  await keeper.drop([11]);
  keeper.accepted(update(10), true);
  keeper.accepted(update(12));
  const keeping = keeper.keep([10, 12]); // 10 is kept already: only 12 is added
  keeper.finished(10);
  // The removal of 10 waits for the add in progress.
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.deepEqual(log, ['load', 'remove 11', 'add 12']);
  unblock();
  assert.equal(await keeping, true);
  await waitFor(() => !kept.has(10), { message: () => `replayed update 10 still kept: ${log.join(' | ')}` });
  assert.deepEqual(log, ['load', 'remove 11', 'add 12', 'added', 'remove 10']);
  assert.deepEqual([...kept.keys()], [12]);
});

test('JournalKeeper: a failing removal is reported, and later calls still run', async () => {
  const errors: unknown[] = [];
  let failRemove = true;
  const kept = new Set<number>();
  const journal: UpdateJournal = {
    load: async () => [],
    add: async (updates) => {
      for (const u of updates) kept.add(u.update_id);
    },
    remove: async (removed) => {
      if (failRemove) throw new Error('remove failed');
      for (const id of removed) kept.delete(id);
    },
  };
  const keeper = new JournalKeeper(journal, (error) => errors.push(error));
  keeper.accepted(update(1));
  keeper.accepted(update(2));
  await keeper.keep([1, 2]);
  keeper.finished(1);
  await waitFor(() => errors.length === 1, { message: 'the failed removal was not reported' });
  assert.match(String(errors[0]), /remove failed/);
  failRemove = false;
  keeper.finished(2);
  await keeper.close();
  assert.deepEqual([...kept], [1], 'update 2 removed after the failure (1 stays: a duplicate at worst)');
  await keeper.drop([1]);
  assert.deepEqual([...kept], []);
});
