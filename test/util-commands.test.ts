import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  extractArguments,
  extractCommand,
  extractCommandTarget,
  extractEntity,
  isCommand,
  chunks,
  escape,
  userLink,
} from '../src/util/index.js';

test('extractCommand', () => {
  assert.equal(extractCommand('/start'), 'start');
  assert.equal(extractCommand('/start@my_bot args here'), 'start');
  assert.equal(extractCommand('/Start'), 'Start');
  assert.equal(extractCommand('/help\nsecond line'), 'help');
  assert.equal(extractCommand('/'), '');
  assert.equal(extractCommand('hello /start'), null);
  assert.equal(extractCommand(' /start'), null);
  assert.equal(extractCommand(''), null);
  assert.equal(extractCommand(undefined), null);
});

test('isCommand', () => {
  assert.equal(isCommand('/x'), true);
  assert.equal(isCommand('x/'), false);
  assert.equal(isCommand(null), false);
});

test('extractArguments', () => {
  assert.equal(extractArguments('/start@bot  arg1 arg2'), 'arg1 arg2');
  assert.equal(extractArguments('/start'), '');
  assert.equal(extractArguments('/start\nline one\nline two'), 'line one\nline two');
  assert.equal(extractArguments('no command'), null);
});

test('extractCommandTarget', () => {
  assert.deepEqual(extractCommandTarget('/start@my_bot deep-link'), {
    command: 'start',
    botUsername: 'my_bot',
    args: 'deep-link',
  });
  assert.deepEqual(extractCommandTarget('/start'), { command: 'start', args: '' });
  assert.deepEqual(extractCommandTarget('/start@ x'), { command: 'start', args: 'x' });
  assert.equal(extractCommandTarget('start'), null);
});

test('extractEntity uses UTF-16 offsets', () => {
  const text = '😀 /cmd@bot';
  assert.equal(extractEntity(text, { offset: 3, length: 8 }), '/cmd@bot');
});

test('chunks', () => {
  assert.deepEqual([...chunks([1, 2, 3, 4, 5], 2)], [[1, 2], [3, 4], [5]]);
  assert.deepEqual([...chunks([], 3)], []);
  assert.throws(() => [...chunks([1], 0)], RangeError);
});

test('escape and userLink', () => {
  assert.equal(escape('a & <b> "c"'), 'a &amp; &lt;b&gt; "c"');
  assert.equal(escape(null), null);
  assert.equal(userLink({ id: 42, first_name: 'A<b>' }), "<a href='tg://user?id=42'>A&lt;b&gt;</a>");
  assert.equal(userLink({ id: 42, first_name: 'Ann' }, true), "<a href='tg://user?id=42'>Ann</a> (<pre>42</pre>)");
  assert.equal(
    userLink({ id: 42, first_name: 'Ann' }, { includeId: true }),
    "<a href='tg://user?id=42'>Ann</a> (<pre>42</pre>)",
  );
});
