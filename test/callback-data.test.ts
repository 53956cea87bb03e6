// callbackData.CallbackData / CallbackDataFilter (pyTelegramBotAPI's callback_data module):
// building, parsing typed to the declared parts, the 64-byte limit, and filtering real callback
// queries from the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, callbackData } from '../src/index.js';

const { CallbackData, CallbackDataError, CallbackDataTooLongError } = callbackData;

test('new() by name or position, parse() back to the declared parts with "@" = prefix', () => {
  const factory = new CallbackData('id', 'action', { prefix: 'products' });
  assert.equal(factory.new({ id: 42, action: 'buy' }), 'products:42:buy');
  assert.equal(factory.new(42, 'buy'), 'products:42:buy');
  const parsed = factory.parse('products:42:buy');
  assert.deepEqual({ ...parsed }, { '@': 'products', id: '42', action: 'buy' });
  // Typed: parse() has exactly the declared fields.
  const id: string = parsed.id;
  assert.equal(id, '42');
  // @ts-expect-error not a declared part
  void parsed.price;
  assert.equal(new CallbackData('a', { prefix: 'p', sep: '|' }).new({ a: 'x:y' }), 'p|x:y');
});

test('bad values and bad data are refused with a typed CallbackDataError', () => {
  const factory = new CallbackData('id', 'action', { prefix: 'products' });
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      assert.ok(error instanceof CallbackDataError);
      return error.code;
    }
    assert.fail('did not throw');
  };
  assert.equal(
    code(() => factory.new({ id: 1 } as never)),
    'MISSING_VALUE',
  );
  assert.equal(
    code(() => factory.new({ id: 'a:b', action: 'x' })),
    'BAD_VALUE',
  );
  assert.equal(
    code(() => factory.new(1, 2, 3)),
    'TOO_MANY_VALUES',
  );
  assert.equal(
    code(() => factory.new({ id: 1, action: 2, extra: 3 } as never)),
    'TOO_MANY_VALUES',
  );
  assert.equal(
    code(() => factory.parse('other:1:buy')),
    'WRONG_PREFIX',
  );
  assert.equal(
    code(() => factory.parse('products:1')),
    'WRONG_PARTS',
  );
  assert.equal(
    code(() => new CallbackData('id', {} as never)),
    'BAD_DEFINITION',
  );
  assert.equal(
    code(() => factory.filter({ price: 1 } as never)),
    'BAD_DEFINITION',
  );
});

test('the 64-byte limit counts UTF-8 bytes and throws CallbackDataTooLongError', () => {
  const factory = new CallbackData('text', { prefix: 'p' });
  assert.equal(factory.new({ text: 'x'.repeat(62) }).length, 64);
  assert.throws(
    () => factory.new({ text: 'x'.repeat(63) }),
    (error: unknown) => error instanceof CallbackDataTooLongError && error.bytes === 65 && error.code === 'TOO_LONG',
  );
  // 21 three-byte characters: 2 + 63 bytes although only 23 characters.
  assert.throws(() => factory.new({ text: '€'.repeat(21) }), CallbackDataTooLongError);
});

test('filter(): values or lists per part; with CallbackDataCustomFilter it routes real callback queries', async () => {
  const factory = new CallbackData('id', 'action', { prefix: 'products' });
  const buy = factory.filter({ action: 'buy' });
  assert.equal(buy.check({ data: 'products:1:buy' }), true);
  assert.equal(buy.check({ data: 'products:1:sell' }), false);
  assert.equal(buy.check({ data: 'other:1:buy' }), false, 'foreign data does not match, it does not throw');
  assert.equal(factory.filter({ id: [1, 2] }).check('products:2:x'), true);

  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    bot.addCustomFilter(new callbackData.CallbackDataCustomFilter());
    const seen: string[] = [];
    bot.callbackQueryHandler({ config: factory.filter({ action: 'buy' }) }, (query) => {
      seen.push(`buy ${factory.parse(query.data!).id}`);
    });
    bot.callbackQueryHandler({ config: factory.filter() }, (query) => {
      seen.push(`other ${query.data}`);
    });
    emu.pushCallbackQuery(factory.new(7, 'buy'));
    emu.pushCallbackQuery(factory.new(8, 'sell'));
    emu.pushCallbackQuery('unrelated');
    for (const update of await bot.getUpdates()) await bot.processNewUpdates([update]);
    assert.deepEqual(seen, ['buy 7', 'other products:8:sell']);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
