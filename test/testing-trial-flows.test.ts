/**
 * Trial as a new user, second bot: replies with ForceReply, next-step handlers, inline mode with
 * a chosen result, callback buttons on inline messages, shared emulator reset between tests, and
 * tests running concurrently on one emulator.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function createNotesBot(token: string, options: { apiUrl: string; fileUrl: string }): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['note'] }, async (m) => {
    const ask = await bot.sendMessage(m.chat.id, 'What should I remember?', { reply_markup: new types.ForceReply() });
    bot.registerForReply(ask, async (answer) => {
      await bot.replyTo(answer, `Noted: ${answer.text}`);
    });
  });
  bot.handleMsg({ commands: ['name'] }, async (m) => {
    const ask = await bot.replyTo(m, 'Your name?');
    bot.registerNextStepHandler(ask, (next) => bot.sendMessage(next.chat.id, `Hello, ${next.text}`));
  });
  bot.inlineHandler(
    () => true,
    (q) => {
      const kb = new types.InlineKeyboardMarkup();
      kb.row(new types.InlineKeyboardButton('Like', { callback_data: 'like' }));
      return bot.answerInlineQuery(
        q.id,
        [
          new types.InlineQueryResultArticle('r1', q.query, new types.InputTextMessageContent(q.query), {
            reply_markup: kb,
          }),
        ],
        { cache_time: 0 },
      );
    },
  );
  const chosen: string[] = [];
  bot.chosenInlineHandler(
    () => true,
    (r) => {
      chosen.push(`${r.result_id}:${r.query}`);
    },
  );
  bot.callbackQueryHandler(
    (q) => q.inline_message_id !== undefined,
    async (q) => {
      await bot.editMessageText('Liked!', undefined, undefined, { inline_message_id: q.inline_message_id });
      await bot.answerCallbackQuery(q.id, { text: 'liked' });
    },
  );
  bot.handleMsg({ commands: ['chosen'] }, (m) => bot.replyTo(m, chosen.join(',') || 'none'));
  bot.handleMsg({ commands: ['count'] }, async (m) => {
    for (let i = 1; i <= 3; i++) await bot.sendMessage(m.chat.id, `${m.from!.first_name} ${i}`);
  });
  return bot;
}

describe('notes bot', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
    await emu.runBot(createNotesBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl }));
  });
  beforeEach(() => emu.reset());
  after(() => emu.stop());

  it('ForceReply + registerForReply: the user replies to the question', async () => {
    const chat = emu.privateChat({ user: { id: 91 } });
    await chat.send('/note');
    const question = await chat.expectReply('What should I remember?');
    // Telegram's Message carries only inline keyboards; the ForceReply is in the call.
    assert.equal(question.reply_markup, undefined);
    assert.deepEqual(chat.markupOf(question), { force_reply: true });
    const call = emu.callsOf('sendMessage')[0]; // emu.reset() in beforeEach: this test's calls only
    assert.deepEqual(call?.params.reply_markup, { force_reply: true });
    await chat.send('milk', { replyTo: question });
    const noted = await chat.expectReply('Noted: milk');
    assert.equal(noted.reply_to_message?.text, 'milk');
  });

  it('registerNextStepHandler: the next message goes to the step', async () => {
    const chat = emu.privateChat({ user: { id: 92 } });
    await chat.send('/name');
    await chat.expectReply('Your name?');
    await chat.send('Ann');
    await chat.expectReply('Hello, Ann');
    assert.equal(emu.calls.length > 0, true);
  });

  it('inline mode: answer, chosen result, button on the inline message', async () => {
    const answer = await emu.inlineQuery('tea', { from: { id: 93 } });
    assert.equal(answer.results.length, 1);
    assert.deepEqual(answer.params.cache_time, 0);
    emu.chooseInlineResult('r1', { from: { id: 93 }, query: 'tea', inlineMessageId: 'im1' });
    const chat = emu.privateChat({ user: { id: 93 } });
    emu.pushCallbackQuery('like', { userId: 93, inlineMessageId: 'im1' });
    const edit = await emu.waitForCall('editMessageText');
    assert.equal(edit.params.inline_message_id, 'im1');
    await chat.send('/chosen');
    await chat.expectReply('r1:tea');
  });

  it('concurrent chats on one emulator keep their replies apart', async () => {
    const users = [94, 95, 96, 97].map((id) => ({ id, first_name: `U${id}` }));
    await Promise.all(
      users.map(async (user) => {
        const chat = emu.privateChat({ user });
        await chat.send('/count');
        for (let i = 1; i <= 3; i++) await chat.expectReply(`${user.first_name} ${i}`);
        await chat.expectNoReply();
      }),
    );
  });
});
