import { test } from 'node:test';
import assert from 'node:assert/strict';
import { smartSplit, splitString, MAX_MESSAGE_LENGTH } from '../src/util/index.js';

const hasBrokenPair = (part: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part);

test('splitString cuts hard at the limit and keeps the text', () => {
  assert.deepEqual(splitString('abcdefg', 3), ['abc', 'def', 'g']);
  assert.deepEqual(splitString('', 3), []);
  assert.deepEqual(splitString('abc', 3), ['abc']);
  assert.throws(() => splitString('abc', 0), RangeError);
});

test('splitString never cuts a surrogate pair', () => {
  const text = '😀'.repeat(5); // 10 UTF-16 units
  const parts = splitString(text, 3);
  assert.equal(parts.join(''), text);
  for (const part of parts) {
    assert.ok(part.length <= 3);
    assert.ok(!hasBrokenPair(part), JSON.stringify(part));
  }
});

test('smartSplit prefers the last newline, then ". ", then " "', () => {
  assert.deepEqual(smartSplit('aaa bbb. ccc\nddd eee', 15), ['aaa bbb. ccc\n', 'ddd eee']);
  assert.deepEqual(smartSplit('aaa bbb. ccc ddd eee', 15), ['aaa bbb. ', 'ccc ddd eee']);
  assert.deepEqual(smartSplit('aaa bbb ccc ddd eee', 10), ['aaa bbb ', 'ccc ddd ', 'eee']);
  assert.deepEqual(smartSplit('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
});

test('smartSplit keeps separators with their piece and loses nothing', () => {
  const text = Array.from({ length: 300 }, (_, i) => `Sentence number ${i}. ${i % 7 === 0 ? '\n' : ''}`).join('');
  const parts = smartSplit(text, 500);
  assert.equal(parts.join(''), text);
  for (const part of parts) assert.ok(part.length <= 500);
  assert.ok(parts.slice(0, -1).every((part) => part.endsWith('\n')));
});

test('smartSplit returns short text whole, including text exactly at the limit', () => {
  assert.deepEqual(smartSplit('hello'), ['hello']);
  assert.deepEqual(smartSplit(''), ['']);
  assert.deepEqual(smartSplit('ab\ncd', 5), ['ab\ncd']);
});

test('smartSplit accepts the limit as an options object', () => {
  assert.deepEqual(smartSplit('aaa bbb', { charsPerString: 4 }), ['aaa ', 'bbb']);
});

test('smartSplit caps the limit at 4096', () => {
  const parts = smartSplit('x'.repeat(10_000), 9000);
  assert.deepEqual(
    parts.map((part) => part.length),
    [MAX_MESSAGE_LENGTH, MAX_MESSAGE_LENGTH, 10_000 - 2 * MAX_MESSAGE_LENGTH],
  );
});

test('smartSplit never splits a surrogate pair (emoji without spaces, odd limit)', () => {
  const text = '😀🎉👍'.repeat(20); // 120 UTF-16 units, no separators
  for (const limit of [1, 3, 5, 7, 9, 11]) {
    const parts = smartSplit(text, limit);
    assert.equal(parts.join(''), text);
    for (const part of parts) {
      assert.ok(!hasBrokenPair(part), `limit ${limit}: ${JSON.stringify(part)}`);
      // A lone emoji may exceed a limit of 1: the only alternative is a broken character.
      assert.ok(part.length <= Math.max(limit, 2));
    }
  }
  assert.deepEqual(smartSplit('a😀b', 2), ['a', '😀', 'b']);
});

test('smartSplit with emoji before separators counts UTF-16 units', () => {
  const text = '😀😀 😀😀 😀😀';
  const parts = smartSplit(text, 6);
  assert.deepEqual(parts, ['😀😀 ', '😀😀 ', '😀😀']);
});
