// What a bot forgets must stay forgotten after a restart: deleteState and resetData are written
// to the state file like every other change (a new StateFileStorage on the same file = a restart).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StateFileStorage, type StateKey, type StateStorage } from '../src/states/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { formBot, say, stopQuietly } from './helpers.js';

const dirs: string[] = [];
async function tempFile(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'botte-restart-'));
  dirs.push(dir);
  return join(dir, 'states.json');
}
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const key: StateKey = { chatId: 7, userId: 7, botId: 1 };

test('deleteState is written to the file: after a restart the state is gone', async () => {
  const file = await tempFile();
  const first = new StateFileStorage(file);
  await first.setState(key, 'Form:age');
  await first.setData(key, { name: 'Grace' });
  assert.equal(await first.deleteState(key), true);
  await first.flush();
  const restarted = new StateFileStorage(file);
  assert.equal(await restarted.getState(key), undefined);
  assert.deepEqual(await restarted.getData(key), {});
});

test('resetData is written to the file: after a restart the data is empty, the state kept', async () => {
  const file = await tempFile();
  const first = new StateFileStorage(file);
  await first.setState(key, 'Form:age');
  await first.setData(key, { name: 'Grace' });
  await first.resetData(key);
  await first.flush();
  const restarted = new StateFileStorage(file);
  assert.equal(await restarted.getState(key), 'Form:age');
  assert.deepEqual(await restarted.getData(key), {});
});

test('a bot restarted after a finished form does not resume it', async () => {
  const emu = await BotApiEmulator.start();
  const file = await tempFile();
  let bot = formBot(emu, { stateStorage: new StateFileStorage(file) as StateStorage });
  try {
    let running = bot.runthebot({ longPollingTimeout: 1 });
    await say(emu, 7, '/form', 'What is your name?');
    await say(emu, 7, 'Grace', 'How old are you?');
    await say(emu, 7, '85', 'Grace is 85'); // the form ends with deleteState
    await bot.stopBot();
    await running;

    bot = formBot(emu, { stateStorage: new StateFileStorage(file) as StateStorage });
    running = bot.runthebot({ longPollingTimeout: 1 });
    await say(emu, 7, 'hello', 'echo hello');
    await bot.stopBot();
    await running;
  } finally {
    await stopQuietly(bot);
    await emu.stop();
  }
});
