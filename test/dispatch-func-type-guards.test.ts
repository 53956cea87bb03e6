// A `func` filter written as a type guard narrows the handler's argument, as grammY's
// `bot.filter(guard, ...)` does: `(u): u is Joined => ...` gives the handler a `Joined`. A plain
// predicate keeps the handler's type. The type-level part is checked by `npm run typecheck`;
// the run below shows the handlers get what the guards promise, over HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, type Message } from '../src/index.js';
import type * as Tg from '../src/api/generated/telegram-types.js';
import { BotApiEmulator } from '../src/testing/index.js';

type Joined = Tg.ChatMemberUpdated & { new_chat_member: Tg.ChatMemberMember };
const joined = (u: Tg.ChatMemberUpdated): u is Joined => u.new_chat_member.status === 'member';
type ByUser = Tg.MessageReactionUpdated & { user: Tg.User };
const byUser = (r: Tg.MessageReactionUpdated): r is ByUser => r.user !== undefined;
type Reply = Message & { reply_to_message: Message };
const isReply = (m: Message): m is Reply => m.reply_to_message !== undefined;

// Never run: only compiled.
function typeChecks(bot: Botte): void {
  bot.chatMemberHandler({ func: joined }, (u) => {
    const member: Tg.ChatMemberMember = u.new_chat_member;
    void member;
  });
  bot.messageReactionHandler({ func: byUser }, (r) => r.user.id);
  bot.messageReactionHandler(byUser, (r) => r.user.id);
  bot.messageReactionHandler({ func: byUser })((r) => r.user.id);
  bot.registerMessageReactionHandler((r) => r.user.id, { func: byUser });
  bot.callbackQueryHandler(
    { func: (q): q is Tg.CallbackQuery & { message: Message } => q.message !== undefined },
    (q) => q.message.message_id,
  );
  bot.handleMsg(isReply, (m) => m.reply_to_message.message_id);
  bot.handleMsg({ func: isReply }, (m) => {
    const replied: number = m.reply_to_message.message_id;
    const text: string = m.text; // still a text message
    void [replied, text];
  });
  bot.handleMsg({ contentTypes: ['photo'], func: isReply }, (m) => [m.photo, m.reply_to_message.message_id]);
  bot.handleMsg({ chatTypes: ['private'], func: isReply }, (m) => [m.chat.first_name, m.reply_to_message]);
  bot.businessMessageHandler({ func: isReply }, (m) => [m.business_connection_id.length, m.reply_to_message]);
  // A plain predicate narrows nothing.
  bot.chatMemberHandler({ func: (u) => u.new_chat_member.status === 'member' }, (u) => {
    // @ts-expect-error any member status
    const member: Tg.ChatMemberMember = u.new_chat_member;
    void member;
  });
  // @ts-expect-error a reply is not guaranteed without the guard
  bot.handleMsg({ func: (m) => m.text.length > 0 }, (m) => m.reply_to_message.message_id);
}
void typeChecks;

test('a type-guard func filter passes exactly what it promises', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  bot.handleMsg({ func: isReply }, (m) => bot.sendMessage(m.chat.id, `reply to ${m.reply_to_message.message_id}`));
  bot.chatMemberHandler({ func: joined }, (u) => bot.sendMessage(u.chat.id, `welcome ${u.new_chat_member.user.id}`));
  const running = bot.runthebot({ longPollingTimeout: 1, allowedUpdates: ['message', 'chat_member'] });
  try {
    emu.pushMessage('first', { userId: 8 });
    emu.pushMessage('second', { userId: 8, replyToMessage: 1 });
    const reply = await emu.waitForCall('sendMessage');
    assert.equal(reply.params.text, 'reply to 1');
    const group = { id: -100900, type: 'supergroup' as const, title: 'G' };
    const user = { id: 9, is_bot: false, first_name: 'N' };
    const since = emu.calls.length;
    emu.pushUpdate({
      chat_member: {
        chat: group,
        from: user,
        date: 1,
        old_chat_member: { status: 'member', user },
        new_chat_member: { status: 'left', user },
      },
    });
    emu.pushUpdate({
      chat_member: {
        chat: group,
        from: user,
        date: 2,
        old_chat_member: { status: 'left', user },
        new_chat_member: { status: 'member', user },
      },
    });
    const welcome = await emu.waitForCall('sendMessage', undefined, { since });
    assert.equal(welcome.params.text, 'welcome 9');
    assert.equal(emu.callsOf('sendMessage').length, 2, 'the first message and the leave passed no guard');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
