/**
 * Chat member changes as a user makes them: blocking the bot (then Telegram answers 403), people
 * joining and leaving a group, the bot added to and removed from a group.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiTelegramException, Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function createCommunityBot(token: string, options: { apiUrl: string; fileUrl: string }): Botte {
  const bot = new Botte(token, options);
  const subscribers = new Set<number>();
  const events: string[] = [];
  bot.handleMsg({ commands: ['subscribe'] }, async (m) => {
    subscribers.add(m.chat.id);
    await bot.replyTo(m, 'Subscribed');
  });
  bot.handleMsg({ commands: ['broadcast'] }, async (m) => {
    let sent = 0;
    const failed: string[] = [];
    for (const id of subscribers) {
      try {
        await bot.sendMessage(id, 'News!');
        sent++;
      } catch (error) {
        if (!(error instanceof ApiTelegramException) || error.errorCode !== 403) throw error;
        failed.push(`${id}: ${error.description}`);
      }
    }
    await bot.replyTo(m, `sent ${sent}; failed ${failed.join(', ') || 'none'}`);
  });
  bot.handleMsg({ commands: ['events'] }, (m) => bot.replyTo(m, events.join('; ') || 'none'));
  bot.myChatMemberHandler(undefined, async (update) => {
    events.push(`${update.chat.id}:${update.old_chat_member.status}->${update.new_chat_member.status}`);
    if (update.new_chat_member.status === 'member' && update.chat.type !== 'private')
      await bot.sendMessage(update.chat.id, `Thanks for adding me, ${update.from.first_name}`);
  });
  bot.handleMsg({ contentTypes: ['new_chat_members'] }, async (m) => {
    const names = m.new_chat_members.filter((u) => !u.is_bot).map((u) => u.first_name);
    if (names.length > 0) await bot.sendMessage(m.chat.id, `Welcome, ${names.join(', ')}!`);
  });
  bot.handleMsg({ contentTypes: ['left_chat_member'] }, (m) =>
    bot.sendMessage(m.chat.id, `Bye, ${m.left_chat_member.first_name}`),
  );
  bot.chatMemberHandler(undefined, async (update) => {
    events.push(
      `member ${update.new_chat_member.user.id} ${update.old_chat_member.status}->${update.new_chat_member.status} by ${update.from.id}`,
    );
  });
  return bot;
}

describe('chat member changes', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = createCommunityBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    running = bot.runthebot({
      longPollingTimeout: 1,
      allowedUpdates: ['message', 'my_chat_member', 'chat_member'],
    });
  });
  after(async () => {
    await bot.stopBot();
    await running;
    await emu.stop();
  });

  it('a user blocks the bot: my_chat_member, then 403 for every message to them; unblock lifts it', async () => {
    const ann = emu.privateChat({ user: { id: 51, first_name: 'Ann' } });
    const bob = emu.privateChat({ user: { id: 52, first_name: 'Bob' } });
    await ann.send('/subscribe');
    await ann.expectReply('Subscribed');
    await bob.send('/subscribe');
    await bob.expectReply('Subscribed');

    await bob.blockBot();
    const admin = emu.privateChat({ user: { id: 53 } });
    await admin.send('/broadcast');
    await admin.expectReply('sent 1; failed 52: Forbidden: bot was blocked by the user');
    await ann.expectReply('News!');
    await bob.expectNoReply();

    await bob.unblockBot();
    await admin.send('/broadcast');
    await admin.expectReply('sent 2; failed none');
    await bob.expectReply('News!');
    await admin.send('/events');
    await admin.expectReply(/52:member->kicked; 52:kicked->member/);
  });

  it('the bot is added to a group, members join and leave, the bot is removed', async () => {
    const owner = { id: 61, first_name: 'Olga' };
    const ann = { id: 62, first_name: 'Ann' };
    const group = emu.groupChat({ users: [owner], title: 'Fans' });
    const added = await group.addBot();
    assert.equal(added.new_chat_members?.[0]?.id, emu.botUser.id);
    await group.expectReply('Thanks for adding me, Olga');

    const joined = await group.addMember(ann);
    assert.equal(joined.from?.id, 62);
    await group.expectReply('Welcome, Ann!');
    const left = await group.removeMember(ann, { by: owner });
    assert.equal(left.left_chat_member?.id, 62);
    await group.expectReply('Bye, Ann');

    await group.removeBot();
    await group.send('/events');
    await group.expectNoReply(); // the reply failed with 403
    const refused = emu.callsOf('sendMessage').at(-1)!;
    assert.equal(refused.status, 403);
    assert.equal(refused.response?.description, 'Forbidden: bot was kicked from the supergroup chat');

    const admin = emu.privateChat({ user: { id: 63 } });
    await admin.send('/events');
    const events = (await admin.expectReply()).text!;
    assert.match(events, new RegExp(`${group.id}:left->member`));
    assert.match(events, /member 62 left->member by 62; member 62 member->kicked by 61/);
    assert.match(events, new RegExp(`${group.id}:member->kicked`));
  });

  it('helpers refuse the wrong kind of chat', async () => {
    const chat = emu.privateChat({ user: { id: 64 } });
    await assert.rejects(chat.addMember({ id: 65 }), /addMember: only in groups; chat 64 is private/);
    const group = emu.groupChat({ users: [{ id: 66 }] });
    await assert.rejects(group.blockBot(), /blockBot: only in private chats; chat -?\d+ is a supergroup/);
  });
});
