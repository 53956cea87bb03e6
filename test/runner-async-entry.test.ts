// `botte/async` (src/async.ts), the twin of Python's `from telebot.async_telebot import AsyncTeleBot`: the async
// echo bot of the README, imported from that entry point, against the emulator; the entry point
// also re-exports everything of `botte`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as asyncEntry from '../src/async.js';
import * as mainEntry from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';
import { stopQuietly } from './helpers.js';

const { AsyncBotte } = asyncEntry;

test('botte/async: AsyncBotte answers commands and echoes with async handlers, polls on after an error, stops cleanly', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  try {
    bot.handleMsg({ commands: ['help', 'start'] }, async (message) => {
      await bot.replyTo(message, 'Hi there, I am EchoBot.');
    });
    bot.handleMsg({ func: () => true }, async (message) => {
      await bot.replyTo(message, message.text!);
    });
    // Like the Python async bot, polling() keeps going after an error without `nonStop: true`.
    emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
    const level = logger.getLevel();
    logger.setLevel('silent');
    const running = bot
      .polling({ longPollingTimeout: 1, backoff: { initialMs: 10 } })
      .finally(() => logger.setLevel(level));
    const start = emu.pushMessage('/start', { chatId: 5, userId: 5 });
    const first = await emu.waitForCall('sendMessage', undefined, { timeoutMs: 10_000 });
    assert.equal(first.params.text, 'Hi there, I am EchoBot.');
    assert.deepEqual(first.params.reply_parameters, { message_id: start.message!.message_id });
    const since = emu.calls.length;
    emu.pushMessage('ping', { chatId: 5, userId: 5 });
    assert.equal((await emu.waitForCall('sendMessage', undefined, { since, timeoutMs: 10_000 })).params.text, 'ping');
    // Every call returns a promise, as in Python's `await bot.get_me()`.
    const me = await bot.getMe();
    assert.equal(me.username, 'botte_test_bot');
    await bot.stopBot();
    await running;
    assert.equal(emu.pendingUpdates().length, 0, 'every update confirmed');
    assert.equal(emu.callsOf('getUpdates')[0]!.status, 500, 'the first poll failed and polling went on');
  } finally {
    await stopQuietly(bot);
    await emu.stop();
  }
});

test('botte/async re-exports every export of botte, the same objects', () => {
  for (const name of Object.keys(mainEntry)) {
    assert.equal((asyncEntry as Record<string, unknown>)[name], (mainEntry as Record<string, unknown>)[name], name);
  }
  assert.ok(new AsyncBotte('1:x') instanceof mainEntry.Botte);
});
