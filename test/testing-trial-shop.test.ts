/** Trial as a new user: a shop bot tested with botte/testing only. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte, types, StatesGroup, customFilters } from '../src/index.js';
import { BotApiEmulator, TelegramError } from '../src/testing/index.js';

function createShopBot(token: string, options: { apiUrl?: string; fileUrl?: string } = {}): Botte {
  const bot = new Botte(token, { ...options });
  const Order = StatesGroup.create('Order', ['item', 'address']);
  bot.addCustomFilter(new customFilters.StateFilter(bot));

  bot.handleMsg({ commands: ['start'] }, (m) =>
    bot.replyTo(m, `Hi <b>${m.from!.first_name}</b>!`, { parse_mode: 'HTML' }),
  );
  bot.handleMsg({ commands: ['menu'] }, async (m) => {
    const kb = new types.InlineKeyboardMarkup();
    kb.row(
      new types.InlineKeyboardButton('Pizza', { callback_data: 'buy:pizza' }),
      new types.InlineKeyboardButton('Salad', { callback_data: 'buy:salad' }),
    );
    await bot.sendMessage(m.chat.id, 'What do you want?', { reply_markup: kb });
  });
  bot.callbackQueryHandler(
    (q) => q.data?.startsWith('buy:') ?? false,
    async (q) => {
      const item = q.data!.slice(4);
      await bot.answerCallbackQuery(q.id, { text: `${item} added` });
      await bot.editMessageText(`You chose ${item}`, q.message!.chat.id, q.message!.message_id);
    },
  );
  bot.handleMsg({ commands: ['order'] }, async (m) => {
    await bot.setState(m.from!.id, Order.item, m.chat.id);
    await bot.sendMessage(m.chat.id, 'Which item?');
  });
  bot.handleMsg({ state: Order.item }, async (m) => {
    await bot.addData(m.from!.id, m.chat.id, { item: m.text });
    await bot.setState(m.from!.id, Order.address, m.chat.id);
    await bot.sendMessage(m.chat.id, 'Where to?');
  });
  bot.handleMsg({ state: Order.address }, async (m) => {
    const data = await bot.retrieveData(m.from!.id, m.chat.id);
    await bot.deleteState(m.from!.id, m.chat.id);
    await bot.sendMessage(m.chat.id, `Sending ${String(data.item)} to ${m.text}`);
  });
  bot.handleMsg({ contentTypes: ['photo'] }, async (m) => {
    const file = await bot.getFile(m.photo.at(-1)!.file_id);
    const bytes = await bot.downloadFile(file.file_path!);
    await bot.replyTo(m, `photo of ${bytes.length} bytes`);
    await bot.sendPhoto(m.chat.id, Buffer.concat([bytes, Buffer.from('!')]), { caption: 'back' });
  });
  bot.handleMsg({ contentTypes: ['location'] }, (m) =>
    bot.replyTo(m, `You are at ${m.location.latitude},${m.location.longitude}`),
  );
  bot.handleMsg({ contentTypes: ['contact'] }, (m) => bot.replyTo(m, `Phone ${m.contact.phone_number}`));
  bot.handleMsg({ commands: ['spam'] }, async (m) => {
    await bot.deleteMessage(m.chat.id, m.message_id);
  });
  bot.inlineHandler(
    () => true,
    async (q) => {
      await bot.answerInlineQuery(q.id, [
        new types.InlineQueryResultArticle(
          '1',
          `Buy ${q.query}`,
          new types.InputTextMessageContent(`I want ${q.query}`),
        ),
      ]);
    },
  );
  return bot;
}

describe('shop bot, tested as a new user would', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = createShopBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    running = bot.runthebot({ longPollingTimeout: 1 });
  });
  after(async () => {
    await bot.stopBot();
    await running;
    await emu.stop();
  });

  it('start: html reply to the user message', async () => {
    const chat = emu.privateChat({ user: { id: 7, first_name: 'Ann' } });
    const sent = await chat.send('/start');
    const reply = await chat.expectReply('Hi Ann!');
    assert.deepEqual(reply.entities, [{ type: 'bold', offset: 3, length: 3 }]);
    assert.equal(reply.reply_to_message?.message_id, sent.message_id);
  });

  it('menu: button press answers and edits', async () => {
    const chat = emu.privateChat({ user: { id: 8 } });
    await chat.send('/menu');
    const menu = await chat.expectReply('What do you want?');
    assert.equal(menu.reply_markup!.inline_keyboard[0]![0]!.text, 'Pizza');
    const answer = await chat.pressButton('Salad');
    assert.equal(answer.text, 'salad added');
    const edited = await chat.expectEdit('You chose salad');
    assert.equal(edited.message_id, menu.message_id);
  });

  it('order conversation with states', async () => {
    const chat = emu.privateChat({ user: { id: 9 } });
    await chat.send('/order');
    await chat.expectReply('Which item?');
    await chat.send('pizza');
    await chat.expectReply('Where to?');
    await chat.send('Baker street');
    await chat.expectReply('Sending pizza to Baker street');
  });

  it('photo in, photo out', async () => {
    const chat = emu.privateChat({ user: { id: 10 } });
    await chat.sendPhoto(Buffer.from('jpegbytes'));
    await chat.expectReply('photo of 9 bytes');
    const back = await chat.expectReply((m) => m.photo !== undefined);
    assert.equal(back.caption, 'back');
    const content = emu.fileContent(back.photo!.at(-1)!.file_id);
    assert.equal(content?.data.toString(), 'jpegbytes!');
  });

  it('inline query', async () => {
    const answer = await emu.inlineQuery('tea');
    assert.equal(answer.results[0]!.title, 'Buy tea');
  });

  it('deletes a spam command', async () => {
    const chat = emu.privateChat({ user: { id: 11 } });
    const spam = await chat.send('/spam');
    assert.equal(await chat.expectDeleted(), spam.message_id);
  });

  it('group: /menu@botname with two users', async () => {
    const ann = { id: 21, first_name: 'Ann' };
    const bob = { id: 22, first_name: 'Bob' };
    const group = emu.groupChat({ users: [ann, bob] });
    await group.send('/menu@botte_test_bot', { from: bob });
    await group.expectReply('What do you want?');
    const answer = await group.pressButton('Pizza', { from: ann });
    assert.equal(answer.text, 'pizza added');
    await group.expectEdit('You chose pizza');
  });

  it('blocked by user: 403 is reported, bot keeps running', async () => {
    const restore = emu.onMethod('sendMessage', (params, _call, fallback) => {
      if (params.chat_id === 13) throw new TelegramError(403, 'Forbidden: bot was blocked by the user');
      return fallback();
    });
    try {
      const chat = emu.privateChat({ user: { id: 13 } });
      await chat.send('/menu');
      const call = await emu.waitForCall('sendMessage', (c) => c.params.chat_id === 13);
      assert.equal(call.response?.error_code, 403);
    } finally {
      restore();
    }
    const other = emu.privateChat({ user: { id: 14 } });
    await other.send('/menu');
    await other.expectReply('What do you want?');
  });

  it('429 with retry_after is retried', async () => {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1, times: 1 });
    const chat = emu.privateChat({ user: { id: 15 } });
    await chat.send('/menu');
    await chat.expectReply('What do you want?');
  });
});
