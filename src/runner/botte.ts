/**
 * `Botte`, the class users instantiate: the Dispatcher (handlers, filters, middlewares) plus
 * the ways of receiving updates — long polling (`runthebot`, `polling`) and webhooks
 * (`runWebhooks`, `processNewUpdates`) — all going through one {@link UpdateScheduler}.
 * The logic lives in the sibling files; this class wires it.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import type { MaybeAsync } from '../dispatch/maybe-async.js';
import { reportError } from '../dispatch/report-error.js';
import { logger } from '../logger.js';
import { Poller, type PollingOptions, type PollOptions } from './polling.js';
import { UpdateScheduler } from './update-scheduler.js';
import type { BotteOptions } from './options.js';
import { currentReplySlot, replyContext, takeReplySlot, type ReplySlot } from '../webhook/reply-in-response.js';
import { startWebhookServer, type RunWebhooksOptions, type WebhookServer } from '../webhook/server.js';
import { finishRunning } from './finish-running.js';
import { insideHandlerOf, outsideHandlers, runAsHandlerOf } from './handler-context.js';
import { onCloudflareWorkers, RuntimeFeatureUnavailableError } from '../runtime/node-only.js';

export type { PollingOptions, PollOptions, BackoffOptions } from './polling.js';

/** Default of the `numThreads` option: how many updates run at once when `threaded`. */
export const DEFAULT_NUM_THREADS = 100;

/** How long `stopBot()` waits for running handlers before it warns (it goes on waiting). */
const STOP_WARNING_MS = 1000;
// Only updates handed in with processNewUpdates can get here still running (polling and
// runWebhooks wait for theirs first); there a handler awaiting stopBot() cannot be told apart.
const STOP_ADVICE =
  ' A handler that awaits stopBot() waits for itself when the bot neither polls nor serves runWebhooks(): call it there without await.';

/**
 * A Telegram bot: every Bot API method (`bot.sendMessage(...)`), handler registrars
 * (`bot.handleMsg(...)`) and the runners.
 *
 * Updates are handled concurrently (`threaded`, default true) by up to `numThreads` (default 100, a full getUpdates batch)
 * at once, with the updates of one chat (or of one user, for inline queries and the like) always
 * handled one after the other, in order. `threaded: false` handles one update at a time.
 *
 * @example
 * const bot = new Botte(process.env.BOT_TOKEN!);
 * bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Howdy!'));
 * await bot.runthebot();
 */
export class Botte extends Dispatcher {
  private updateScheduler?: UpdateScheduler;
  private poller?: Poller;
  private readonly webhookServers = new Set<WebhookServer>();
  /** The options the bot was built with. */
  declare readonly options: BotteOptions;

  /**
   * @param token the token BotFather gave
   * @param options see {@link BotteOptions}
   */
  constructor(token: string, options: BotteOptions = {}) {
    super(token, options);
  }

  /** The scheduler every update goes through (created on first use from the options). */
  protected get scheduler(): UpdateScheduler {
    this.updateScheduler ??= new UpdateScheduler((update) => this.runUpdate(update), {
      concurrency: this.options.threaded === false ? 1 : (this.options.numThreads ?? DEFAULT_NUM_THREADS),
      perChat: this.options.threaded !== false,
      onError: (error) => void this.reportError(error),
    });
    return this.updateScheduler;
  }

  protected override runUpdate(update: Update): MaybeAsync {
    const slot = takeReplySlot(update);
    if (slot) return this.runWithReplySlot(slot, update);
    // Only while polling or serving webhooks, where a handler may stop the bot (handler-context.ts).
    return this.poller?.running || this.webhookServers.size > 0
      ? this.runAsOwnHandler(update)
      : super.runUpdate(update);
  }

  // Its own method, like runWithReplySlot: a closure in runUpdate would cost every update a context.
  private runAsOwnHandler(update: Update): MaybeAsync {
    return runAsHandlerOf(this, () => super.runUpdate(update));
  }

  // Its own method: the closure below, were it in runUpdate, would cost every update a context.
  private runWithReplySlot(slot: ReplySlot, update: Update): MaybeAsync {
    return replyContext.run(slot, () => runAsHandlerOf(this, () => super.runUpdate(update)));
  }

  private getPoller(): Poller {
    const bot = this;
    this.poller ??= new Poller(
      {
        callApi: (method, params, call) => bot.callApi(method as string, params, call),
        get user() {
          return bot.user;
        },
        reportError: (error, context) => reportError(bot.options.exceptionHandler, error, context),
        options: bot.options,
      },
      this.scheduler,
    );
    return this.poller;
  }

  /**
   * Polls Telegram for updates and never gives up: network errors, 5xx answers, invalid JSON,
   * 429 and 409 Conflict are logged and retried after a backoff (0.25 s doubling to 30 s, reset
   * by a success). Only a rejected token (401/404) ends it, with that error. Resolves when
   * `stopPolling()`/`stopBot()` stopped it.
   */
  runthebot(options: PollingOptions = {}): Promise<void> {
    return this.startPolling({ ...options, nonStop: true });
  }

  /** The Python library's name for {@link runthebot}. */
  infinityPolling(options: PollingOptions = {}): Promise<void> {
    return this.runthebot(options);
  }

  /**
   * Polls Telegram for updates. Without `nonStop` it ends (rejects) at the first error the
   * `exceptionHandler` does not mark handled; {@link runthebot} is the robust choice.
   */
  polling(options: PollOptions = {}): Promise<void> {
    return this.startPolling({ nonStop: false, ...options });
  }

