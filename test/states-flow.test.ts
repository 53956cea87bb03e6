// A form conversation driven by states across several messages, end to end through polling:
// two users interleaved, data collected per user, and a file storage surviving a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BotApiEmulator } from '../src/testing/index.js';
import { StateFileStorage, type StateStorage } from '../src/index.js';
import { formBot, say, twoUsersFillTheForm } from './helpers.js';

test('two users fill the form at the same time, each with their own state and data', async () => {
  const emu = await BotApiEmulator.start();
  const bot = formBot(emu);
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    await twoUsersFillTheForm(emu);
    assert.equal(await bot.getState(1, 1), undefined);
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});

test('with StateFileStorage the conversation survives a restart of the bot', async () => {
  const emu = await BotApiEmulator.start();
  const file = join(mkdtempSync(join(tmpdir(), 'botte-states-')), 'states.json');
  const first = formBot(emu, { stateStorage: new StateFileStorage(file) as StateStorage });
  let running = first.runthebot({ longPollingTimeout: 1 });
  await say(emu, 7, '/form', 'What is your name?');
  await say(emu, 7, 'Grace', 'How old are you?');
  await first.stopBot();
  await running;

  const second = formBot(emu, { stateStorage: new StateFileStorage(file) as StateStorage });
  running = second.runthebot({ longPollingTimeout: 1 });
  try {
    await say(emu, 7, '85', 'Grace is 85');
  } finally {
    await second.stopBot();
    await running;
    await emu.stop();
  }
});
