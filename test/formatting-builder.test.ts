import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FormattedText,
  bold,
  code,
  concat,
  fmt,
  italic,
  join,
  link,
  mention,
  pre,
  customEmoji,
  dateTime,
} from '../src/formatting/index.js';

test('fmt with nested bold(italic()) gives correct offsets', () => {
  const message = fmt`Hi ${bold('dear ', italic('friend'))}!`;
  assert.equal(message.text, 'Hi dear friend!');
  assert.deepEqual(message.entities, [
    { type: 'bold', offset: 3, length: 11 },
    { type: 'italic', offset: 8, length: 6 },
  ]);
  assert.equal(message.toHtml(), 'Hi <b>dear <i>friend</i></b>!');
  assert.equal(message.toMarkdownV2(), 'Hi *dear _friend_*\\!');
});

test('offsets are UTF-16 code units after emoji', () => {
  const message = fmt`😀👍🏽 ${bold('😀', italic('x'))} ${code('y')}`;
  assert.equal(message.text, '😀👍🏽 😀x y');
  assert.deepEqual(message.entities, [
    { type: 'bold', offset: 7, length: 3 },
    { type: 'italic', offset: 9, length: 1 },
    { type: 'code', offset: 11, length: 1 },
  ]);
  assert.equal(message.text.slice(9, 10), 'x');
});

test('join, concat and wrappers with options', () => {
  const user = { id: 1, is_bot: false, first_name: 'Ann' };
  const list = join([bold('a'), 'b', link('c', 'https://c.d')], ', ');
  assert.equal(list.text, 'a, b, c');
  assert.deepEqual(list.entities, [
    { type: 'bold', offset: 0, length: 1 },
    { type: 'text_link', offset: 6, length: 1, url: 'https://c.d' },
  ]);
  const all = concat(
    mention('Ann', user),
    ' ',
    pre('x = 1', 'python'),
    ' ',
    customEmoji('👍', '123'),
    ' ',
    dateTime('now', 1700000000, 'r'),
  );
  assert.deepEqual(
    all.entities.map((entity) => entity.type),
    ['text_mention', 'pre', 'custom_emoji', 'date_time'],
  );
  assert.deepEqual(all.entities[1], { type: 'pre', offset: 4, length: 5, language: 'python' });
  assert.deepEqual(all.entities[2], { type: 'custom_emoji', offset: 10, length: 2, custom_emoji_id: '123' });
  assert.deepEqual(bold('').entities, []);
  assert.equal(String(bold('x', 1, true)), 'x1true');
});

test('FormattedText round-trips a message and produces send options', () => {
  const source = FormattedText.fromMessage({ text: 'hello world', entities: [{ type: 'bold', offset: 6, length: 5 }] });
  const combined = source.concat(' ', italic('!'));
  assert.deepEqual(combined.toMessage(), {
    text: 'hello world !',
    entities: [
      { type: 'bold', offset: 6, length: 5 },
      { type: 'italic', offset: 12, length: 1 },
    ],
  });
  assert.deepEqual(FormattedText.fromMessage({ caption: 'c', caption_entities: [] }).toCaption(), {
    caption: 'c',
    caption_entities: [],
  });
  assert.equal(combined.length, 13);
});
