/**
 * Telegram Stars as the emulator keeps them: a `successful_payment` in XTR pushed to the emulator
 * is an incoming transaction of the bot, `refundStarPayment` adds the outgoing one (and refuses a
 * second refund of the same charge, as Telegram does), `getStarTransactions` lists them oldest
 * first and `getMyStarBalance` sums them.
 * @module
 */
import type { DefaultContext } from './default-methods.js';
import { unixNow } from './chats.js';
import { badRequest } from './telegram-error.js';

interface StarTransaction {
  id: string;
  amount: number;
  date: number;
  source?: Record<string, unknown>;
  receiver?: Record<string, unknown>;
}

const KEY = 'star-transactions';

function transactions(settings: Map<string, unknown>): StarTransaction[] {
  let list = settings.get(KEY) as StarTransaction[] | undefined;
  if (!list) {
    list = [];
    settings.set(KEY, list);
  }
  return list;
}

/** Notes the Stars payment an update pushed to the emulator carries, if any. */
export function notePayment(settings: Map<string, unknown>, update: object): void {
  const message = (update as { message?: Record<string, unknown> }).message;
  const payment = message?.successful_payment as Record<string, unknown> | undefined;
  if (payment?.currency !== 'XTR') return;
  transactions(settings).push({
    id: String(payment.telegram_payment_charge_id),
    amount: Number(payment.total_amount),
    date: Number(message?.date ?? unixNow()),
    source: {
      type: 'user',
      transaction_type: 'invoice_payment',
      user: message?.from,
      ...(payment.invoice_payload !== undefined ? { invoice_payload: payment.invoice_payload } : {}),
      ...(payment.subscription_expiration_date !== undefined ? { subscription_period: 2592000 } : {}),
    },
  });
}

/** The default answers of the Stars methods. */
export const STAR_METHODS = {
  refundStarPayment: (ctx: DefaultContext): unknown => {
    const list = transactions(ctx.state.settings);
    const charge = String(ctx.params.telegram_payment_charge_id);
    const paid = list.find((t) => t.id === charge && t.source);
    if (!paid) return true;
    if (list.some((t) => t.id === charge && t.receiver)) throw badRequest('CHARGE_ALREADY_REFUNDED');
    list.push({
      id: charge,
      amount: paid.amount,
      date: unixNow(),
      receiver: { ...paid.source, user: paid.source?.user ?? ctx.chats.user(Number(ctx.params.user_id)) },
    });
    return true;
  },
  getStarTransactions: (ctx: DefaultContext): unknown => {
    const offset = Number(ctx.params.offset ?? 0);
    const limit = Number(ctx.params.limit ?? 100);
    return { transactions: transactions(ctx.state.settings).slice(offset, offset + limit) };
  },
  getMyStarBalance: (ctx: DefaultContext): unknown => ({
    amount: transactions(ctx.state.settings).reduce((sum, t) => sum + (t.source ? t.amount : -t.amount), 0),
  }),
};
