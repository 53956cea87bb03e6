/**
 * Webhook ingress for a cluster: the bot's usual webhook server (secret check, size limit,
 * setWebhook; src/webhook/server.ts), but each update is appended to the {@link UpdateQueue} and
 * answered at once, instead of running handlers. Any number of these can sit behind a load
 * balancer. An update Redis did not take is answered 503, so Telegram delivers it again.
 *
 * With another framework, give the queue itself to its adapter: `expressHandler(queue, { secretToken })`.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { startWebhookServer, type RunWebhooksOptions, type WebhookServer } from '../webhook/server.js';
import type { UpdateQueue } from './queue.js';

/** What the ingress needs from the bot: any `Botte` fits. */
export interface WebhookIngressBot {
  /** The bot token (for the default secret path, never logged). */
  readonly token: string;
  /** Registers the webhook URL with Telegram (when `url` is given). */
  setWebhook(url: string, options?: Record<string, unknown>): Promise<unknown>;
  /** Gives an error to the bot's exceptionHandler. */
  reportError(error: unknown): Promise<boolean> | boolean;
}

/**
 * Starts a webhook server that queues every update it receives; same options as
 * `bot.runWebhooks()` (`replyInResponse` does not apply: no handler runs here).
 */
export function startWebhookIngress(
  bot: WebhookIngressBot,
  queue: UpdateQueue,
  options: RunWebhooksOptions = {},
): Promise<WebhookServer> {
  return startWebhookServer(
    {
      token: bot.token,
      setWebhook: (url, setOptions) => bot.setWebhook(url, setOptions),
      processNewUpdates: (updates: Update[]) => queue.processNewUpdates(updates),
      reportError: (error: unknown) => bot.reportError(error),
    },
    { ...options, replyInResponse: false },
  );
}
