import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Tg from '../src/api/generated/telegram-types.js';
import * as types from '../src/types/index.js';

const json = (value: unknown): string => JSON.stringify(value);

test('ReplyKeyboardMarkup.add wraps each call at rowWidth and never tops up the last row', () => {
  const markup = new types.ReplyKeyboardMarkup({ rowWidth: 2, resize_keyboard: true });
  markup.add(new types.KeyboardButton('a'), new types.KeyboardButton('v'), new types.KeyboardButton('d'));
  markup.add('x');
  markup.add('y', 'z');
  assert.equal(
    json(markup),
    '{"keyboard":[[{"text":"a"},{"text":"v"}],[{"text":"d"}],[{"text":"x"}],[{"text":"y"},{"text":"z"}]],"resize_keyboard":true}',
  );
});

test('ReplyKeyboardMarkup defaults to 3 per row; row() adds exactly one row; strings become {text}', () => {
  const markup = new types.ReplyKeyboardMarkup();
  markup.add('1', '2', '3', '4').row('a', new types.KeyboardButton('v')).row('c', 'd', 'e');
  assert.deepEqual(JSON.parse(json(markup)), {
    keyboard: [
      [{ text: '1' }, { text: '2' }, { text: '3' }],
      [{ text: '4' }],
      [{ text: 'a' }, { text: 'v' }],
      [{ text: 'c' }, { text: 'd' }, { text: 'e' }],
    ],
  });
  assert.equal(json(new types.ReplyKeyboardMarkup()), '{"keyboard":[]}');
});

test('ReplyKeyboardMarkup clamps rowWidth to 1..12 and keeps it out of the JSON', () => {
  const wide = new types.ReplyKeyboardMarkup({ rowWidth: 50 });
  assert.equal(wide.rowWidth, 12);
  wide.add(...Array.from({ length: 13 }, (_, i) => String(i)));
  assert.deepEqual(
    wide.keyboard.map((row) => row.length),
    [12, 1],
  );
  assert.equal(new types.ReplyKeyboardMarkup({ rowWidth: 0 }).rowWidth, 1);
  assert.ok(!json(wide).includes('rowWidth'));
  assert.ok(!Object.keys(wide).includes('rowWidth'));
  const many = new types.ReplyKeyboardMarkup().row(...Array.from({ length: 14 }, (_, i) => String(i)));
  assert.deepEqual(
    many.keyboard.map((row) => row.length),
    [12, 2],
  );
});

test('ReplyKeyboardMarkup keeps falsy options and serialises every documented field', () => {
  const markup = new types.ReplyKeyboardMarkup({
    resize_keyboard: false,
    one_time_keyboard: true,
    selective: false,
    input_field_placeholder: '',
    is_persistent: false,
    keyboard: [['a', { text: 'b', request_location: true }]],
  });
  assert.deepEqual(JSON.parse(json(markup)), {
    keyboard: [[{ text: 'a' }, { text: 'b', request_location: true }]],
    resize_keyboard: false,
    one_time_keyboard: true,
    selective: false,
    input_field_placeholder: '',
    is_persistent: false,
  });
});

test('KeyboardButton serialises its request fields; undefined options leave no keys', () => {
  const button = new types.KeyboardButton('Share', { request_contact: true, request_location: undefined });
  assert.equal(json(button), '{"text":"Share","request_contact":true}');
  assert.deepEqual(Object.keys(button), ['text', 'request_contact']);
  const poll = new types.KeyboardButton('Poll', { request_poll: new types.KeyboardButtonPollType('quiz') });
  assert.equal(json(poll), '{"text":"Poll","request_poll":{"type":"quiz"}}');
  assert.equal(json(new types.KeyboardButtonPollType()), '{}');
  const app = new types.KeyboardButton('App', { web_app: new types.WebAppInfo('https://x.y') });
  assert.equal(json(app), '{"text":"App","web_app":{"url":"https://x.y"}}');
});

