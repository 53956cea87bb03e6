/**
 * Forum supergroups: users write in topics (`message_thread_id`), and a bot's reply to a topic
 * message lands in the same topic, as on Telegram.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

describe('forum topics', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    bot.handleMsg({ commands: ['where'] }, (m) =>
      bot.replyTo(m, `topic ${m.message_thread_id ?? 'none'}${m.chat.is_forum ? ' in a forum' : ''}`),
    );
    bot.handleMsg({ commands: ['announce'] }, (m) =>
      bot.sendMessage(m.chat.id, 'Announcement', { message_thread_id: m.message_thread_id }),
    );
    await emu.runBot(bot);
  });
  after(() => emu.stop());

  it('a message in a topic carries message_thread_id; a reply stays in the topic', async () => {
    const forum = emu.groupChat({ users: [{ id: 111 }], isForum: true, title: 'Forum' });
    assert.equal(forum.chat.is_forum, true);
    const sent = await forum.send('/where', { threadId: 7 });
    assert.deepEqual([sent.message_thread_id, sent.is_topic_message], [7, true]);
    const reply = await forum.expectReply('topic 7 in a forum');
    assert.equal(reply.message_thread_id, 7);
    await forum.send('/announce', { threadId: 9 });
    const announcement = await forum.expectReply('Announcement');
    assert.equal(announcement.message_thread_id, 9);
    await forum.send('/where');
    assert.equal((await forum.expectReply('topic none in a forum')).message_thread_id, undefined);
  });
});