  private startPolling(options: PollOptions): Promise<void> {
    if (onCloudflareWorkers()) {
      // A Worker lives for one request: a polling loop would be cut when it ends.
      return Promise.reject(
        new RuntimeFeatureUnavailableError(
          'Long polling (runthebot, polling)',
          'a process that outlives a request',
          undefined,
          'Export webhookHandler(bot) and set a webhook instead: export default { fetch: webhookHandler(bot) }.',
        ),
      );
    }
    const run = this.getPoller().start(options);
    if (options.handleSignals) {
      const remove = installSignalHandlers(() => this.stopBot());
      void run.finally(remove).catch(() => undefined);
    }
    return run;
  }

  /**
   * Stops polling gracefully; resolves when the long poll was aborted, the handlers still
   * running finished and the offset of everything handled was confirmed to Telegram. Called
   * inside one of the bot's own handlers, it starts the stop and resolves at once (waiting would
   * wait for the caller); the promise of `runthebot()`/`polling()` resolves when the stop is done.
   */
  async stopPolling(): Promise<void> {
    // Inside one of this bot's handlers, waiting would wait for that handler: start the stop and
    // resolve; the polling promise still resolves once every handler finished.
    if (insideHandlerOf(this)) void outsideHandlers(() => this.poller?.stop());
    else await this.poller?.stop();
  }

  /**
   * {@link stopPolling}, then closes the servers of `runWebhooks` (after their pending requests
   * were answered), waits for every handler, flushes the storages that buffer writes (the
   * next-step and reply backends and the state storage, when they have a `flush()`) and closes
   * the pooled connections. Inside one of the bot's own handlers it starts all this and resolves
   * at once, like {@link stopPolling}.
   */
  async stopBot(): Promise<void> {
    if (insideHandlerOf(this)) {
      // As in stopPolling: the whole stop goes on once the calling handler (and every other) finished.
      void outsideHandlers(() => this.stopBot()).catch((error) => logger.error('Stopping the bot failed', error));
      return;
    }
    await this.stopPolling();
    await Promise.all([...this.webhookServers].map((server) => server.close()));
    if (this.updateScheduler) await finishRunning(this.updateScheduler, STOP_WARNING_MS, STOP_ADVICE);
    await this.flushStorages();
    await this.closeSession();
  }

  /** Writes what buffering storages (e.g. `FileHandlerBackend`'s delayed save) still hold. */
  private async flushStorages(): Promise<void> {
    // A Set: one object may serve as several of them.
    const storages = new Set<unknown>([
      this.dispatchState.steps.nextStep,
      this.dispatchState.steps.reply,
      this.botStates.storage,
    ]);
    for (const storage of storages) {
      const flush = (storage as { flush?: unknown } | undefined)?.flush;
      if (typeof flush !== 'function') continue;
      try {
        await (flush as () => unknown).call(storage);
      } catch (error) {
        // The stop goes on (connections still close); the loss is reported.
        logger.error(
          `Could not flush ${(storage as object).constructor?.name ?? 'a storage'} while stopping the bot`,
          error,
        );
      }
    }
  }

  /**
   * Hands updates in (the webhook path); they go through the same scheduler as polled ones.
   * Resolves when their handlers finished.
   */
  override processNewUpdates(updates: readonly Update[]): Promise<void> {
    const count = updates.length;
    if (count === 0) return Promise.resolve();
    const scheduler = this.scheduler;
    return new Promise((resolve) => {
      let left = count;
      const done = () => {
        if (--left === 0) resolve();
      };
      for (let i = 0; i < count; i++) scheduler.push(updates[i]!, done);
    });
  }

  /**
   * Starts a node:http (https with `certificate` + `certificateKey`) server receiving webhook
   * updates on `urlPath`; with `url` it also registers the webhook (setWebhook).
   */
  async runWebhooks(options: RunWebhooksOptions = {}): Promise<WebhookServer> {
    const server = await startWebhookServer(this, options);
    const removeSignalHandlers = options.handleSignals ? installSignalHandlers(() => this.stopBot()) : undefined;
    const tracked: WebhookServer = {
      ...server,
      close: async () => {
        this.webhookServers.delete(tracked);
        removeSignalHandlers?.();
        await server.close();
      },
    };
    this.webhookServers.add(tracked);
    return tracked;
  }

  /**
   * Inside a webhook update with `replyInResponse`, the first eligible call (typed or by name)
   * becomes the webhook response instead of a request (see webhook/reply-in-response.ts).
   */
  protected override interceptCall(
    method: string,
    params: Record<string, unknown> | undefined,
  ): Promise<unknown> | undefined {
    return currentReplySlot()?.offer(method, params, this.options);
  }

  /** Inside a webhook update whose answer waits for its calls, the call is watched until it settles. */
  protected override watchSentCall(call: Promise<unknown>): Promise<unknown> {
    const slot = currentReplySlot();
    return slot === undefined ? call : slot.watch(call);
  }
}

/** SIGINT/SIGTERM → `stop()`; a second signal exits at once. Returns the uninstaller. */
function installSignalHandlers(stop: () => Promise<void>): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    stopping = true;
    logger.info(`${signal} received: stopping the bot (send it again to exit at once)`);
    stop().catch((error) => logger.error('Stopping the bot failed', error));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
