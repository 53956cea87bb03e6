/**
 * The long-polling loop behind `runthebot()` and `polling()`. Unlike pyTelegramBotAPI it
 * confirms an update to Telegram only after its handling finished (exactly once across stops
 * and crashes, see {@link OffsetTracker}), keeps running through network errors with a capped
 * exponential backoff, holds back fetching while too many updates are unfinished, and stops
 * gracefully: the in-flight long poll is aborted, running handlers finish, the final offset
 * is confirmed.
 * @module
 */
import type { Update, UserFromGetMe } from '../api/generated/telegram-types.js';
import { ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from '../api/errors.js';
import { MalformedUpdateError, usableUpdateId } from '../dispatch/malformed-update.js';
import { sleep } from '../util/sleep.js';
import { logger } from '../logger.js';
import { finishRunning } from './finish-running.js';
import { OffsetTracker } from './offset-tracker.js';
import type { UpdateScheduler } from './update-scheduler.js';
import { FileUpdateJournal, JournalKeeper, type UpdateJournal } from './update-journal.js';

/** Backoff between failed getUpdates calls: `initialMs` doubling up to `maxMs`, reset on success. */
export interface BackoffOptions {
  /** First wait after an error (default 250 ms). */
  initialMs?: number | undefined;
  /** Longest wait (default 30 000 ms). */
  maxMs?: number | undefined;
}

/** Options shared by `polling()` and `runthebot()`. */
export interface PollingOptions {
  /** Seconds to wait between two getUpdates calls (default 0). */
  interval?: number | undefined;
  /** HTTP read timeout of getUpdates in seconds (default 20); at least `longPollingTimeout` + 5 is used. */
  timeout?: number | undefined;
  /** The `timeout` sent to getUpdates: how long Telegram holds the call open when idle (default 20). */
  longPollingTimeout?: number | undefined;
  /** Update types to receive (`util.updateTypes` for all); undefined keeps Telegram's previous setting. */
  allowedUpdates?: readonly string[] | undefined;
  /** Drops every update pending at start (none of them is handled). Default: the constructor option. */
  skipPending?: boolean | undefined;
  /** Backoff after errors. */
  backoff?: BackoffOptions | undefined;
  /**
   * Fetching pauses while more than this many polled updates are queued or running, so memory
   * stays bounded when handlers are slower than the update rate. Default 200 (2 × getUpdates' limit).
   */
  maxUnfinished?: number | undefined;
  /**
   * The offset cannot pass an update that is still being handled, and while one is pending
   * Telegram answers getUpdates at once (no long poll) with at most 100 updates from it on. So
   * while a slow handler holds the offset, the poller polls again every `stalledWindowMs / 4`
   * (or as soon as a handler finishes) to fetch other chats' new updates, and once an update has
   * been running longer than this many ms the offset moves past it, so that long polling (and the
   * window of 100) is free again. Moved-past updates are still handled, exactly once; only a
   * crash before they finish would lose them, unless a {@link journal} keeps them. Default 1000
   * without a journal, 25 with one; `Infinity` never moves past an unfinished update (the poller
   * then keeps polling every 250 ms while one runs).
   *
   * Without a journal this is a trade-off, measured in RELIABILITY.md: Telegram's getUpdates
   * cannot fetch past an offset without confirming everything below it, so with slow handlers
   * throughput (about 100 updates per slow-handler duration with `Infinity` or 1000) and
   * at-least-once on kill -9 (kept only with `Infinity`) cannot both be had. With a journal
   * both hold.
   */
  stalledWindowMs?: number | undefined;
  /**
   * Where to keep the updates the offset moves past before they finished (see `stalledWindowMs`):
   * a file path (a {@link FileUpdateJournal}) or your own {@link UpdateJournal}. They are written
   * there before the offset moves, taken out when they finish, and the next run handles what is
   * left before polling, so a crash (kill -9) loses none of them while slow handlers no longer
   * hold up other chats. One journal per bot. `skipPending` empties it without handling it. A
   * journal that cannot be read ends the run with its error (starting without it would lose its
   * updates).
   */
  journal?: string | UpdateJournal | undefined;
  /** SIGINT/SIGTERM stop the bot gracefully (a second signal exits at once). */
  handleSignals?: boolean | undefined;
  /** Not supported: run `node --watch your-bot.js` instead. */
  restartOnChange?: boolean | undefined;
}

/** Options of `polling()`. */
export interface PollOptions extends PollingOptions {
  /** Keep polling after errors instead of ending at the first one (default false). */
  nonStop?: boolean | undefined;
}

/** What the loop needs from the bot. */
export interface PollingHost {
  /** Calls getUpdates (the only method the loop uses). */
  callApi(
    method: 'getUpdates',
    params: Record<string, unknown>,
    call: { signal?: AbortSignal | undefined; retry?: boolean | undefined; timeout?: number | undefined },
  ): Promise<unknown>;
  /** The bot's own user (from getMe), awaited before polling starts. */
  readonly user: Promise<UserFromGetMe>;
  /** Gives the error to the exception handler; logs it (with `context`) when unhandled. */
  reportError(error: unknown, context: string): Promise<boolean>;
  /** The bot's options; `skipPending` drops updates queued before polling starts. */
  readonly options: { skipPending?: boolean | undefined };
}

const LIMIT = 100;

/** Whether no amount of retrying can fix `error` (wrong or revoked token). */
export function isFatalPollingError(error: unknown): boolean {
  return error instanceof ApiTelegramException && (error.errorCode === 401 || error.errorCode === 404);
}

const ignore = (): void => undefined;

/** One bot's polling loop; at most one run at a time. */
export class Poller {
  private controller?: AbortController;
  private runPromise?: Promise<void>;

  /** @param host the bot @param scheduler the bot's update scheduler */
  constructor(
    private readonly host: PollingHost,
    private readonly scheduler: UpdateScheduler,
  ) {}

  /** Runs until {@link stop} (resolves) or a fatal error / any error without `nonStop` (rejects). */
  start(options: PollOptions): Promise<void> {
    if (this.runPromise) return Promise.reject(new Error('This bot is already polling; call stopPolling() first'));
    if (options.restartOnChange) {
      return Promise.reject(
        new Error('restartOnChange is not supported by Botte: run your bot with `node --watch bot.js` instead'),
      );
    }
    const controller = new AbortController();
    this.controller = controller;
    const run = this.loop(options, controller.signal).finally(() => {
      if (this.runPromise === run) this.runPromise = undefined;
    });
    this.runPromise = run;
    return run;
  }

  /** Whether a run is going on (from {@link start} until its promise settles). */
  get running(): boolean {
    return this.runPromise !== undefined;
  }

  /** Asks the run to stop; resolves when it ended (handlers finished, offset confirmed). */
  async stop(): Promise<void> {
    const run = this.runPromise;
    this.controller?.abort(new Error('polling stopped'));
    if (run) await run.catch(() => undefined);
  }

  private async loop(options: PollOptions, signal: AbortSignal): Promise<void> {
    const { host, scheduler } = this;
    const interval = (options.interval ?? 0) * 1000;
    const longPoll = options.longPollingTimeout ?? 20;
    // The client adds the long-poll seconds to the read timeout it is given.
    const readTimeout = Math.max(5, (options.timeout ?? 20) - longPoll);
    const initialBackoff = options.backoff?.initialMs ?? 250;
    const maxBackoff = options.backoff?.maxMs ?? 30_000;
    const maxUnfinished = options.maxUnfinished ?? 2 * LIMIT;
    const tracker = new OffsetTracker();
    const journal = typeof options.journal === 'string' ? new FileUpdateJournal(options.journal) : options.journal;
    const keeper =
      journal && new JournalKeeper(journal, (error) => void host.reportError(error, 'The update journal failed'));
    const stalledWindowMs = options.stalledWindowMs ?? (keeper ? 25 : 1000);
    const onDone = keeper
      ? (update: Update) => {
          tracker.finish(update.update_id);
          keeper.finished(update.update_id);
        }
      : (update: Update) => tracker.finish(update.update_id);
    let backoff = initialBackoff;
    let fatal: unknown;
    let stalledWarned = false;
    // While a slow handler holds the offset, Telegram answers at once with the known updates:
    // poll again after this short tick (or when a handler finishes) instead of spinning.
    const stalledTick = Number.isFinite(stalledWindowMs) ? Math.min(1000, Math.max(10, stalledWindowMs / 4)) : 250;

    // One shared "some update finished" promise: waiting again and again (backpressure, stalled
    // offset) must not add a new waiter to the scheduler each time.
    let settled: Promise<void> | undefined;
    const nextSettled = (): Promise<void> =>
      (settled ??= scheduler.nextSettled().then(() => {
        settled = undefined;
      }));
    /** Resolves when an update finished, `ms` passed or the run is stopped, whichever is first. */
    const settledOrTick = async (ms: number): Promise<void> => {
      // A timer of its own, cancelled when the race is over, so no timer or abort listener lingers.
      const tick = new AbortController();
      const onAbort = () => tick.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      try {
        await Promise.race([nextSettled(), sleep(ms, tick.signal).catch(ignore)]);
      } finally {
        signal.removeEventListener('abort', onAbort);
        tick.abort();
      }
    };

    /** Decides what an error means: returns normally to retry after a wait, throws to end the run. */
    const onError = async (error: unknown, what: string): Promise<void> => {
      if (isFatalPollingError(error)) {
        const code = (error as ApiTelegramException).errorCode;
        logger.error(`${what} failed with ${code}: the bot token is wrong or was revoked; polling stops.`);
        fatal = error;
        throw error;
      }
      let wait = backoff;
      let context = `${what} failed`;
      if (error instanceof ApiTelegramException && error.errorCode === 409) {
        context =
          'getUpdates answered 409 Conflict: another instance of this bot is polling, or a webhook is set ' +
          '(remove it with bot.removeWebhook())';
      } else if (error instanceof ApiTelegramException && error.errorCode === 429) {
        wait = Math.max(wait, (error.retryAfter ?? 1) * 1000);
        context = `${what} was rate limited`;
      }
      if (options.nonStop) context += `; retrying in ${wait} ms`;
      const handled = await host.reportError(error, context);
      if (!options.nonStop && !handled) {
        fatal = error;
        throw error;
      }
      backoff = Math.min(backoff * 2, maxBackoff);
      await sleep(wait, signal).catch(ignore);
    };

    try {
      // Who am I (logged, and needed for `/cmd@botname`); retried like getUpdates.
      while (!signal.aborted) {
        try {
          const me = await host.user;
          logger.info(`Polling started as @${me.username ?? me.id}`);
          backoff = initialBackoff;
          break;
        } catch (error) {
          if (signal.aborted) break;
          await onError(error, 'getMe');
        }
      }
      const skipPending = options.skipPending ?? host.options.skipPending;
      if (keeper && !signal.aborted) await this.replay(keeper, tracker, onDone, skipPending);
      if (skipPending) {
        while (!signal.aborted) {
          try {
            // offset -1 returns only the newest pending update; starting after it drops them all.
            const last = (await host.callApi(
              'getUpdates',
              { offset: -1, limit: 1, timeout: 0 },
              { signal, retry: false },
            )) as Update[];
            if (last.length) tracker.startAt(last[last.length - 1]!.update_id + 1);
            backoff = initialBackoff;
            break;
          } catch (error) {
            if (signal.aborted) break;
            await onError(error, 'getUpdates (skipPending)');
          }
        }
      }

      while (!signal.aborted) {
        // Backpressure: do not fetch while too much is unfinished.
        while (tracker.unfinished > maxUnfinished && !signal.aborted) await settledOrTick(1000);
        if (signal.aborted) break;
        keeper?.tidy();
        const offset = tracker.offset();
        let updates: Update[];
        try {
          const params: Record<string, unknown> = { offset, limit: LIMIT, timeout: longPoll };
          if (options.allowedUpdates) params.allowed_updates = options.allowedUpdates;
          updates = (await host.callApi('getUpdates', params, {
            signal,
            retry: false,
            timeout: readTimeout,
          })) as Update[];
        } catch (error) {
          if (signal.aborted) break;
          await onError(error, 'getUpdates');
          continue;
        }
        if (!Array.isArray(updates)) {
          await onError(
            new ApiInvalidJSONException('getUpdates', String(JSON.stringify(updates))),
            'getUpdates: the result is not a list',
          );
          continue;
        }
        backoff = initialBackoff;
        tracker.confirm(offset);
        let fresh = 0;
        for (const update of updates) {
          const id = usableUpdateId(update);
          if (id === undefined) {
            // Without an id it cannot be tracked nor confirmed: reported once, then skipped
            // (the ids around it move the offset past it).
            await host.reportError(
              new MalformedUpdateError('update_id is not an integer', update),
              'getUpdates returned a malformed update',
            );
            continue;
          }
          if (tracker.isKnown(id)) continue;
          tracker.accept(id);
          keeper?.accepted(update);
          fresh++;
          scheduler.push(update, onDone);
        }
        if (fresh === 0 && updates.length > 0) {
          // Only updates still being handled came back, so the offset is held by a running handler.
          // Do not wait for that handler (other chats would wait too): poll again soon with the
          // offset still held, skipping the known ids, so new updates of other chats start at once.
          if (tracker.offset() === offset) await settledOrTick(stalledTick);
          if (Number.isFinite(stalledWindowMs)) {
            // Updates running for longer than the window stop holding the offset: long polling
            // resumes, and Telegram's window of 100 cannot fill up with them.
            // With a journal, they are moved past only once it keeps them (then nothing is lost).
            const stalled = tracker.stalled(stalledWindowMs);
            const released = stalled.length && (!keeper || (await keeper.keep(stalled))) ? stalled : [];
            tracker.release(released);
            if (released.length && !keeper && !stalledWarned) {
              stalledWarned = true;
              logger.warn(
                `${released.length} update(s) (e.g. ${released[0]}) are still being handled after ${stalledWindowMs} ms ` +
                  '(slow handlers?); the offset moves past them so that other chats keep flowing',
              );
            }
          }
        }
        if (interval > 0) await sleep(interval, signal).catch(ignore);
      }
    } finally {
      // Graceful end: every accepted update is handled, then its offset is confirmed.
      await finishRunning(scheduler, stalledWindowMs);
      await keeper?.close();
      if (!isFatalPollingError(fatal)) await this.confirmFinal(tracker);
    }
  }

  /** Handles what the journal kept from the previous run (or drops it with `skipPending`). */
  private async replay(
    keeper: JournalKeeper,
    tracker: OffsetTracker,
    onDone: (update: Update) => void,
    skipPending: boolean | undefined,
  ): Promise<void> {
    const left = await keeper.load();
    const dropped: number[] = [];
    let replayed = 0;
    for (const update of left) {
      const id = usableUpdateId(update);
      if (id === undefined) {
        await this.host.reportError(
          new MalformedUpdateError('update_id is not an integer', update),
          'The update journal holds a malformed update',
        );
        continue;
      }
      if (skipPending || tracker.isKnown(id)) {
        dropped.push(id);
        continue;
      }
      // Telegram may still hold it too (a crash before the moved offset reached it): known, so skipped there.
      tracker.accept(id);
      tracker.release([id]);
      keeper.accepted(update as Update, true);
      replayed++;
      this.scheduler.push(update as Update, onDone);
    }
    await keeper.drop(dropped);
    if (replayed) logger.info(`Handling ${replayed} update(s) kept in the update journal by the previous run`);
  }

  /** Confirms the last offset with a short getUpdates whose answer is left pending. */
  private async confirmFinal(tracker: OffsetTracker): Promise<void> {
    const offset = tracker.offset();
    if (offset === undefined || offset === tracker.confirmed) return;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await this.host.callApi('getUpdates', { offset, limit: 1, timeout: 0 }, { retry: false, timeout: 10 });
        tracker.confirm(offset);
        return;
      } catch (error) {
        if (isFatalPollingError(error) || (error instanceof ApiHTTPException && error.code === 'ABORTED')) break;
        logger.warn(`Could not confirm the last offset ${offset} (${(error as Error)?.message}); retrying`);
        await sleep(100 * 2 ** attempt);
      }
    }
    logger.error(
      `The last offset ${offset} was not confirmed; updates handled since the last poll may be delivered again`,
    );
  }
}
