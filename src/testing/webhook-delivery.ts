/**
 * Webhook delivery, opt-in (`EmulatorOptions.deliverWebhooks`): once setWebhook is set, each
 * pending update is POSTed to the URL with the `X-Telegram-Bot-Api-Secret-Token` header, as
 * Telegram does: one update at a time per chat (in order), retried until the bot answers 2xx,
 * and a method call in the answer's body (`{"method": ...}`) is executed.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import type { WebhookState } from './default-methods.js';
import type { UpdateQueue } from './updates.js';

/** Options of webhook delivery. */
export interface WebhookDeliveryOptions {
  /** First retry delay after a failed delivery, doubled each time (default 100 ms). */
  retryDelayMs?: number;
  /** Longest retry delay (default 5000 ms). */
  maxRetryDelayMs?: number;
  /** How long the bot may take to answer (default 10 s). */
  timeoutMs?: number;
}

/** What delivery reads from the emulator. */
export interface DeliveryHost {
  /** The current webhook. */
  webhook(): WebhookState;
  /** The update queue. */
  updates: UpdateQueue;
  /** Runs a method the bot answered the webhook with (its JSON body). */
  callMethod(method: string, params: Record<string, unknown>): Promise<void>;
}

/** The chat an update belongs to: deliveries of one chat never overlap. */
export function laneOf(update: Update): string {
  const body = Object.values(update).find((value) => typeof value === 'object' && value !== null) as
    | Record<string, unknown>
    | undefined;
  const chat = (body?.chat ?? (body?.message as Record<string, unknown> | undefined)?.chat) as
    | { id?: number }
    | undefined;
  if (chat?.id !== undefined) return `chat:${chat.id}`;
  const from = body?.from as { id?: number } | undefined;
  return from?.id !== undefined ? `user:${from.id}` : 'other';
}

/** Delivers pending updates to the webhook. */
export class WebhookDelivery {
  private readonly busy = new Set<string>();
  private readonly failures = new Map<number, number>();
  private readonly controllers = new Set<AbortController>();
  private stopped = false;
  /** The last delivery error, as getWebhookInfo's `last_error_message` would say. */
  lastError: string | undefined;

  /** Creates the delivery for `host`. */
  constructor(
    private readonly host: DeliveryHost,
    private readonly options: WebhookDeliveryOptions = {},
  ) {}

  /** Looks for updates to deliver (called when one is pushed or the webhook changes). */
  kick(): void {
    if (this.stopped) return;
    const { url } = this.host.webhook();
    if (url === '') return;
    const started = new Set<string>();
    for (const update of this.host.updates.pending()) {
      const lane = laneOf(update);
      if (this.busy.has(lane) || started.has(lane)) {
        started.add(lane);
        continue;
      }
      started.add(lane);
      this.busy.add(lane);
      void this.deliver(update, lane);
    }
  }

  /** Stops delivering and aborts requests in flight. */
  stop(): void {
    this.stopped = true;
    for (const controller of this.controllers) controller.abort();
  }

  private async deliver(update: Update, lane: string): Promise<void> {
    const webhook = this.host.webhook();
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 10_000);
    let ok = false;
    let answer = '';
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(webhook.secret_token ? { 'x-telegram-bot-api-secret-token': webhook.secret_token } : {}),
        },
        body: JSON.stringify(update),
        signal: controller.signal,
      });
      answer = await response.text();
      ok = response.status >= 200 && response.status < 300;
      if (!ok) this.lastError = `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (error) {
      this.lastError = `Connection failed: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
    if (this.stopped) return;
    if (ok) {
      this.failures.delete(update.update_id);
      this.host.updates.confirm(update.update_id);
      // The method in the answer runs before the chat's next update is sent, as the bot expects.
      await this.runAnswer(answer);
      this.busy.delete(lane);
      this.kick();
      return;
    }
    const attempts = (this.failures.get(update.update_id) ?? 0) + 1;
    this.failures.set(update.update_id, attempts);
    const delay = Math.min(
      this.options.maxRetryDelayMs ?? 5000,
      (this.options.retryDelayMs ?? 100) * 2 ** (attempts - 1),
    );
    setTimeout(() => {
      this.busy.delete(lane);
      this.kick();
    }, delay).unref();
  }

  private async runAnswer(text: string): Promise<void> {
    if (text.trim() === '') return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof body !== 'object' || body === null || typeof (body as { method?: unknown }).method !== 'string') return;
    const { method, ...params } = body as { method: string } & Record<string, unknown>;
    await this.host.callMethod(method, params).catch(() => undefined);
  }
}
