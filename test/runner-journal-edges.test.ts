// More update-journal cases (see test/runner-journal-file.test.ts): a journal that cannot be
// read, blank lines, writes after the file was rewritten, and open file descriptors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FileUpdateJournal } from '../src/runner/update-journal.js';
import { ids, tempDir, update } from './runner-journal-harness.js';

test('FileUpdateJournal: a journal that cannot be read is an error, not an empty journal', async (t) => {
  const dir = tempDir(t);
  // A folder where the file should be: reading fails with EISDIR (not "missing").
  await assert.rejects(new FileUpdateJournal(dir).load(), (error: NodeJS.ErrnoException) => error.code === 'EISDIR');
});

test('FileUpdateJournal: blank lines are skipped; a journal whose updates all finished is emptied on load', async (t) => {
  const dir = tempDir(t);
  const blanks = join(dir, 'blanks.jsonl');
  writeFileSync(
    blanks,
    `${JSON.stringify({ add: [update(1), update(2)] })}\n   \n\r\n${JSON.stringify({ remove: [1] })}\n`,
  );
  assert.deepEqual(ids(await new FileUpdateJournal(blanks).load()), [2]);
  const finished = join(dir, 'finished.jsonl');
  writeFileSync(finished, `${JSON.stringify({ add: [update(1)] })}\n${JSON.stringify({ remove: [1] })}\n`);
  assert.deepEqual(await new FileUpdateJournal(finished).load(), []);
  assert.equal(readFileSync(finished, 'utf8'), '', 'rewritten empty');
});

test('FileUpdateJournal: updates added after a rewrite are kept (written to the new file)', async (t) => {
  const path = join(tempDir(t), 'journal.jsonl');
  const journal = new FileUpdateJournal(path);
  await journal.load();
  await journal.add([update(1, 'x'.repeat(1_100_000))]);
  await journal.add([update(2)]);
  await journal.remove([1]); // past 1 MiB: rewritten
  await journal.add([update(3)]);
  await journal.load(); // rewritten again
  await journal.add([update(4)]);
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [2, 3, 4]);
});

test('FileUpdateJournal: keeps one file descriptor, however many writes and loads', async (t) => {
  const fdDir = '/proc/self/fd';
  if (!existsSync(fdDir)) return t.skip('needs /proc to count open files');
  const path = join(tempDir(t), 'journal.jsonl');
  const journal = new FileUpdateJournal(path);
  await journal.load();
  await journal.add([update(1)]);
  const before = readdirSync(fdDir).length;
  for (let i = 2; i < 40; i++) {
    await journal.add([update(i)]);
    await journal.remove([i]);
    if (i % 2) await journal.load();
  }
  const after = readdirSync(fdDir).length;
  assert.ok(after - before <= 2, `${after - before} more open files after 38 rounds`);
  assert.deepEqual(ids(await new FileUpdateJournal(path).load()), [1]);
});