test('ReplyKeyboardRemove and ForceReply', () => {
  assert.equal(json(new types.ReplyKeyboardRemove()), '{"remove_keyboard":true}');
  assert.equal(json(new types.ReplyKeyboardRemove({ selective: false })), '{"remove_keyboard":true,"selective":false}');
  assert.equal(json(new types.ForceReply()), '{"force_reply":true}');
  assert.deepEqual(JSON.parse(json(new types.ForceReply({ selective: true, input_field_placeholder: 'word' }))), {
    force_reply: true,
    selective: true,
    input_field_placeholder: 'word',
  });
});

test('InlineKeyboardMarkup wraps at rowWidth (max 8) and row() adds one row', () => {
  const markup = new types.InlineKeyboardMarkup({ rowWidth: 2 });
  markup.add(
    new types.InlineKeyboardButton('Yes', { callback_data: 'yes' }),
    new types.InlineKeyboardButton('No', { callback_data: 'no' }),
    new types.InlineKeyboardButton('Site', { url: 'https://example.com' }),
  );
  markup.row({ text: 'plain', callback_data: 'p' });
  assert.equal(
    json(markup),
    '{"inline_keyboard":[[{"text":"Yes","callback_data":"yes"},{"text":"No","callback_data":"no"}],' +
      '[{"text":"Site","url":"https://example.com"}],[{"text":"plain","callback_data":"p"}]]}',
  );
  assert.equal(new types.InlineKeyboardMarkup({ rowWidth: 20 }).rowWidth, 8);
  assert.equal(new types.InlineKeyboardMarkup().rowWidth, 3);
});

test('InlineKeyboardButton keeps falsy values such as switch_inline_query: ""', () => {
  const button = new types.InlineKeyboardButton('Share', { switch_inline_query: '' });
  assert.equal(json(button), '{"text":"Share","switch_inline_query":""}');
  assert.ok(button instanceof types.InlineKeyboardButton);
  assert.equal(types.InlineKeyboardButton.name, 'InlineKeyboardButton');
  const all = [
    new types.InlineKeyboardButton('a', { switch_inline_query_current_chat: '' }),
    new types.InlineKeyboardButton('b', {
      switch_inline_query_chosen_chat: new types.SwitchInlineQueryChosenChat({ query: '', allow_user_chats: false }),
    }),
    new types.InlineKeyboardButton('c', { copy_text: new types.CopyTextButton('code') }),
    new types.InlineKeyboardButton('d', {
      login_url: new types.LoginUrl('https://a.b', { request_write_access: false }),
    }),
    new types.InlineKeyboardButton('e', { web_app: new types.WebAppInfo('https://app') }),
    new types.InlineKeyboardButton('f', { callback_game: {} }),
    new types.InlineKeyboardButton('g', { pay: true, style: 'primary' }),
  ];
  assert.deepEqual(JSON.parse(json(all)), [
    { text: 'a', switch_inline_query_current_chat: '' },
    { text: 'b', switch_inline_query_chosen_chat: { query: '', allow_user_chats: false } },
    { text: 'c', copy_text: { text: 'code' } },
    { text: 'd', login_url: { url: 'https://a.b', request_write_access: false } },
    { text: 'e', web_app: { url: 'https://app' } },
    { text: 'f', callback_game: {} },
    { text: 'g', pay: true, style: 'primary' },
  ]);
});

test('the classes are assignable to the Telegram types (compile-time)', () => {
  const reply: Tg.ReplyKeyboardMarkup = new types.ReplyKeyboardMarkup();
  const inline: Tg.InlineKeyboardMarkup = new types.InlineKeyboardMarkup();
  const button: Tg.InlineKeyboardButton = new types.InlineKeyboardButton('x', { callback_data: 'x' });
  const keyButton: Tg.KeyboardButton = new types.KeyboardButton('x');
  const remove: Tg.ReplyKeyboardRemove = new types.ReplyKeyboardRemove();
  const force: Tg.ForceReply = new types.ForceReply();
  const markups: (Tg.InlineKeyboardMarkup | Tg.ReplyKeyboardMarkup | Tg.ReplyKeyboardRemove | Tg.ForceReply)[] = [
    reply,
    inline,
    remove,
    force,
  ];
  // @ts-expect-error a button needs one of url, callback_data, ...
  void new types.InlineKeyboardButton('x', { callbak_data: 'typo' });
  assert.equal(markups.length, 4);
  assert.ok(button && keyButton);
});
