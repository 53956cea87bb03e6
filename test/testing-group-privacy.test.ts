/**
 * Privacy mode, Telegram's default for new bots: in groups the bot receives only commands,
 * messages mentioning it, replies to its messages and service messages. `groupChat({ privacyMode: true })`
 * delivers exactly that, so a group bot that relies on plain messages fails in the test, not in production.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

describe('groupChat({ privacyMode: true })', () => {
  let emu: BotApiEmulator;
  const seen: string[] = [];
  before(async () => {
    emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    bot.handleMsg({ contentTypes: ['text', 'photo', 'new_chat_members'] }, async (m) => {
      seen.push(m.text ?? m.caption ?? m.content_type);
      if (m.text === '/ask') await bot.replyTo(m, 'Question?');
    });
    await emu.runBot(bot);
  });
  after(() => emu.stop());

  it('delivers commands, mentions, replies to the bot and service messages only', async () => {
    const ann = { id: 101, first_name: 'Ann' };
    const group = emu.groupChat({ users: [ann], privacyMode: true });
    const unseen = await group.send('chatting among humans');
    await group.sendPhoto('jpeg', { caption: 'holiday' });
    await group.send('/help@other_bot');
    await group.send('/ask');
    const question = await group.expectReply('Question?');
    await group.send('answer', { replyTo: question });
    await group.send('a reply to a human', { replyTo: unseen });
    await group.send('hey @botte_test_bot');
    await group.send('/stats@botte_test_bot');
    await group.addMember({ id: 102, first_name: 'Bob' });
    await group.expectNoReply();
    assert.deepEqual(seen, ['/ask', 'answer', 'hey @botte_test_bot', '/stats@botte_test_bot', 'new_chat_members']);
    // The users still see every message.
    assert.equal(group.history.filter((m) => m.from?.id === 101).length, 8);
  });

  it('without it (the default) every group message reaches the bot', async () => {
    seen.length = 0;
    const group = emu.groupChat({ users: [{ id: 103 }] });
    await group.send('chatting among humans');
    await group.expectNoReply();
    assert.deepEqual(seen, ['chatting among humans']);
  });
});
