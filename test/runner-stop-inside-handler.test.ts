// A "/stop" command whose handler stops the bot without awaiting it (`void bot.stopBot()`) stops
// gracefully: the handler goes on, the update is confirmed and runthebot resolves (awaiting it
// works too: test/runner-stop-in-handler.test.ts). A stop held up by a handler that does not end
// warns once instead of hanging silently (here the handler is freed after the warning).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { sleep, waitFor, withLogs } from './helpers.js';

const confirmedPast = (emu: BotApiEmulator, id: number) =>
  emu.callsOf('getUpdates').some((c) => typeof c.params.offset === 'number' && c.params.offset > id);

test('a handler that calls `void bot.stopBot()` stops the bot gracefully and goes on', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    bot.handleMsg({ commands: ['stop'] }, async (message) => {
      void bot.stopBot();
      await bot.replyTo(message, 'Bye!');
    });
    const running = bot.runthebot({ longPollingTimeout: 1 });
    const update = emu.pushMessage('/stop');
    await running;
    assert.deepEqual(
      emu.callsOf('sendMessage').map((c) => c.params.text),
      ['Bye!'],
    );
    assert.ok(confirmedPast(emu, update.update_id), 'the /stop update was confirmed to Telegram');
  } finally {
    await bot.stopBot();
    await emu.stop();
  }
});

test('a stop held up by a running handler warns once, and ends when the handler does', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  let free!: () => void;
  const freed = new Promise<void>((resolve) => (free = resolve));
  let inHandler!: () => void;
  const started = new Promise<void>((resolve) => (inHandler = resolve));
  try {
    await withLogs('warn', async (records) => {
      bot.handleMsg({ commands: ['slow'] }, async (message) => {
        inHandler();
        await freed;
        await bot.replyTo(message, 'done');
      });
      const running = bot.runthebot({ longPollingTimeout: 1, stalledWindowMs: 30 });
      const update = emu.pushMessage('/slow');
      await started;
      const stopping = bot.stopBot();
      const warning = () => records.find((r) => r.message.startsWith('Stopping:'));
      await waitFor(() => warning() !== undefined, { message: 'no warning while the stop waited for the handler' });
      assert.equal(
        warning()!.message,
        'Stopping: 1 update handler(s) still running after 30 ms; the stop waits for them.',
      );
      free();
      await stopping;
      await running;
      assert.deepEqual(
        emu.callsOf('sendMessage').map((c) => c.params.text),
        ['done'],
      );
      assert.ok(confirmedPast(emu, update.update_id), 'the update was confirmed once its handler ended');
      assert.equal(records.filter((r) => r.message.startsWith('Stopping:')).length, 1, 'warned once');
    });
  } finally {
    free();
    await bot.stopBot();
    await emu.stop();
  }
});

test('a stop with no handler running does not warn', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await withLogs('warn', async (records) => {
      bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, 'ok'));
      const running = bot.runthebot({ longPollingTimeout: 1 });
      emu.pushMessage('hi');
      await emu.waitForCall('sendMessage');
      await bot.stopBot();
      await running;
      assert.deepEqual(
        records.filter((r) => r.message.startsWith('Stopping:')),
        [],
      );
    });
  } finally {
    await emu.stop();
  }
});

test('a stop that ends before stalledWindowMs never warns, even later', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await withLogs('warn', async (records) => {
      let entered!: () => void;
      const inHandler = new Promise<void>((resolve) => (entered = resolve));
      bot.handleMsg({ func: () => true }, async () => {
        entered();
        await sleep(20);
      });
      const running = bot.runthebot({ longPollingTimeout: 1, stalledWindowMs: 400 });
      emu.pushMessage('hi');
      await inHandler;
      await bot.stopBot();
      await running;
      await sleep(700);
      assert.deepEqual(
        records.filter((r) => r.message.startsWith('Stopping:')).map((r) => r.message),
        [],
      );
    });
  } finally {
    await emu.stop();
  }
});
