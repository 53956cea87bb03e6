/**
 * Payments in Telegram Stars (currency `XTR`, no payment provider needed): `/buy` sends an
 * invoice (`sendInvoice`), the pre-checkout query is answered within 10 seconds — yes while
 * stock lasts, no with a reason otherwise — the `successful_payment` message delivers the goods,
 * and `/refund` gives the user's last payment back (`refundStarPayment`). Telegram requires a
 * `/paysupport` command for bots that take payments.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/stars-payments-bot.ts
 */
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const PRICE_STARS = 50;

/** Builds the bot; `stock` is how many items can be sold. */
export function createBot(token: string, options: BotteOptions = {}, stock = 10): Botte {
  const bot = new Botte(token, options);
  const lastCharge = new Map<number, string>(); // user id → telegram_payment_charge_id
  let left = stock;

  bot.handleMsg({ commands: ['buy'] }, async (message) => {
    await bot.sendInvoice(
      message.chat.id,
      'A virtual teapot',
      'One shiny teapot, delivered instantly.',
      `teapot:${message.from!.id}`, // payload: comes back with the payment
      'XTR',
      [new types.LabeledPrice('Teapot', PRICE_STARS)],
    );
  });

  bot.preCheckoutQueryHandler(undefined, async (query) => {
    if (left <= 0) {
      await bot.answerPreCheckoutQuery(query.id, false, { error_message: 'Sorry, the teapots are sold out.' });
      return;
    }
    await bot.answerPreCheckoutQuery(query.id, true);
  });

  bot.handleMsg({ contentTypes: ['successful_payment'] }, async (message) => {
    const payment = message.successful_payment;
    left -= 1;
    lastCharge.set(message.from!.id, payment.telegram_payment_charge_id);
    await bot.sendMessage(message.chat.id, `Thank you for ${payment.total_amount} ⭐! Here is your teapot: 🫖`);
  });

  bot.handleMsg({ commands: ['refund'] }, async (message) => {
    const charge = lastCharge.get(message.from!.id);
    if (!charge) return void (await bot.replyTo(message, 'You have no payment to refund.'));
    await bot.refundStarPayment(message.from!.id, charge);
    lastCharge.delete(message.from!.id);
    left += 1;
    await bot.replyTo(message, 'Your Stars are on their way back.');
  });

  bot.handleMsg({ commands: ['paysupport'] }, (message) =>
    bot.replyTo(message, 'Payment problems? Write to @your_support and send /refund.'),
  );

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
