/**
 * A test user paying an invoice the bot sent, the way Telegram runs it: for a flexible invoice a
 * `shipping_query` the bot answers with options, then the `pre_checkout_query` the bot must
 * accept, and on success the `successful_payment` service message.
 * @module
 */
import type { Message, Update, User } from '../../api/generated/telegram-types.js';
import type { RecordedCall, UpdateInit } from '../types.js';
import { newQueryId } from './chat-base.js';
import type { ChatEvent, ChatTracker } from './tracker.js';
import type { SendOptions, WaitOptions } from './types.js';

/** Options of {@link Conversation.payInvoice}. */
export interface PayInvoiceOptions extends SendOptions, WaitOptions {
  /** The invoice message (or its id); default the latest invoice the bot sent in this chat. */
  invoice?: Message | number | undefined;
  /** The order info the user filled in (name, phone_number, email, shipping_address). */
  orderInfo?: Record<string, unknown> | undefined;
  /** Flexible invoices: the address sent in the shipping query (merged over a London address). */
  shippingAddress?: Record<string, unknown> | undefined;
  /** Flexible invoices: the option the user picks (default the first one the bot offered). */
  shippingOptionId?: string | undefined;
  /** The invoice payload, when the sendInvoice call is no longer in `emu.calls` (after `clearCalls`). */
  payload?: string | undefined;
}

/** How a payment went. */
export interface PaymentResult {
  /** Whether the payment went through (the bot accepted the shipping and pre-checkout queries). */
  ok: boolean;
  /** The bot's `error_message` when it refused. */
  error_message?: string | undefined;
  /** The `successful_payment` service message the user's client sent, when `ok`. */
  message?: Message | undefined;
  /** The bot's answerPreCheckoutQuery (or refusing answerShippingQuery) parameters. */
  params: Record<string, unknown>;
}

/** What paying needs from the conversation. */
export interface PayingChat {
  /** The chat's id. */
  chatId: number;
  /** The messages of the chat. */
  history: Message[];
  /** The emulator's calls (to find the invoice's payload). */
  calls: RecordedCall[];
  /** The tracker the answers are awaited on. */
  tracker: ChatTracker;
  /** The paying user. */
  from: User;
  /** Pushes an update of this chat. */
  pushUpdate(update: UpdateInit): Update;
  /** Pushes the user's service message. */
  pushMessage(extra: Record<string, unknown>): Promise<Message>;
}

const DEFAULT_ADDRESS = {
  country_code: 'GB',
  state: '',
  city: 'London',
  street_line1: '221B Baker Street',
  street_line2: '',
  post_code: 'NW1 6XE',
};

function findInvoice(chat: PayingChat, invoice: Message | number | undefined): Message {
  const id = typeof invoice === 'number' ? invoice : invoice?.message_id;
  const found = [...chat.history]
    .reverse()
    .find((m) => m.invoice !== undefined && m.from?.is_bot === true && (id === undefined || m.message_id === id));
  if (!found)
    throw new Error(
      id === undefined
        ? `payInvoice: the bot sent no invoice in chat ${chat.chatId}`
        : `payInvoice: message ${id} of chat ${chat.chatId} is not an invoice the bot sent`,
    );
  return found;
}

function sendInvoiceParams(chat: PayingChat, invoice: Message): Record<string, unknown> | undefined {
  return chat.calls.find((call) => {
    const result = call.response?.result as { message_id?: unknown; chat?: { id?: unknown } } | undefined;
    return (
      call.canonicalMethod === 'sendInvoice' &&
      result?.message_id === invoice.message_id &&
      result.chat?.id === chat.chatId
    );
  })?.params;
}

async function answerOf(
  chat: PayingChat,
  method: 'answerShippingQuery' | 'answerPreCheckoutQuery',
  idParam: string,
  id: string,
  after: number,
  timeoutMs: number,
  why: string,
): Promise<Record<string, unknown>> {
  const event = await chat.tracker.waitFor(
    after,
    (e) => e.type === 'call' && e.call.canonicalMethod === method && String(e.call.params[idParam]) === id,
    timeoutMs,
    () => `payInvoice: the bot did not call ${method} within ${timeoutMs} ms (${why})`,
  );
  return (event as Extract<ChatEvent, { type: 'call' }>).call.params;
}

