/**
 * Telegram marks up what users type (mentions, hashtags, links, e-mails, commands): bots that
 * look at `message.entities` (mention-only group bots, anti-link filters) need them in tests too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function entityTexts(text: string, entities: Array<{ type: string; offset: number; length: number }> | undefined) {
  return (entities ?? []).map((e) => `${e.type}:${text.slice(e.offset, e.offset + e.length)}`);
}

describe('entities of what users type', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    // A group bot that answers only when mentioned, and deletes links.
    bot.handleMsg(
      {
        contentTypes: ['text', 'photo'],
        func: (m) => (m.entities ?? m.caption_entities ?? []).some((e) => e.type === 'url'),
      },
      (m) => bot.deleteMessage(m.chat.id, m.message_id),
    );
    bot.handleMsg(
      {
        func: (m) =>
          (m.entities ?? []).some(
            (e) => e.type === 'mention' && m.text!.slice(e.offset, e.offset + e.length) === '@botte_test_bot',
          ),
      },
      (m) => bot.replyTo(m, 'You called?'),
    );
    running = bot.runthebot({ longPollingTimeout: 1 });
  });
  after(async () => {
    await bot.stopBot();
    await running;
    await emu.stop();
  });

  it('marks mentions, hashtags, cashtags, links, e-mails and commands with UTF-16 offsets', async () => {
    const chat = emu.privateChat({ user: { id: 81 } });
    const text =
      '😀 @botte_test_bot see #news, $USD, https://example.com/a?b=1. mail a.b@example.org or /help@botte_test_bot';
    const sent = await chat.send(text);
    assert.deepEqual(entityTexts(text, sent.entities), [
      'mention:@botte_test_bot',
      'hashtag:#news',
      'cashtag:$USD',
      'url:https://example.com/a?b=1',
      'email:a.b@example.org',
      'bot_command:/help@botte_test_bot',
    ]);
    assert.equal(sent.entities![0]!.offset, 3, 'the emoji counts two UTF-16 units');
    const plain = await chat.send('no entities here, user@ nor @ab nor #1');
    assert.equal(plain.entities, undefined);
    const command = await chat.send('/start payload');
    assert.deepEqual(command.entities, [{ type: 'bot_command', offset: 0, length: 6 }]);
  });

  it('a mention-only group bot answers when mentioned; links are deleted, also in captions', async () => {
    const group = emu.groupChat({ users: [{ id: 82 }] });
    await group.send('hello everyone');
    await group.expectNoReply();
    await group.send('hey @botte_test_bot, are you there?');
    await group.expectReply('You called?');
    const spam = await group.send('buy now https://spam.example');
    assert.equal(await group.expectDeleted(), spam.message_id);
    const photo = await group.sendPhoto('jpeg', { caption: 'see www.spam.example' });
    assert.deepEqual(entityTexts('see www.spam.example', photo.caption_entities), ['url:www.spam.example']);
    assert.equal(await group.expectDeleted(), photo.message_id);
  });
});
