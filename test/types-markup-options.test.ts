// Markup constructors take pyTelegramBotAPI's option names (`keyboard`, `rowWidth`) and refuse
// unknown options instead of serialising them as fields Telegram ignores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, types } from '../src/index.js';

const button = (text: string) => new types.InlineKeyboardButton(text, { callback_data: text });

test('InlineKeyboardMarkup({ keyboard, rowWidth }) sends the buttons as inline_keyboard', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    const markup = new types.InlineKeyboardMarkup({ keyboard: [[button('a')]], rowWidth: 2 });
    markup.add(button('b'), button('c'), button('d'));
    await bot.sendMessage(1, 'pick', { reply_markup: markup });
    assert.deepEqual(emu.callsOf('sendMessage')[0]!.params.reply_markup, {
      inline_keyboard: [
        [{ text: 'a', callback_data: 'a' }],
        [
          { text: 'b', callback_data: 'b' },
          { text: 'c', callback_data: 'c' },
        ],
        [{ text: 'd', callback_data: 'd' }],
      ],
    });
    assert.deepEqual(
      JSON.parse(JSON.stringify(new types.ReplyKeyboardMarkup({ keyboard: [['x']], resize_keyboard: true }))),
      {
        keyboard: [[{ text: 'x' }]],
        resize_keyboard: true,
      },
    );
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('unknown options are refused with a clear TypeError (and a hint for snake_case names)', () => {
  const untyped = types as unknown as Record<string, new (options: unknown) => unknown>;
  assert.throws(
    () => new untyped.InlineKeyboardMarkup!({ row_width: 2 }),
    /unknown option "row_width" \(did you mean "rowWidth"\?\)/,
  );
  assert.throws(
    () => new untyped.InlineKeyboardMarkup!({ buttons: [] }),
    /InlineKeyboardMarkup: unknown option "buttons"/,
  );
  assert.throws(
    () => new untyped.ReplyKeyboardMarkup!({ one_time: true }),
    /ReplyKeyboardMarkup: unknown option "one_time"/,
  );
  assert.throws(() => new untyped.ForceReply!({ placeholder: 'x' }), /ForceReply: unknown option/);
  assert.throws(() => new untyped.ReplyKeyboardRemove!({ remove: true }), /ReplyKeyboardRemove: unknown option/);
  assert.throws(() => new types.InlineKeyboardMarkup({ keyboard: [], inline_keyboard: [] }), /not both/);
  assert.throws(() => new untyped.InlineKeyboardMarkup!({ keyboard: [button('a')] }), /array of arrays/);
});
