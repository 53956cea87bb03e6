// Names a pyTelegramBotAPI user looks for: message.id, user.fullName, types.Update.deJson,
// ExceptionHandler, the asyncio* module aliases in botte/async, State/StatesGroup/storages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import * as botte from '../src/index.js';
import * as botteAsync from '../src/async.js';
import { Botte, ExceptionHandler, types, type Message } from '../src/index.js';

test('message.id is message_id (typed, not enumerable, not in JSON); from.fullName is the full name', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    const seen: Message[] = [];
    bot.handleMsg({}, (message) => {
      seen.push(message);
    });
    emu.pushMessage('hi', {
      userId: 8,
      firstName: 'Ada',
      extra: { from: { id: 8, is_bot: false, first_name: 'Ada', last_name: 'Lovelace' } },
    });
    emu.pushMessage('yo', { userId: 9, firstName: 'Linus' });
    await bot.processNewUpdates(await bot.getUpdates());
    const [first, second] = seen;
    const id: number = first!.id;
    assert.equal(id, first!.message_id);
    assert.equal(Object.keys(first!).includes('id'), false);
    assert.equal('id' in JSON.parse(JSON.stringify(first)), false);
    assert.equal(first!.from!.fullName, 'Ada Lovelace');
    assert.equal(second!.from_user!.fullName, 'Linus');
    assert.equal('fullName' in JSON.parse(JSON.stringify(second!.from)), false);
    const sent = await bot.sendMessage(8, 'x');
    assert.equal(sent.id, sent.message_id, 'results of send methods have it too');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('types.Update.deJson (and Message, CallbackQuery, ...) parse JSON into what handlers get', () => {
  const json = JSON.stringify({
    update_id: 5,
    message: {
      message_id: 3,
      date: 1,
      chat: { id: 1, type: 'private' },
      text: 'hi',
      from: { id: 1, is_bot: false, first_name: 'A' },
    },
  });
  const update: types.Update = types.Update.deJson(json);
  assert.equal(update.update_id, 5);
  const message = update.message as Message;
  assert.equal(message.content_type, 'text');
  assert.equal(message.id, 3);
  const raw = { message_id: 4, date: 1, chat: { id: 1, type: 'private' }, photo: [] };
  const parsed = types.Message.deJson(raw);
  assert.equal(parsed.content_type, 'photo');
  assert.notEqual(parsed, raw, 'objects are copied, as pyTelegramBotAPI does');
  assert.equal(
    types.CallbackQuery.deJson({ id: 'q', from: { id: 1 }, chat_instance: 'c', data: 'd', message: raw }).message &&
      true,
    true,
  );
  assert.equal(types.User.deJson(null), undefined);
  assert.throws(() => types.Update.deJson('{oops'), /types\.Update\.deJson: not valid JSON/);
  assert.throws(() => types.Chat.deJson('[1]'), /expected a JSON object/);
});

test('ExceptionHandler: a subclass with handle(exception) receives handler errors', async () => {
  const emu = await BotApiEmulator.start();
  const caught: unknown[] = [];
  class MyHandler extends ExceptionHandler {
    override handle(exception: unknown) {
      caught.push(exception);
      return true;
    }
  }
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler: new MyHandler() });
  try {
    bot.handleMsg({}, () => {
      throw new Error('boom');
    });
    emu.pushMessage('x');
    await bot.processNewUpdates(await bot.getUpdates());
    assert.equal((caught[0] as Error).message, 'boom');
    assert.equal(new ExceptionHandler().handle(new Error('x')), false, 'the base class handles nothing');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('import locations: asyncioFilters/asyncioHandlerBackends/asyncioStorage in botte/async; State, StatesGroup, storages in botte', () => {
  assert.equal(botteAsync.asyncioFilters.StateFilter, botte.customFilters.StateFilter);
  assert.equal(botteAsync.asyncioFilters.AdvancedCustomFilter, botte.customFilters.AdvancedCustomFilter);
  assert.equal(botteAsync.asyncioHandlerBackends.BaseMiddleware, botte.handlerBackends.BaseMiddleware);
  assert.equal(botteAsync.asyncioHandlerBackends.StatesGroup, botte.StatesGroup);
  assert.equal(botteAsync.asyncioStorage.StateMemoryStorage, botte.StateMemoryStorage);
  assert.equal(botte.storage.StateRedisStorage, botte.StateRedisStorage);
  assert.equal(botte.states.State, botte.State);
  assert.equal(typeof botte.states.StateMiddleware, 'function');
  assert.equal(typeof botte.callbackData.CallbackData, 'function');
});
