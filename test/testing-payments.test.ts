/**
 * Paying an invoice the bot sent, as a user presses "Pay": the pre-checkout query the bot must
 * answer, the shipping query for flexible invoices, and the successful_payment message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function createShopBot(token: string, options: { apiUrl: string; fileUrl: string }): Botte {
  const bot = new Botte(token, options);
  let stock = 1;
  bot.handleMsg({ commands: ['buy'] }, (m) =>
    bot.sendInvoice(m.chat.id, 'Teapot', 'A shiny teapot', `teapot:${m.from!.id}`, 'XTR', [
      new types.LabeledPrice('Teapot', 50),
    ]),
  );
  bot.handleMsg({ commands: ['ship'] }, (m) =>
    bot.sendInvoice(m.chat.id, 'Mug', 'A mug, shipped', 'mug', 'USD', [new types.LabeledPrice('Mug', 900)], {
      provider_token: 'test-provider',
      is_flexible: true,
      need_shipping_address: true,
    }),
  );
  bot.shippingQueryHandler(undefined, async (q) => {
    if (q.shipping_address.country_code !== 'GB')
      return void (await bot.answerShippingQuery(q.id, false, { error_message: 'UK only' }));
    await bot.answerShippingQuery(q.id, true, {
      shipping_options: [
        { id: 'post', title: 'Royal Mail', prices: [{ label: 'Post', amount: 300 }] },
        { id: 'courier', title: 'Courier', prices: [{ label: 'Courier', amount: 1200 }] },
      ],
    });
  });
  bot.preCheckoutQueryHandler(undefined, async (q) => {
    if (q.invoice_payload.startsWith('teapot') && stock <= 0)
      return void (await bot.answerPreCheckoutQuery(q.id, false, { error_message: 'Sold out' }));
    await bot.answerPreCheckoutQuery(q.id, true);
  });
  bot.handleMsg({ contentTypes: ['successful_payment'] }, async (m) => {
    const p = m.successful_payment;
    if (p.invoice_payload.startsWith('teapot')) stock--;
    await bot.sendMessage(
      m.chat.id,
      `Paid ${p.total_amount} ${p.currency} for ${p.invoice_payload}${p.shipping_option_id ? ` via ${p.shipping_option_id}` : ''}`,
    );
  });
  return bot;
}

describe('payInvoice', () => {
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

  it('pays a Stars invoice: pre-checkout accepted, successful_payment delivered; then sold out', async () => {
    const chat = emu.privateChat({ user: { id: 71 } });
    await assert.rejects(chat.payInvoice(), /payInvoice: the bot sent no invoice in chat 71/);
    await chat.send('/buy');
    const invoice = await chat.expectReply((m) => m.invoice !== undefined);
    assert.equal(invoice.invoice?.total_amount, 50);
    const paid = await chat.payInvoice();
    assert.equal(paid.ok, true);
    assert.equal(paid.message?.successful_payment?.invoice_payload, 'teapot:71');
    assert.equal(paid.message?.successful_payment?.total_amount, 50);
    assert.match(paid.message?.successful_payment?.telegram_payment_charge_id ?? '', /\S/);
    await chat.expectReply('Paid 50 XTR for teapot:71');

    const refused = await chat.payInvoice({ invoice });
    assert.deepEqual([refused.ok, refused.error_message, refused.message], [false, 'Sold out', undefined]);
    await chat.expectNoReply();
  });

  it('flexible invoice: the shipping query comes first; an option is chosen and charged', async () => {
    const chat = emu.privateChat({ user: { id: 72 } });
    await chat.send('/ship');
    await chat.expectReply((m) => m.invoice !== undefined);
    const abroad = await chat.payInvoice({ shippingAddress: { country_code: 'FR' } });
    assert.deepEqual([abroad.ok, abroad.error_message], [false, 'UK only']);
    const paid = await chat.payInvoice({ shippingOptionId: 'courier' });
    assert.equal(paid.ok, true);
    assert.equal(paid.message?.successful_payment?.shipping_option_id, 'courier');
    await chat.expectReply('Paid 2100 USD for mug via courier');
  });

  it('a bot that never answers the pre-checkout query fails clearly', async () => {
    const emu2 = await BotApiEmulator.start();
    const silent = new Botte(emu2.token, { apiUrl: emu2.apiUrl, fileUrl: emu2.fileUrl });
    silent.handleMsg({ commands: ['buy'] }, (m) =>
      silent.sendInvoice(m.chat.id, 'T', 'D', 'p', 'XTR', [new types.LabeledPrice('T', 1)]),
    );
    const run = silent.runthebot({ longPollingTimeout: 1 });
    try {
      const chat = emu2.privateChat({ user: { id: 73 } });
      await chat.send('/buy');
      await chat.expectReply((m) => m.invoice !== undefined);
      await assert.rejects(
        chat.payInvoice({ timeoutMs: 1000 }),
        /payInvoice: the bot did not call answerPreCheckoutQuery within 1000 ms \(Telegram gives it 10 s, then cancels the payment\)/,
      );
    } finally {
      await silent.stopBot();
      await run;
      await emu2.stop();
    }
  });
});
