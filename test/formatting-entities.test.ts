import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageEntity } from '../src/api/generated/telegram-types.js';
import { applyHtmlEntities, applyMarkdownV2Entities } from '../src/formatting/index.js';

const e = (type: string, offset: number, length: number, extra: Record<string, unknown> = {}) =>
  ({ type, offset, length, ...extra }) as MessageEntity;

test('applyHtmlEntities: plain text is escaped, no entities', () => {
  assert.equal(applyHtmlEntities('a < b & c', []), 'a &lt; b &amp; c');
  assert.equal(applyHtmlEntities('x', undefined), 'x');
});

test('applyHtmlEntities: nested entities', () => {
  // "bold italic bold": bold 0..16, italic 5..11
  const text = 'bold italic bold';
  assert.equal(applyHtmlEntities(text, [e('bold', 0, 16), e('italic', 5, 6)]), '<b>bold <i>italic</i> bold</b>');
  // Same range: the first entity is the outer one.
  assert.equal(applyHtmlEntities('xy', [e('bold', 0, 2), e('italic', 0, 2)]), '<b><i>xy</i></b>');
  // Inner entity listed first still nests correctly.
  assert.equal(applyHtmlEntities(text, [e('italic', 5, 6), e('bold', 0, 16)]), '<b>bold <i>italic</i> bold</b>');
  // Three levels, inner ending together with outer.
  assert.equal(
    applyHtmlEntities('abcdef', [e('underline', 0, 6), e('bold', 2, 4), e('italic', 4, 2)]),
    '<u>ab<b>cd<i>ef</i></b></u>',
  );
});

test('applyHtmlEntities: adjacent entities and partial overlaps stay well-formed', () => {
  assert.equal(applyHtmlEntities('aabb', [e('bold', 0, 2), e('italic', 2, 2)]), '<b>aa</b><i>bb</i>');
  assert.equal(applyHtmlEntities('aabb', [e('bold', 0, 2), e('bold', 2, 2)]), '<b>aa</b><b>bb</b>');
  // Crossing entities (Telegram would not send them) are split so tags never interleave.
  assert.equal(applyHtmlEntities('abcdef', [e('bold', 0, 4), e('italic', 2, 4)]), '<b>ab<i>cd</i></b><i>ef</i>');
});

test('applyHtmlEntities: UTF-16 offsets with emoji before and inside entities', () => {
  const text = '😀 hi 👍🏽 there';
  // '😀' is 2 units, ' hi ' starts at 2; 'hi' at 3..5; '👍🏽' = 4 units at 6..10
  assert.equal(applyHtmlEntities(text, [e('bold', 3, 2)]), '😀 <b>hi</b> 👍🏽 there');
  assert.equal(applyHtmlEntities(text, [e('italic', 6, 4), e('bold', 3, 13)]), '😀 <b>hi <i>👍🏽</i> there</b>');
  assert.equal(applyHtmlEntities('👨‍👩‍👧 <x>', [e('code', 9, 3)]), '👨‍👩‍👧 <code>&lt;x&gt;</code>');
});

test('applyHtmlEntities: every entity type with attributes', () => {
  const user = { id: 7, is_bot: false, first_name: 'A' };
  const html = applyHtmlEntities('L M C P Q S T', [
    e('text_link', 0, 1, { url: 'https://x.y/?a=1&b="2"' }),
    e('text_mention', 2, 1, { user }),
    e('custom_emoji', 4, 1, { custom_emoji_id: '555' }),
    e('pre', 6, 1, { language: 'python' }),
    e('blockquote', 8, 1),
    e('spoiler', 10, 1),
    e('date_time', 12, 1, { unix_time: 1647531900, date_time_format: 'wDT' }),
  ]);
  assert.equal(
    html,
    '<a href="https://x.y/?a=1&amp;b=&quot;2&quot;">L</a> <a href="tg://user?id=7">M</a> ' +
      '<tg-emoji emoji-id="555">C</tg-emoji> <pre><code class="language-python">P</code></pre> ' +
      '<blockquote>Q</blockquote> <tg-spoiler>S</tg-spoiler> <tg-time unix="1647531900" format="wDT">T</tg-time>',
  );
  // Auto-detected entity types stay plain.
  assert.equal(applyHtmlEntities('@user #tag', [e('mention', 0, 5), e('hashtag', 6, 4)]), '@user #tag');
  assert.equal(applyHtmlEntities('q', [e('expandable_blockquote', 0, 1)]), '<blockquote expandable>q</blockquote>');
});

test('applyHtmlEntities: custom substitutions', () => {
  const html = applyHtmlEntities('ab', [e('spoiler', 0, 1), e('text_link', 1, 1, { url: 'u&' })], {
    spoiler: '<span class="tg-spoiler">{text}</span>',
    text_link: (entity) => [`<a data-x="${(entity as { url: string }).url.length}">`, '</a>'],
  });
  assert.equal(html, '<span class="tg-spoiler">a</span><a data-x="2">b</a>');
  assert.equal(applyHtmlEntities('ab', [e('bold', 0, 2)], { bold: null }), 'ab');
  assert.equal(
    applyHtmlEntities('ab', [e('text_link', 0, 2, { url: '<x>' })], { text_link: '<a href="{url}">{text}</a>' }),
    '<a href="&lt;x&gt;">ab</a>',
  );
});

test('applyHtmlEntities: out-of-range and empty entities are harmless', () => {
  assert.equal(applyHtmlEntities('abc', [e('bold', 1, 100), e('italic', 0, 0)]), 'a<b>bc</b>');
});

test('applyMarkdownV2Entities: nesting, escaping and code', () => {
  const text = 'bold italic. x';
  assert.equal(applyMarkdownV2Entities(text, [e('bold', 0, 12), e('italic', 5, 7)]), '*bold _italic\\._* x');
  assert.equal(applyMarkdownV2Entities('a`b.c', [e('code', 0, 5)]), '`a\\`b.c`');
  assert.equal(applyMarkdownV2Entities('print(1)', [e('pre', 0, 8, { language: 'py' })]), '```py\nprint(1)```');
  assert.equal(
    applyMarkdownV2Entities('site', [e('text_link', 0, 4, { url: 'https://a.b/(c)' })]),
    '[site](https://a.b/(c\\))',
  );
  // Italic directly around underline: '\r' keeps '_' and '__' apart.
  assert.equal(applyMarkdownV2Entities('x', [e('italic', 0, 1), e('underline', 0, 1)]), '_\r__x__\r_');
  // Entities inside code cannot be expressed and are dropped.
  assert.equal(applyMarkdownV2Entities('abc', [e('code', 0, 3), e('bold', 1, 1)]), '`abc`');
  // Emoji offsets.
  assert.equal(applyMarkdownV2Entities('😀 go!', [e('bold', 3, 3)]), '😀 *go\\!*');
});

test('applyMarkdownV2Entities: block quotations', () => {
  assert.equal(applyMarkdownV2Entities('one\ntwo\nafter', [e('blockquote', 0, 8)]), '>one\n>two\nafter');
  assert.equal(applyMarkdownV2Entities('one\ntwo', [e('expandable_blockquote', 0, 7)]), '**>one\n>two||');
});
