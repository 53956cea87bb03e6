// states.StateMiddleware: every handler gets `(data as states.StateHandlerData).state` (a StateContext) on sync and async bots,
// with every built-in storage, keyed by chat, user, forum topic and business connection.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Botte, customFilters, states, StatesGroup, type StateStorage } from '../src/index.js';
import { AsyncBotte } from '../src/async.js';
import { updateTypes } from '../src/util/constants.js';
import type { Message } from '../src/types/message.js';
import { useEmulator } from './emulator-harness.js';

class Registration extends StatesGroup {
  static override name = this.state();
  static age = this.state();
}

const emu = await useEmulator({ resetEachTest: true });

/** Fetches the pending updates and hands them to the bot. */
function feeder(bot: Botte) {
  let offset: number | undefined;
  return async () => {
    const updates = await bot.getUpdates({ offset, allowed_updates: [...updateTypes] });
    if (updates.length > 0) offset = updates[updates.length - 1]!.update_id + 1;
    await bot.processNewUpdates(updates);
  };
}

/** pyTelegramBotAPI's custom_states example, with `(data as states.StateHandlerData).state` instead of bot.setState(...). */
function registrationBot(bot: Botte) {
  bot.setupMiddleware(new states.StateMiddleware(bot));
  bot.addCustomFilter(new customFilters.StateFilter(bot));
  const handle = (filters: any, fn: (m: Message, state: states.StateContext) => Promise<unknown>) => {
    bot.handleMsg(filters, (message, data) => fn(message, (data as states.StateHandlerData).state));
    bot.businessMessageHandler(filters, (message, data) =>
      fn(message as Message, (data as states.StateHandlerData).state),
    );
  };
  handle({ commands: ['start'] }, async (message, state) => {
    await state.set(Registration.name);
    await bot.sendMessage(message.chat.id, 'What is your name?');
  });
  handle({ state: Registration.name }, async (message, state) => {
    await state.addData({ name: message.text });
    await state.set(Registration.age);
    await bot.sendMessage(message.chat.id, 'How old are you?');
  });
  handle({ state: Registration.age }, async (message, state) => {
    const data = await state.data();
    await state.delete();
    await bot.sendMessage(message.chat.id, `${data.name} is ${message.text}`);
  });
  return bot;
}

const texts = () => emu.callsOf('sendMessage').map((call) => call.params.text);

const storages: Array<[string, () => StateStorage]> = [
  ['memory', () => new states.StateMemoryStorage()],
  [
    'file',
    () => new states.StateFileStorage(join(mkdtempSync(join(tmpdir(), 'botte-mw-')), 'states.json')) as StateStorage,
  ],
];

for (const [storageName, makeStorage] of storages) {
  for (const [botName, makeBot] of [
    [
      'Botte (useClassMiddlewares)',
      () => new Botte(emu.token, { apiUrl: emu.apiUrl, useClassMiddlewares: true, stateStorage: makeStorage() }),
    ],
    ['AsyncBotte', () => new AsyncBotte(emu.token, { apiUrl: emu.apiUrl, stateStorage: makeStorage() })],
  ] as const) {
    describe(`StateMiddleware on ${botName} with the ${storageName} storage`, () => {
      test('a whole conversation through (data as states.StateHandlerData).state: set, addData, data, delete', async () => {
        const bot = registrationBot(makeBot());
        const feed = feeder(bot);
        for (const text of ['/start', 'Ada', '36', 'after']) {
          emu.pushMessage(text, { userId: 5 });
          await feed();
        }
        assert.deepEqual(texts(), ['What is your name?', 'How old are you?', 'Ada is 36']);
        assert.equal(await bot.getState(5, 5), undefined);
        await bot.closeSession();
      });

      test('keys: one state per forum topic, per business connection, per user in a group', async () => {
        const bot = registrationBot(makeBot());
        const feed = feeder(bot);
        const group = -1001000000001;
        emu.pushMessage('/start', {
          chatType: 'supergroup',
          chatId: group,
          userId: 7,
          extra: { is_topic_message: true, message_thread_id: 11 },
        });
        emu.pushMessage('/start', { chatType: 'supergroup', chatId: group, userId: 8 });
        emu.pushUpdate({
          business_message: {
            message_id: 1,
            date: 1,
            text: '/start',
            business_connection_id: 'bc-1',
            chat: { id: 9, type: 'private', first_name: 'B' },
            from: { id: 9, is_bot: false, first_name: 'B' },
            entities: [{ type: 'bot_command', offset: 0, length: 6 }],
          },
        } as never);
        await feed();
        const name = String(Registration.name);
        assert.equal(await bot.getState(7, group, 11), name, 'the topic keeps its own state');
        assert.equal(await bot.getState(7, group), undefined, 'not the whole group');
        assert.equal(await bot.getState(8, group), name);
        assert.equal(await bot.getState(9, 9, undefined, 'bc-1'), name, 'keyed by the business connection');
        assert.equal(await bot.getState(9, 9), undefined);
        await bot.closeSession();
      });
    });
  }
}

describe('StateMiddleware', () => {
  test('callback queries get the state of their chat and user; a Poll update gets none', async () => {
    const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
    bot.setupMiddleware(new states.StateMiddleware(bot));
    const seen: unknown[] = [];
    bot.callbackQueryHandler({}, async (_query, data) => {
      await (data as states.StateHandlerData).state.set('picked');
      seen.push(
        await (data as states.StateHandlerData).state.get(),
        (data as states.StateHandlerData).stateContext === (data as states.StateHandlerData).state,
      );
    });
    let pollHasState: boolean | undefined;
    bot.pollHandler({}, (_poll, data) => {
      pollHasState = 'state' in data;
    });
    const feed = feeder(bot);
    emu.pushCallbackQuery('x', { userId: 4 });
    emu.pushUpdate({
      poll: {
        id: 'p',
        question: 'q',
        options: [],
        total_voter_count: 0,
        is_closed: false,
        is_anonymous: true,
        type: 'regular',
        allows_multiple_answers: false,
      },
    } as never);
    await feed();
    assert.deepEqual(seen, ['picked', true]);
    assert.equal(pollHasState, false);
    assert.equal(await bot.getState(4, 4), 'picked');
    await bot.closeSession();
  });

  test('StateContext also has reset() and resetData(), keeping the state', async () => {
    const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
    bot.setupMiddleware(new states.StateMiddleware(bot));
    const seen: unknown[] = [];
    bot.handleMsg({}, async (_m, data) => {
      await (data as states.StateHandlerData).state.set('s');
      await (data as states.StateHandlerData).state.addData({ a: 1 });
      await (data as states.StateHandlerData).state.reset();
      seen.push(
        await (data as states.StateHandlerData).state.data(),
        await (data as states.StateHandlerData).state.get(),
      );
    });
    emu.pushMessage('hi');
    await feeder(bot)();
    assert.deepEqual(seen, [{}, 's']);
    await bot.closeSession();
  });

  test('a plain Botte still asks for useClassMiddlewares, as pyTelegramBotAPI does', () => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    assert.throws(() => bot.setupMiddleware(new states.StateMiddleware(bot)), /useClassMiddlewares/);
    assert.throws(() => new states.StateMiddleware({} as never), TypeError);
  });
});
