// The update journal (src/runner/update-journal.ts): a handler that never finishes must not hold
// up other chats, and must not be lost when the process is killed while it runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { MalformedUpdateError } from '../src/index.js';
import { stopQuietly, waitFor, recordErrors } from './helpers.js';

function tempJournal(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'botte-journal-test-'));
  return { path: join(dir, 'updates.journal'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The update_ids a journal file holds (its add lines minus its remove lines). */
function journalIds(path: string): number[] {
  const ids = new Set<number>();
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  for (const line of text.split('\n').filter(Boolean)) {
    const entry = JSON.parse(line) as { add?: Array<{ update_id: number }>; remove?: number[] };
    for (const update of entry.add ?? []) ids.add(update.update_id);
    for (const id of entry.remove ?? []) ids.delete(id);
  }
  return [...ids];
}

function replies(emu: BotApiEmulator): string[] {
  return emu.callsOf('sendMessage').map((call) => String(call.params.text));
}

test('a blocked handler does not hold up 200 updates of other chats, and it stays in the journal until it finishes', async () => {
  const emu = await BotApiEmulator.start();
  const journal = tempJournal();
  let bot: Botte | undefined;
  let release!: () => void;
  try {
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    let blockerStarted = false;
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ func: () => true }, async (message) => {
      if (message.text === 'blocker') {
        blockerStarted = true;
        await gate;
      }
      handled.push(message.text!);
    });
    const running = bot.runthebot({ longPollingTimeout: 1, journal: journal.path });
    const blocker = emu.pushMessage('blocker', { chatId: 1, userId: 1 });
    await waitFor(() => blockerStarted, { message: 'the blocker never started' });
    for (let i = 0; i < 200; i++) emu.pushMessage(`u${i}`, { chatId: 100 + i, userId: 100 + i });
    // 199 of them fit in Telegram's window of 100 above the blocker only if the offset moves past it.
    await waitFor(() => handled.length === 200, {
      timeoutMs: 30_000,
      message: () => `${handled.length} of the 200 other updates were handled while the blocker ran`,
    });
    assert.ok(!handled.includes('blocker'));
    assert.ok(journalIds(journal.path).includes(blocker.update_id), 'the blocker is in the journal while it runs');
    release();
    await waitFor(() => handled.includes('blocker'), { message: 'the blocker did not finish once released' });
    await bot.stopBot();
    await running;
    assert.equal(handled.length, 201);
    assert.equal(new Set(handled).size, 201, 'each update handled once');
    assert.equal(emu.pendingUpdates().length, 0, 'everything confirmed');
    assert.equal(readFileSync(journal.path, 'utf8'), '', 'the journal is empty once everything finished');
  } finally {
    release?.();
    await stopQuietly(bot);
    await emu.stop();
    journal.cleanup();
  }
});

test('kill -9 while a handler blocks (after the offset moved past it): the next run handles it, nothing lost', async () => {
  const emu = await BotApiEmulator.start();
  const journal = tempJournal();
  const children: ChildProcess[] = [];
  const start = (mode: string) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/fixtures/journal-child.ts', emu.token, emu.apiUrl, journal.path, mode],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    children.push(child);
    return child;
  };
  try {
    const blocker = emu.pushMessage('blocker', { chatId: 1, userId: 1 });
    for (let i = 0; i < 200; i++) emu.pushMessage(`u${i}`, { chatId: 100 + i, userId: 100 + i });
    const first = start('block');
    await waitFor(() => replies(emu).length === 200, {
      timeoutMs: 60_000,
      message: () => `${replies(emu).length} of the 200 other updates were handled while the blocker ran`,
    });
    // Everything but the blocker was confirmed to Telegram: only the journal still has it.
    await waitFor(() => emu.pendingUpdates().length === 0, {
      timeoutMs: 30_000,
      message: 'the offset never moved past the blocker',
    });
    // The finished ones leave the journal right after they finish (had they not yet, they would only be handled twice).
    await waitFor(() => journalIds(journal.path).join() === String(blocker.update_id), {
      message: () => `the journal holds ${journalIds(journal.path).length} updates, not just the blocker`,
    });
    const exited = new Promise((resolve) => first.once('exit', resolve));
    first.kill('SIGKILL');
    await exited;
    assert.ok(!replies(emu).includes('done blocker'));
    const second = start('run');
    await waitFor(() => replies(emu).includes('done blocker'), {
      timeoutMs: 60_000,
      message: 'the blocker was not handled after the restart (lost)',
    });
    const exitedToo = new Promise((resolve) => second.once('exit', resolve));
    second.kill('SIGTERM');
    await exitedToo;
    const all = replies(emu);
    assert.equal(all.length, 201, `replies: ${all.length}`);
    assert.equal(new Set(all).size, 201, 'nothing handled twice');
  } finally {
    for (const child of children) child.kill('SIGKILL');
    await emu.stop();
    journal.cleanup();
  }
});

