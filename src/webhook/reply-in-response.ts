/**
 * Opt-in "reply in the webhook response": Telegram accepts one Bot API call as the body of the
 * answer to a webhook request, which saves one HTTP round trip. While a webhook update is being
 * handled, the first eligible call (a call without uploads, of a method marked `webhookReply` in
 * spec/bot-api.json; none of them needs its result to be useful) is kept
 * instead of being sent, and becomes the response body once the update's handlers finished.
 *
 * The kept call resolves at once with `true`: Telegram never tells its result, so a handler
 * that needs the sent Message (its message_id...) must not use this option.
 * @module
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Update } from '../api/generated/telegram-types.js';
import { methodSpec } from '../api/method-lookup.js';
import { prepareParams, type CallDefaults } from '../api/prepare-params.js';

const ignore = () => undefined;

/**
 * The response slot of one webhook update: the call kept for the response (with
 * `replyInResponse`) and the calls its handlers started, which the answer waits for (with
 * `waitForCalls`: a serverless function is frozen or cancelled once it answered).
 */
export class ReplySlot {
  /** The call kept for the response, as the JSON text of `{ method, ...params }`. */
  reply: string | undefined;
  private open = true;
  private readonly running = new Set<Promise<void>>();
  private watched = false;

  /** @param keepsReply whether the first eligible call becomes the response (`replyInResponse`) */
  constructor(private readonly keepsReply = true) {}

  /**
   * Watches a call a handler made; returns the promise its caller gets. That is a promise of its
   * own, so that a caller who never awaits it still has its rejection reported as unhandled
   * (src/api/unobserved-errors.ts) rather than silenced by the watching.
   */
  watch(call: Promise<unknown>): Promise<unknown> {
    if (!this.open) return call;
    this.watched = true;
    const settled = call.then(ignore, ignore).then(() => {
      this.running.delete(settled);
    });
    this.running.add(settled);
    return call.then((result) => result);
  }

  /**
   * Resolves once every watched call settled. A call chained on another (`.then(() => bot.…)`)
   * starts a few turns after the first settled: one macrotask is given for it to start.
   */
  async settled(): Promise<void> {
    if (!this.watched) return;
    for (;;) {
      while (this.running.size > 0) await Promise.all(this.running);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.running.size === 0) return;
    }
  }

  /**
   * Keeps the call when the slot is still free and the call is eligible; returns the Promise the
   * caller gets, or undefined when the call must go over HTTP.
   */
  offer(
    method: string,
    params: Record<string, unknown> | undefined,
    defaults: CallDefaults,
  ): Promise<unknown> | undefined {
    if (!this.keepsReply || !this.open || this.reply !== undefined || !methodSpec(method)?.webhookReply)
      return undefined;
    const prepared = prepareParams(params, methodSpec(method), defaults);
    if (prepared.files.size > 0) return undefined;
    // A call JSON cannot write (a BigInt...) goes over HTTP, where it fails in the handler that
    // made it; kept, it would fail the whole answer and Telegram would deliver the update again.
    try {
      this.reply = JSON.stringify({ method, ...prepared.fields });
    } catch {
      return undefined;
    }
    return Promise.resolve(true);
  }

  /** The update's handling finished: later calls go over HTTP. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    openSlots--;
  }
}

/** The slot of the update whose handler is running (AsyncLocalStorage follows its async calls). */
export const replyContext = new AsyncLocalStorage<ReplySlot>();

const slots = new WeakMap<Update, ReplySlot>();
/** Slots created and not closed yet: while 0, the bot skips every lookup. */
let openSlots = 0;

/** Gives `update` a response slot; the bot runs its handlers inside {@link replyContext}. */
export function attachReplySlot(update: Update, keepsReply = true): ReplySlot {
  const slot = new ReplySlot(keepsReply);
  openSlots++;
  slots.set(update, slot);
  return slot;
}

/** Takes the slot of `update` (undefined when it has none; nearly free when no slot is open). */
export function takeReplySlot(update: Update): ReplySlot | undefined {
  if (openSlots === 0) return undefined;
  const slot = slots.get(update);
  if (slot) slots.delete(update);
  return slot;
}

/** The slot of the handler running now, if any (nearly free when no slot is open). */
export function currentReplySlot(): ReplySlot | undefined {
  return openSlots === 0 ? undefined : replyContext.getStore();
}
