import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as f from '../src/formatting/index.js';

test('escapeHtml escapes & < > and quotes', () => {
  assert.equal(
    f.escapeHtml(`<a href="x">Tom & 'Jerry'</a>`),
    '&lt;a href=&quot;x&quot;&gt;Tom &amp; &#x27;Jerry&#x27;&lt;/a&gt;',
  );
});

test('escapeMarkdownV2 escapes every special character and backslash', () => {
  const specials = '_*[]()~`>#+-=|{}.!\\';
  assert.equal(f.escapeMarkdownV2(specials), [...specials].map((char) => `\\${char}`).join(''));
  assert.equal(f.escapeMarkdownV2('Hello, world.'), 'Hello, world\\.');
  assert.equal(f.escapeMarkdownV2('a`b\\c*d', 'code'), 'a\\`b\\\\c*d');
  assert.equal(f.escapeMarkdownV2('a`b\\c*d', 'pre'), 'a\\`b\\\\c*d');
  assert.equal(f.escapeMarkdownV2('https://x.y/a_(b)\\', 'url'), 'https://x.y/a_(b\\)\\\\');
});

test('escapeMarkdown (pyTelegramBotAPI) does not double-escape', () => {
  assert.equal(f.escapeMarkdown('1.5 * 2 = 3!'), '1\\.5 \\* 2 \\= 3\\!');
  assert.equal(f.escapeMarkdown(f.escapeMarkdown('a_b.c')), 'a\\_b\\.c');
  assert.equal(f.escapeMarkdown('back\\slash'), 'back\\\\slash');
});

test('legacy Markdown escaping and escapeFor', () => {
  assert.equal(f.escapeMarkdownLegacy('snake_case *x* `y` [z]'), 'snake\\_case \\*x\\* \\`y\\` \\[z]');
  assert.equal(f.escapeFor('HTML', '<'), '&lt;');
  assert.equal(f.escapeFor('MarkdownV2', '.'), '\\.');
  assert.equal(f.escapeFor('Markdown', '_'), '\\_');
  assert.equal(f.escapeFor(null, '<_.'), '<_.');
});

test('HTML helpers', () => {
  assert.equal(f.hbold('a<b'), '<b>a&lt;b</b>');
  assert.equal(f.hbold('<i>x</i>', false), '<b><i>x</i></b>');
  assert.equal(f.hbold('<i>x</i>', { escape: false }), '<b><i>x</i></b>');
  assert.equal(f.hitalic('x'), '<i>x</i>');
  assert.equal(f.hunderline('x'), '<u>x</u>');
  assert.equal(f.hstrikethrough('x'), '<s>x</s>');
  assert.equal(f.hspoiler('x'), '<tg-spoiler>x</tg-spoiler>');
  assert.equal(f.hlink('a&b', 'https://e.x/?a=1&b="2"'), '<a href="https://e.x/?a=1&amp;b=&quot;2&quot;">a&amp;b</a>');
  assert.equal(f.hcode('a<b'), '<code>a&lt;b</code>');
  assert.equal(f.hpre('x<y'), '<pre>x&lt;y</pre>');
  assert.equal(f.hpre('print(1)', true, 'python'), '<pre><code class="language-python">print(1)</code></pre>');
  assert.equal(f.hpre('print(1)', { language: 'python' }), '<pre><code class="language-python">print(1)</code></pre>');
  assert.equal(f.hcite('q'), '<blockquote>q</blockquote>');
  assert.equal(f.hcite('q', true, true), '<blockquote expandable>q</blockquote>');
  assert.equal(f.hideLink('https://x.y'), '<a href="https://x.y">&#8288;</a>');
});

test('MarkdownV2 helpers', () => {
  assert.equal(f.mbold('a.b'), '*a\\.b*');
  assert.equal(f.mbold('a.b', false), '*a.b*');
  assert.equal(f.mitalic('x'), '_x_\r');
  assert.equal(f.munderline('x'), '__x__');
  assert.equal(f.mstrikethrough('x'), '~x~');
  assert.equal(f.mspoiler('x'), '||x||');
  assert.equal(f.mlink('site.com', 'https://site.com/a_(b)'), '[site\\.com](https://site.com/a_(b\\))');
  assert.equal(f.mcode('a`b.c'), '```\na\\`b.c```');
  assert.equal(f.mcode('x', 'js'), '```js\nx```');
  assert.equal(f.mcodeInline('a.b'), '`a.b`');
  assert.equal(f.mcite('one.\ntwo'), '>one\\.\n>two');
  assert.equal(f.mcite('q', true, true), '**>q||');
});

test('formatText joins with a separator', () => {
  assert.equal(f.formatText('a', 'b'), 'a\nb');
  assert.equal(f.formatText(f.hbold('a'), 'b', { separator: ' ' }), '<b>a</b> b');
});
