// A journal entry without a usable update_id (a hand-edited or half-written journal) is reported
// once as what it is, "The update journal holds a malformed update", never tracked or handled:
// the updates kept beside it are handled, the journal ends empty, and polling neither stalls on
// the broken entry nor warns about it as a running update. A kept update stays in the file
// until its replay finished.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botte, MalformedUpdateError } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';
import { sleep, waitFor, withLogs } from './helpers.js';

/** A kept update, its id below the emulator's first one, as a kept update is below the ones Telegram sends next. */
const kept = {
  update_id: 0,
  message: {
    message_id: 1,
    date: 1,
    chat: { id: 7, type: 'private' },
    from: { id: 7, is_bot: false, first_name: 'A' },
    text: 'kept',
  },
};

/** Runs `fn` with a journal file holding one `add` line of `entries`, removed afterwards. */
async function withJournal(entries: unknown[], fn: (path: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'botte-journal-entries-'));
  const path = join(dir, 'updates.journal');
  writeFileSync(path, `${JSON.stringify({ add: entries })}\n`);
  try {
    await fn(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a malformed journal entry is logged by name and skipped; the kept update beside it is handled', () =>
  withJournal([{ update_id: 'x' }, kept, null, { update_id: 1.5 }], (path) =>
    withEmulator(async (emu) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      const handled: string[] = [];
      bot.handleMsg({ func: () => true }, (message) => void handled.push(message.text ?? ''));
      await withLogs('warn', async (records) => {
        const running = bot.runthebot({ longPollingTimeout: 1, journal: path, stalledWindowMs: 300 });
        try {
          await waitFor(() => handled.length === 1, { message: 'the kept update was not handled' });
          await sleep(700); // past the stalled window
          emu.pushMessage('new');
          await waitFor(() => handled.length === 2, { message: 'polling did not go on past the broken entries' });
        } finally {
          await bot.stopBot();
          await running;
        }
        assert.deepEqual(handled, ['kept', 'new']);
        assert.deepEqual(
          records.map((r) => r.message),
          Array(3).fill('The update journal holds a malformed update'),
        );
        for (const r of records) assert.match((r.error as Error).message, /update_id is not an integer/);
        assert.ok(records.every((r) => r.error instanceof MalformedUpdateError));
      });
      assert.equal(readFileSync(path, 'utf8'), '', 'the journal ends empty');
    }),
  ));

test('a kept update stays in the journal file while its replay runs (a crash then would keep it)', () =>
  withJournal([kept], (path) =>
    withEmulator(async (emu) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let started = false;
      bot.handleMsg({ func: () => true }, async () => {
        started = true;
        await gate;
      });
      const running = bot.runthebot({ longPollingTimeout: 1, journal: path });
      try {
        await waitFor(() => started, { message: 'the kept update was not replayed' });
        assert.match(readFileSync(path, 'utf8'), /"text":"kept"/, 'the journal let go of an update still running');
        release();
        await waitFor(() => readFileSync(path, 'utf8') === '', {
          message: 'the journal was not emptied once it finished',
        });
      } finally {
        release();
        await bot.stopBot();
        await running;
      }
    }),
  ));
