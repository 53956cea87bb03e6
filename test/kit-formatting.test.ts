/** The emulator applies parse_mode and entities as Telegram does, with Telegram's parse errors. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BotApiEmulator } from '../src/testing/index.js';

type Answer = { ok: boolean; result?: any; description?: string };

describe('emulator formatting', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
  });
  after(() => emu.stop());

  async function send(params: Record<string, unknown>, method = 'sendMessage'): Promise<Answer> {
    const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 7, ...params }),
    });
    return (await res.json()) as Answer;
  }

  it('HTML: tags become entities with UTF-16 offsets, HTML entities are decoded', async () => {
    const answer = await send({
      text: '😀 <b>bold <i>both</i></b> &lt;tag&gt; <a href="https://e.com/?a=1&amp;b=2">link</a> <code>x</code>',
      parse_mode: 'HTML',
    });
    assert.equal(answer.result.text, '😀 bold both <tag> link x');
    assert.deepEqual(answer.result.entities, [
      { type: 'bold', offset: 3, length: 9 },
      { type: 'italic', offset: 8, length: 4 },
      { type: 'text_link', offset: 19, length: 4, url: 'https://e.com/?a=1&b=2' },
      { type: 'code', offset: 24, length: 1 },
    ]);
    const pre = await send({ text: '<pre><code class="language-ts">let a;</code></pre>', parse_mode: 'html' });
    assert.deepEqual(pre.result.entities, [{ type: 'pre', offset: 0, length: 6, language: 'ts' }]);
    const spoiler = await send({
      text: '<span class="tg-spoiler">s</span><tg-spoiler>t</tg-spoiler>',
      parse_mode: 'HTML',
    });
    assert.deepEqual(
      spoiler.result.entities.map((e: { type: string }) => e.type),
      ['spoiler', 'spoiler'],
    );
  });

  it("HTML: bad markup gets Telegram's errors", async () => {
    assert.equal(
      (await send({ text: '<b>bold', parse_mode: 'HTML' })).description,
      `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    );
    assert.equal(
      (await send({ text: 'é<foo>x</foo>', parse_mode: 'HTML' })).description,
      `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 2`,
    );
    assert.equal(
      (await send({ text: '<b>x</i>', parse_mode: 'HTML' })).description,
      `Bad Request: can't parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`,
    );
    assert.equal(
      (await send({ text: 'x</b>', parse_mode: 'HTML' })).description,
      `Bad Request: can't parse entities: Unexpected end tag at byte offset 1`,
    );
    assert.equal((await send({ text: 'x', parse_mode: 'Fancy' })).description, 'Bad Request: unsupported parse_mode');
    assert.equal(
      (await send({ text: '<b> </b>', parse_mode: 'HTML' })).description,
      'Bad Request: message text is empty',
    );
  });

  it('MarkdownV2: entities, escapes, and the reserved-character error', async () => {
    const answer = await send({
      text: '*bold _it_* __under__ ~del~ ||sp|| `co\\`de` [link](https://e.com) 1\\.5',
      parse_mode: 'MarkdownV2',
    });
    assert.equal(answer.result.text, 'bold it under del sp co`de link 1.5');
    assert.deepEqual(answer.result.entities, [
      { type: 'bold', offset: 0, length: 7 },
      { type: 'italic', offset: 5, length: 2 },
      { type: 'underline', offset: 8, length: 5 },
      { type: 'strikethrough', offset: 14, length: 3 },
      { type: 'spoiler', offset: 18, length: 2 },
      { type: 'code', offset: 21, length: 5 },
      { type: 'text_link', offset: 27, length: 4, url: 'https://e.com' },
    ]);
    assert.equal(
      (await send({ text: 'Hello!', parse_mode: 'MarkdownV2' })).description,
      "Bad Request: can't parse entities: Character '!' is reserved and must be escaped with the preceding '\\'",
    );
    assert.equal(
      (await send({ text: 'a *b', parse_mode: 'MarkdownV2' })).description,
      "Bad Request: can't parse entities: Can't find end of Bold entity at byte offset 2",
    );
    const pre = await send({ text: '```python\nprint(1)\n```', parse_mode: 'MarkdownV2' });
    assert.equal(pre.result.text, 'print(1)\n');
    assert.equal(pre.result.entities[0].language, 'python');
  });

  it('Markdown (legacy): entities and the unclosed-entity error', async () => {
    const answer = await send({ text: '*bold* _it_ `code` [a](https://e.com) snake\\_case', parse_mode: 'Markdown' });
    assert.equal(answer.result.text, 'bold it code a snake_case');
    assert.deepEqual(
      answer.result.entities.map((e: { type: string }) => e.type),
      ['bold', 'italic', 'code', 'text_link'],
    );
    assert.equal(
      (await send({ text: 'snake_case', parse_mode: 'Markdown' })).description,
      "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 5",
    );
  });

  it('explicit entities win over parse_mode; captions are parsed and limited after parsing', async () => {
    const answer = await send({
      text: '<b>x</b>',
      parse_mode: 'HTML',
      entities: [{ type: 'italic', offset: 0, length: 3 }],
    });
    assert.equal(answer.result.text, '<b>x</b>');
    assert.deepEqual(answer.result.entities, [{ type: 'italic', offset: 0, length: 3 }]);
    const photo = await send({ photo: 'https://e.com/p.jpg', caption: '<i>nice</i>', parse_mode: 'HTML' }, 'sendPhoto');
    assert.equal(photo.result.caption, 'nice');
    assert.deepEqual(photo.result.caption_entities, [{ type: 'italic', offset: 0, length: 4 }]);
    // 1030 characters of markup, 1020 of text: fine, since the limit counts the parsed caption.
    const long = await send(
      { photo: 'https://e.com/p.jpg', caption: `<b>${'a'.repeat(1020)}</b>`, parse_mode: 'HTML' },
      'sendPhoto',
    );
    assert.equal(long.ok, true);
    assert.equal(
      (await send({ photo: 'https://e.com/p.jpg', caption: 'a'.repeat(1025) }, 'sendPhoto')).description,
      'Bad Request: message caption is too long',
    );
    const edited = await send(
      { message_id: answer.result.message_id, text: '<u>new</u>', parse_mode: 'HTML' },
      'editMessageText',
    );
    assert.deepEqual(edited.result.entities, [{ type: 'underline', offset: 0, length: 3 }]);
  });
});
