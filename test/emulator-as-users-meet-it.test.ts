// The emulator as a bot's tests use it: waitForCall hands out answered calls, edits drop the
// inline keyboard like Telegram, and onMethod overrides stack.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { ApiTelegramException } from '../src/index.js';
import { BotApiEmulator, TelegramError } from '../src/testing/index.js';

describe('emulator as users meet it', () => {
  let emu: BotApiEmulator;
  let bot: ApiClient;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  });
  after(async () => {
    await bot.closeSession();
    await emu.stop();
  });
  beforeEach(() => emu.reset());

  it('waitForCall resolves once the answer is recorded', async () => {
    // The answer is held back, so a waiter resolving on arrival would see no response.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    emu.onMethod('sendMessage', async (_params, _call, fallback) => {
      await held;
      return fallback();
    });
    const sent = bot.sendMessage(5, 'hello');
    const arrived = await emu.waitForRequest('sendMessage');
    assert.equal(arrived.response, undefined, 'waitForRequest resolves on arrival');
    let answered = false;
    const waiting = emu.waitForCall('sendMessage').then((call) => {
      answered = true;
      return call;
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(answered, false, 'waitForCall waits for the answer');
    release();
    const call = await waiting;
    const result = call.response!.result as { message_id: number; text: string };
    assert.equal(call.status, 200);
    assert.equal(result.text, 'hello');
    assert.equal(result.message_id, (await sent).message_id);
    // An already answered call is handed out at once, answer included.
    assert.equal(((await emu.waitForCall('sendMessage')).response!.result as { text: string }).text, 'hello');
  });

  it('an edit without reply_markup removes the inline keyboard, as Telegram does', async () => {
    const keyboard = { inline_keyboard: [[{ text: 'Yes', callback_data: 'yes' }]] };
    const edits: [string, (messageId: number) => Promise<unknown>][] = [
      ['editMessageText', (id) => bot.editMessageText('changed', { chat_id: 7, message_id: id })],
      ['editMessageCaption', (id) => bot.editMessageCaption({ chat_id: 7, message_id: id, caption: 'new caption' })],
      [
        'editMessageMedia',
        (id) => bot.editMessageMedia({ type: 'photo', media: 'AgAD-other' }, { chat_id: 7, message_id: id }),
      ],
    ];
    for (const [name, edit] of edits) {
      const sent =
        name === 'editMessageText'
          ? await bot.sendMessage(7, 'pick one', { reply_markup: keyboard })
          : await bot.sendPhoto(7, 'AgAD-photo', { caption: 'pick one', reply_markup: keyboard });
      assert.deepEqual(sent.reply_markup, keyboard);
      const edited = (await edit(sent.message_id)) as { reply_markup?: unknown };
      assert.equal(edited.reply_markup, undefined, `${name} without reply_markup keeps the keyboard`);
      assert.equal(emu.getMessage(7, sent.message_id)?.reply_markup, undefined, `${name}: the stored message keeps it`);
    }
    // With reply_markup the new keyboard replaces the old one.
    const sent = await bot.sendMessage(7, 'again', { reply_markup: keyboard });
    const other = { inline_keyboard: [[{ text: 'No', callback_data: 'no' }]] };
    const edited = (await bot.editMessageText('again!', {
      chat_id: 7,
      message_id: sent.message_id,
      reply_markup: other,
    })) as { reply_markup?: unknown };
    assert.deepEqual(edited.reply_markup, other);
  });

  it('the function onMethod returns restores the previous override, not the default', async () => {
    const restoreFirst = emu.onMethod('getChat', () => ({ id: 1, type: 'private', first_name: 'first' }));
    const restoreSecond = emu.onMethod('getChat', () => {
      throw new TelegramError(400, 'Bad Request: chat not found');
    });
    await assert.rejects(bot.getChat(1), (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 400);
    restoreSecond();
    assert.equal(((await bot.getChat(1)) as { first_name?: string }).first_name, 'first');
    restoreSecond(); // a second call changes nothing
    assert.equal(((await bot.getChat(1)) as { first_name?: string }).first_name, 'first');
    restoreFirst();
    assert.notEqual(((await bot.getChat(1)) as { first_name?: string }).first_name, 'first');
    // Restored out of order: the remaining override answers.
    const a = emu.onMethod('getChat', () => ({ id: 1, type: 'private', first_name: 'a' }));
    emu.onMethod('getChat', () => ({ id: 1, type: 'private', first_name: 'b' }));
    a();
    assert.equal(((await bot.getChat(1)) as { first_name?: string }).first_name, 'b');
  });
});
