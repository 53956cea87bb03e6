// pyTelegramBotAPI's default parse mode (`TeleBot(token, parse_mode='HTML')`) also formats album
// captions (send_media_group gives it to every item without one) and poll texts (send_poll fills
// question_parse_mode, explanation_parse_mode and description_parse_mode). Botte's `parseMode`
// used to reach neither: an album caption '<b>New</b>' arrived with its tags as text. Now it does,
// and an item's own parse_mode or entities still win. Real emulator (it applies parse modes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('the default parse mode formats album captions that have none of their own', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
  try {
    const own = new types.InputMediaPhoto('https://example.com/c.jpg', { caption: '*c*', parse_mode: 'MarkdownV2' });
    const sent = await bot.sendMediaGroup(1001, [
      new types.InputMediaPhoto('https://example.com/a.jpg', { caption: '<b>New</b> album' }),
      new types.InputMediaPhoto(Buffer.from('b'), { caption: 'plain <i>b</i>' }),
      own,
      new types.InputMediaPhoto('https://example.com/d.jpg', {
        caption: '<b>kept</b>',
        caption_entities: [{ type: 'italic', offset: 0, length: 4 }],
      }),
      new types.InputMediaPhoto('https://example.com/e.jpg'),
    ]);
    assert.equal(sent[0]!.caption, 'New album');
    assert.deepEqual(sent[0]!.caption_entities, [{ type: 'bold', offset: 0, length: 3 }]);
    assert.equal(sent[1]!.caption, 'plain b');
    assert.equal(sent[2]!.caption, 'c', "an item's own parse_mode wins");
    assert.equal(sent[3]!.caption, '<b>kept</b>', 'explicit entities are not overridden');
    const media = emu.calls.at(-1)!.params.media as Record<string, unknown>[];
    assert.equal(media[4]!.parse_mode, undefined, 'no caption, no parse mode');
    assert.equal(own.parse_mode, 'MarkdownV2');
    assert.equal(
      (new types.InputMediaPhoto('x', { caption: 'y' }) as { parse_mode?: string }).parse_mode,
      undefined,
      "the caller's objects are not changed",
    );
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test("the default parse mode formats a poll's question, explanation and description", async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
  try {
    await bot.sendPoll(1001, 'Which <b>one</b>?', [{ text: 'a' }, { text: 'b' }], {
      type: 'quiz',
      correct_option_ids: [0],
      explanation: '<i>because</i>',
    } as never);
    const params = emu.calls.at(-1)!.params;
    assert.equal(params.question_parse_mode, 'HTML');
    assert.equal(params.explanation_parse_mode, 'HTML');
    assert.equal(params.description_parse_mode, undefined, 'no description, no parse mode');
    assert.equal(params.parse_mode, undefined, 'sendPoll has no parse_mode parameter');

    await bot.sendPoll(1001, 'Q', [{ text: 'a' }, { text: 'b' }], {
      question_parse_mode: 'MarkdownV2',
      question_entities: undefined,
    });
    assert.equal(emu.calls.at(-1)!.params.question_parse_mode, 'MarkdownV2', 'the call’s own wins');
    await bot.sendPoll(1001, 'Q', [{ text: 'a' }, { text: 'b' }], {
      question_entities: [{ type: 'bold', offset: 0, length: 1 }],
    });
    assert.equal(emu.calls.at(-1)!.params.question_parse_mode, undefined, 'explicit entities win');

    const plain = new Botte(emu.token, { apiUrl: emu.apiUrl });
    await plain.sendPoll(1001, 'Q <b>', [{ text: 'a' }, { text: 'b' }]);
    assert.equal(emu.calls.at(-1)!.params.question_parse_mode, undefined, 'no default, nothing added');
    await plain.closeSession();
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
