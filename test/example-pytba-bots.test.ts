// pyTelegramBotAPI's own example bots, translated into examples/pytba-*.ts, each played on the
// emulator with a scripted conversation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator, type RecordedCall } from '../src/testing/index.js';
import { createProductsBot, productsFactory } from '../examples/pytba-callback-data-bot.js';

/** The message_id the emulator answered to a send call (its answer may be written just after the call is seen). */
async function sentMessageId(call: RecordedCall): Promise<number> {
  for (const end = Date.now() + 5000; call.response === undefined;) {
    if (Date.now() > end) throw new Error(`no answer to ${call.method} within 5 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return (call.response.result as { message_id: number }).message_id;
}

test('examples/pytba-callback-data-bot.ts: product list, product page, back', async () => {
  const emu = await BotApiEmulator.start();
  const bot = createProductsBot(emu.token, { apiUrl: emu.apiUrl });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    emu.pushMessage('/products', { userId: 3 });
    const list = await emu.waitForCall('sendMessage', undefined, { timeoutMs: 5000 });
    const rows = (list.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] }).inline_keyboard;
    assert.deepEqual(rows.map(([button]) => button!.text), ['xiaomi mi 10', 'samsung s20', 'iphone 13']);
    assert.equal(rows[1]![0]!.callback_data, productsFactory.new({ product_id: 1 }));
    const messageId = await sentMessageId(list);

    let since = emu.calls.length;
    emu.pushCallbackQuery(rows[1]![0]!.callback_data, { userId: 3, message: messageId });
    const page = await emu.waitForCall('editMessageText', undefined, { since, timeoutMs: 5000 });
    assert.equal(page.params.text, 'Product name: samsung s20\nProduct price: 800');
    assert.deepEqual(page.params.reply_markup, { inline_keyboard: [[{ text: '⬅', callback_data: 'back' }]] });

    since = emu.calls.length;
    emu.pushCallbackQuery('back', { userId: 3, message: messageId });
    const back = await emu.waitForCall('editMessageText', undefined, { since, timeoutMs: 5000 });
    assert.equal(back.params.text, 'Products:');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
