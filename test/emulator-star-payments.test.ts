/**
 * A Telegram Stars shop bot, tested as its author would: a payment pushed to the emulator shows in
 * `getStarTransactions` and the bot's balance, a refund adds the outgoing transaction, and a second
 * refund of the same charge is refused (found by a trial bot, which saw no transactions at all).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, type types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('Stars payments and refunds show in getStarTransactions and getMyStarBalance', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  const refunded: string[] = [];
  bot.handleMsg({ contentTypes: ['successful_payment'] }, async (m) => {
    if (m.successful_payment.invoice_payload === 'refund-me') {
      await bot.refundStarPayment(m.from!.id, m.successful_payment.telegram_payment_charge_id);
      refunded.push(m.successful_payment.telegram_payment_charge_id);
    }
  });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    const payment = (charge: string, payload: string, amount: number): types.SuccessfulPayment => ({
      currency: 'XTR',
      total_amount: amount,
      invoice_payload: payload,
      telegram_payment_charge_id: charge,
      provider_payment_charge_id: '',
    });
    emu.pushMessage(undefined, { userId: 77, extra: { successful_payment: payment('ch-1', 'keep', 50) } });
    emu.pushMessage(undefined, { userId: 78, extra: { successful_payment: payment('ch-2', 'refund-me', 20) } });
    await emu.waitForCall('refundStarPayment');

    const { transactions } = await bot.getStarTransactions();
    assert.deepEqual(
      transactions.map((t) => [t.id, t.amount, t.source?.type ?? `to ${t.receiver?.type}`]),
      [
        ['ch-1', 50, 'user'],
        ['ch-2', 20, 'user'],
        ['ch-2', 20, 'to user'],
      ],
    );
    const first = transactions[0]!.source;
    assert.ok(first?.type === 'user' && first.user.id === 77 && first.invoice_payload === 'keep');
    assert.equal(first.transaction_type, 'invoice_payment');
    assert.equal((await bot.getMyStarBalance()).amount, 50);
    assert.deepEqual(
      (await bot.getStarTransactions({ offset: 1, limit: 1 })).transactions.map((t) => t.id),
      ['ch-2'],
    );

    await assert.rejects(bot.refundStarPayment(78, 'ch-2'), /CHARGE_ALREADY_REFUNDED/);
    // A charge the emulator never saw is refunded without a transaction (tests often make up ids).
    assert.equal(await bot.refundStarPayment(77, 'made-up'), true);
    assert.equal((await bot.getStarTransactions()).transactions.length, 3);
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
