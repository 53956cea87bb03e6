// A bot without an exceptionHandler still hears about a failing update journal: when a slow
// handler's update is to be kept in the journal (so the offset can move past it) and the write
// fails, the failure is logged with what failed and the journal's own error; the update is handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';
import { waitFor, withLogs } from './helpers.js';

test('a journal whose writes fail is logged as "The update journal failed", with its error', async () => {
  await withEmulator(async (emu) => {
    const journal = {
      load: async () => [],
      add: async () => {
        throw new Error('journal disk is full');
      },
      remove: async () => undefined,
    };
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    const handled: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    bot.handleMsg({}, async (message) => {
      await gate;
      handled.push(message.text ?? '');
    });
    try {
      await withLogs('error', async (records) => {
        const running = bot.runthebot({ longPollingTimeout: 1, journal });
        emu.pushMessage('hello');
        await waitFor(() => records.length > 0, { message: 'the failed journal write was not logged' });
        release();
        await waitFor(() => handled.length === 1, { message: 'the update was not handled' });
        const record = records.find((r) => (r.error as Error | undefined)?.message === 'journal disk is full');
        assert.ok(record, `the journal's error is not logged: ${JSON.stringify(records.map((r) => r.message))}`);
        assert.match(record.message, /^The update journal failed/);
        await bot.stopBot();
        await running;
      });
    } finally {
      release();
      await bot.stopBot();
    }
  });
});