function refused(params: Record<string, unknown>): PaymentResult {
  return {
    ok: false,
    params,
    ...(typeof params.error_message === 'string' ? { error_message: params.error_message } : {}),
  };
}

function isOk(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Pays the invoice: shipping query (flexible invoices), pre-checkout query, successful_payment. */
export async function payInvoice(
  chat: PayingChat,
  options: PayInvoiceOptions,
  timeoutMs: number,
): Promise<PaymentResult> {
  const invoiceMessage = findInvoice(chat, options.invoice);
  const invoice = invoiceMessage.invoice!;
  const sent = sendInvoiceParams(chat, invoiceMessage);
  const payload = options.payload ?? (sent?.payload === undefined ? undefined : String(sent.payload));
  if (payload === undefined)
    throw new Error(
      `payInvoice: the sendInvoice call of message ${invoiceMessage.message_id} is no longer recorded; pass { payload }`,
    );
  let total = invoice.total_amount;
  let shippingOptionId: string | undefined;
  const orderInfo: Record<string, unknown> = { ...options.orderInfo };

  if (sent?.is_flexible === true || sent?.is_flexible === 'true') {
    const shippingAddress = { ...DEFAULT_ADDRESS, ...options.shippingAddress };
    const id = newQueryId();
    const from = chat.tracker.lastSeq;
    chat.pushUpdate({
      shipping_query: { id, from: chat.from, invoice_payload: payload, shipping_address: shippingAddress },
    });
    const params = await answerOf(
      chat,
      'answerShippingQuery',
      'shipping_query_id',
      id,
      from,
      timeoutMs,
      'a flexible invoice asks for shipping options first',
    );
    if (!isOk(params.ok)) return refused(params);
    const offered = Array.isArray(params.shipping_options)
      ? (params.shipping_options as Array<{ id?: unknown; prices?: Array<{ amount?: unknown }> }>)
      : [];
    const option =
      options.shippingOptionId === undefined ? offered[0] : offered.find((o) => o.id === options.shippingOptionId);
    if (!option)
      throw new Error(
        `payInvoice: the bot offered no shipping option ${JSON.stringify(options.shippingOptionId ?? '(any)')}; offered: ${offered.map((o) => JSON.stringify(o.id)).join(', ') || 'none'}`,
      );
    shippingOptionId = String(option.id);
    total += (option.prices ?? []).reduce((sum, price) => sum + Number(price.amount ?? 0), 0);
    orderInfo.shipping_address = shippingAddress;
  }

  const id = newQueryId();
  const from = chat.tracker.lastSeq;
  const hasOrderInfo = Object.keys(orderInfo).length > 0;
  chat.pushUpdate({
    pre_checkout_query: {
      id,
      from: chat.from,
      currency: invoice.currency,
      total_amount: total,
      invoice_payload: payload,
      ...(shippingOptionId !== undefined ? { shipping_option_id: shippingOptionId } : {}),
      ...(hasOrderInfo ? { order_info: orderInfo } : {}),
    },
  });
  const params = await answerOf(
    chat,
    'answerPreCheckoutQuery',
    'pre_checkout_query_id',
    id,
    from,
    timeoutMs,
    'Telegram gives it 10 s, then cancels the payment',
  );
  if (!isOk(params.ok)) return refused(params);
  const message = await chat.pushMessage({
    successful_payment: {
      currency: invoice.currency,
      total_amount: total,
      invoice_payload: payload,
      ...(shippingOptionId !== undefined ? { shipping_option_id: shippingOptionId } : {}),
      ...(hasOrderInfo ? { order_info: orderInfo } : {}),
      telegram_payment_charge_id: `charge-${id}`,
      provider_payment_charge_id: invoice.currency === 'XTR' ? '' : `provider-${id}`,
    },
  });
  return { ok: true, message, params };
}