test('a journal that is not a journal ends the run with an error naming the file, and is left as it is', async () => {
  const emu = await BotApiEmulator.start();
  const journal = tempJournal();
  try {
    writeFileSync(journal.path, 'not json\n{"add":[]}\n');
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    await assert.rejects(bot.runthebot({ longPollingTimeout: 1, journal: journal.path }), (error: Error) => {
      assert.ok(error.message.includes(journal.path), error.message);
      return true;
    });
    assert.equal(readFileSync(journal.path, 'utf8'), 'not json\n{"add":[]}\n');
  } finally {
    await emu.stop();
    journal.cleanup();
  }
});

test('what the journal kept is handled before polling; skipPending drops it; a malformed entry is reported once', async () => {
  const emu = await BotApiEmulator.start();
  const journal = tempJournal();
  let bot: Botte | undefined;
  try {
    const kept = {
      update_id: 5,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 7, type: 'private' },
        from: { id: 7, is_bot: false, first_name: 'A' },
        text: 'kept',
      },
    };
    const line = `${JSON.stringify({ add: [kept, { no_id: true }] })}\n${JSON.stringify({ add: [{ ...kept, update_id: 6 }] })}\n${JSON.stringify({ remove: [6] })}\n`;
    writeFileSync(journal.path, line);
    const handled: string[] = [];
    const { errors: reported, exceptionHandler } = recordErrors();
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    bot.handleMsg({ func: () => true }, (message) => void handled.push(`${message.text}`));
    let running = bot.runthebot({ longPollingTimeout: 1, journal: journal.path });
    await waitFor(() => handled.length === 1, { message: 'the kept update was not handled' });
    await bot.stopBot();
    await running;
    assert.deepEqual(handled, ['kept'], 'update 5 handled once; update 6 was removed');
    assert.equal(reported.filter((error) => error instanceof MalformedUpdateError).length, 1);
    assert.equal(readFileSync(journal.path, 'utf8'), '');

    writeFileSync(journal.path, `${JSON.stringify({ add: [kept] })}\n`);
    running = bot.runthebot({ longPollingTimeout: 1, journal: journal.path, skipPending: true });
    await waitFor(() => existsSync(journal.path) && readFileSync(journal.path, 'utf8') === '', {
      message: 'skipPending did not empty the journal',
    });
    await bot.stopBot();
    await running;
    assert.deepEqual(handled, ['kept'], 'skipPending: not handled');
  } finally {
    await stopQuietly(bot);
    await emu.stop();
    journal.cleanup();
  }
});

test('a journal that fails to add is reported, and the offset then stays held (nothing is moved past unsaved)', async () => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  let release!: () => void;
  try {
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { errors: reported, exceptionHandler } = recordErrors();
    const handled: string[] = [];
    let blockerStarted = false;
    const journal = {
      load: async () => [],
      add: async () => {
        throw new Error('journal disk is full');
      },
      remove: async () => undefined,
    };
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    bot.handleMsg({ func: () => true }, async (message) => {
      if (message.text === 'blocker') {
        blockerStarted = true;
        await gate;
      }
      handled.push(message.text!);
    });
    const running = bot.runthebot({ longPollingTimeout: 1, journal });
    const blocker = emu.pushMessage('blocker', { chatId: 1, userId: 1 });
    await waitFor(() => blockerStarted, { message: 'the blocker never started' });
    for (let i = 0; i < 150; i++) emu.pushMessage(`u${i}`, { chatId: 100 + i, userId: 100 + i });
    await waitFor(() => reported.some((error) => (error as Error).message === 'journal disk is full'), {
      message: 'the failed add was not reported',
    });
    await waitFor(() => handled.length >= 99, {
      message: () => `${handled.length} updates of the window above the blocker were handled`,
    });
    assert.ok(
      emu.pendingUpdates().some((update) => update.update_id === blocker.update_id),
      'the blocker is still held at Telegram',
    );
    release();
    await waitFor(() => handled.length === 151, {
      timeoutMs: 30_000,
      message: () => `${handled.length} of 151 handled after the release`,
    });
    await bot.stopBot();
    await running;
    assert.equal(new Set(handled).size, 151);
    assert.equal(emu.pendingUpdates().length, 0);
  } finally {
    release?.();
    await stopQuietly(bot);
    await emu.stop();
  }
});
