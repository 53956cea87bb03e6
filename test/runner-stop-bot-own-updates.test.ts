// A bot fed by the program itself (`processNewUpdates` from its own web framework, as with
// pyTelegramBotAPI's `process_new_updates` behind Flask): `stopBot()` waits for the handlers
// still running, and when that takes a while it says so, with the one advice that helps when
// the waiting handler is the caller itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { waitFor, withLogs } from './helpers.js';
import { privateMessage } from './private-message.js';

const warnings = (records: { message: string }[]) => records.filter((r) => r.message.startsWith('Stopping:'));

test('stopBot() waits for a handler of processNewUpdates, warns once after 1 s, and ends with it', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  let free!: () => void;
  const freed = new Promise<void>((resolve) => (free = resolve));
  try {
    await withLogs('warn', async (records) => {
      bot.handleMsg({ commands: ['slow'] }, async (message) => {
        await freed;
        await bot.replyTo(message, 'done');
      });
      const handled = bot.processNewUpdates([privateMessage(1, 42, '/slow')]);
      let stopped = false;
      const stopping = bot.stopBot().then(() => (stopped = true));
      await waitFor(() => warnings(records).length > 0, {
        message: 'stopBot() never warned about the running handler',
      });
      assert.equal(stopped, false, 'the stop waits for the handler');
      assert.match(warnings(records)[0]!.message, /^Stopping: 1 update handler\(s\) still running after 1000 ms/);
      assert.match(warnings(records)[0]!.message, /call it there without await/);
      free();
      await handled;
      await stopping;
      assert.deepEqual(
        emu.callsOf('sendMessage').map((c) => c.params.text),
        ['done'],
      );
      assert.equal(warnings(records).length, 1, 'warned once');
    });
  } finally {
    free();
    await emu.stop();
  }
});

test('stopBot() right after processNewUpdates finished neither waits nor warns', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await withLogs('warn', async (records) => {
      bot.handleMsg({ commands: ['hi'] }, (message) => bot.replyTo(message, 'hello'));
      await bot.processNewUpdates([privateMessage(1, 42, '/hi')]);
      await bot.stopBot();
      assert.deepEqual(warnings(records), []);
      assert.deepEqual(
        emu.callsOf('sendMessage').map((c) => c.params.text),
        ['hello'],
      );
    });
  } finally {
    await emu.stop();
  }
});
