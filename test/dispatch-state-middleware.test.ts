// states.StateMiddleware refuses what is not a bot with a message saying what to pass, and gives
// `data.state` to every update type that has a user (a reaction too), over real HTTP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { states } from '../src/index.js';
import { AsyncBotte } from '../src/async.js';
import { updateTypes } from '../src/util/constants.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();

test('new StateMiddleware(x) needs both setState and retrieveData, and says so', () => {
  const message = /^TypeError: new states\.StateMiddleware\(bot\): pass the bot \(anything with setState, getState/;
  assert.throws(() => new states.StateMiddleware(undefined as never), message);
  assert.throws(() => new states.StateMiddleware({ setState() {} } as never), message, 'retrieveData missing');
  assert.throws(() => new states.StateMiddleware({ retrieveData() {} } as never), message, 'setState missing');
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  const middleware = new states.StateMiddleware(bot);
  assert.deepEqual(middleware.updateTypes, [...updateTypes], 'it runs for every update type');
});

test('a reaction of a user gets its state through data.state', async () => {
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  bot.setupMiddleware(new states.StateMiddleware(bot));
  await bot.setState(6, 'reacting', -100);
  const seen: unknown[] = [];
  bot.messageReactionHandler({}, async (_reaction, data) => {
    const state = (data as states.StateHandlerData).state;
    seen.push(await state.get(), (data as states.StateHandlerData).stateContext === state);
  });
  emu.pushUpdate({
    message_reaction: {
      chat: { id: -100, type: 'supergroup', title: 'G' },
      message_id: 3,
      user: { id: 6, is_bot: false, first_name: 'R' },
      date: 1,
      old_reaction: [],
      new_reaction: [{ type: 'emoji', emoji: '👍' }],
    },
  } as never);
  try {
    const updates = await bot.getUpdates({ allowed_updates: [...updateTypes] });
    await bot.processNewUpdates(updates);
    assert.deepEqual(seen, ['reacting', true]);
  } finally {
    await bot.closeSession();
  }
});
