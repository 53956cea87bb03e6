/**
 * {@link LeaderPolling}: long polling for a cluster. Every ingress process runs one; exactly one
 * of them (the holder of a Redis lock it renews) calls getUpdates and appends what it gets to the
 * {@link UpdateQueue}. The offset lives in Redis and is advanced only after the updates below it
 * were queued (XADD answered), and only by the lock holder; the next getUpdates then confirms
 * them to Telegram. When the leader dies its lock expires (`lockMs`, default 3000) and another
 * process, trying every `retryMs`, takes over from the stored offset: nothing is skipped; updates
 * queued but not yet recorded in the offset are fetched and queued again, and the workers' dedup
 * keeps them from running twice.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { ApiTelegramException } from '../api/errors.js';
import { MalformedUpdateError, usableUpdateId } from '../dispatch/malformed-update.js';
import { logger } from '../logger.js';
import { acquireLease, releaseLease } from './leases.js';
import type { UpdateQueue } from './queue.js';

/** What the leader needs from the bot: any `Botte` fits. */
export interface LeaderPollingBot {
  /** Calls a Bot API method (getUpdates here). */
  callApi(
    method: string,
    params?: Record<string, unknown>,
    call?: { signal?: AbortSignal; retry?: boolean; timeout?: number },
  ): Promise<unknown>;
  /** Gives an error to the bot's exceptionHandler. */
  reportError(error: unknown): Promise<boolean> | boolean;
}

/** Options of {@link LeaderPolling}. */
export interface LeaderPollingOptions {
  /** This process's id in the election (default `l-<pid>-<random>`). */
  id?: string;
  /** The leader lock's lifetime in ms (default 3000): a dead leader is replaced within about this plus `retryMs`. */
  lockMs?: number;
  /** How often followers try to take the lock and the leader renews it, in ms (default 500). */
  retryMs?: number;
  /** getUpdates' long-poll `timeout` in seconds (default 10). */
  longPollingTimeout?: number;
  /** Update types to receive (`allowed_updates`). */
  allowedUpdates?: readonly string[];
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/** Writes the offset only while the caller still holds the lock (KEYS: lock, offset). */
const SET_OFFSET = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2]) return 1 end
return 0`;

/** One process's part in leader-elected long polling; see the module comment. */
export class LeaderPolling {
  /** This process's id in the election. */
  readonly id: string;
  private readonly lockMs: number;
  private readonly retryMs: number;
  private readonly longPoll: number;
  private readonly allowedUpdates?: readonly string[];
  private stopper?: AbortController;
  private run?: Promise<void>;
  private leading = false;
  private leadershipController?: AbortController;
  private queuedCount = 0;

  /** @param bot calls getUpdates @param queue receives the updates @param options see {@link LeaderPollingOptions} */
  constructor(
    private readonly bot: LeaderPollingBot,
    private readonly queue: UpdateQueue,
    options: LeaderPollingOptions = {},
  ) {
    this.id = options.id ?? `l-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.lockMs = options.lockMs ?? 3000;
    this.retryMs = options.retryMs ?? 500;
    this.longPoll = options.longPollingTimeout ?? 10;
    this.allowedUpdates = options.allowedUpdates;
    if (!(this.retryMs > 0 && this.retryMs * 2 <= this.lockMs))
      throw new RangeError('LeaderPolling: retryMs must be > 0 and at most lockMs / 2');
  }

  /** Whether this process is the leader now. */
  get isLeader(): boolean {
    return this.leading;
  }

  /** How many updates this process queued while leading. */
  get queued(): number {
    return this.queuedCount;
  }

  /** Takes part in the election and polls while leading; returns at once (see {@link stop}). */
  start(): void {
    if (this.run) throw new Error('LeaderPolling: already started');
    const stopper = new AbortController();
    this.stopper = stopper;
    this.run = this.campaign(stopper.signal);
  }

  /** Stops polling and gives the lock up (another process takes over at once). */
  async stop(): Promise<void> {
    this.stopper?.abort();
    this.leadershipController?.abort();
    await this.run;
    this.run = undefined;
  }

  private async campaign(signal: AbortSignal): Promise<void> {
    const { client, keys } = this.queue;
    while (!signal.aborted) {
      try {
        if (await acquireLease(client, keys.pollLeader, this.id, this.lockMs)) await this.lead(signal);
      } catch (error) {
        logger.warn(
          `LeaderPolling ${this.id}: election failed (Redis unreachable?):`,
          error instanceof Error ? error.message : error,
        );
      }
      await sleep(this.retryMs, signal);
    }
  }

  /** Polls while the lock is ours; a renewal timer drops the leadership when it is lost. */
  private async lead(stopSignal: AbortSignal): Promise<void> {
    const { client, keys } = this.queue;
    const leadership = new AbortController();
    this.leadershipController = leadership;
    const onStop = () => leadership.abort();
    stopSignal.addEventListener('abort', onStop, { once: true });
    this.leading = true;
    logger.info(`LeaderPolling ${this.id}: now the polling leader`);
    let renewing = false;
    const timer = setInterval(() => {
      if (renewing) return;
      renewing = true;
      acquireLease(client, keys.pollLeader, this.id, this.lockMs) // renews it: the lock is ours
        .then((mine) => {
          if (!mine) {
            logger.warn(`LeaderPolling ${this.id}: lost the leader lock`);
            leadership.abort();
          }
        })
        .catch(() => undefined) // Redis away: the lock may expire; the SET_OFFSET check guards the offset
        .finally(() => {
          renewing = false;
        });
    }, this.retryMs);
    let backoff = 250;
    try {
      while (!leadership.signal.aborted) {
        try {
          const stored = await this.queue.command(['GET', keys.pollOffset]);
          const offset = stored === null || stored === undefined ? undefined : Number(stored);
          const params: Record<string, unknown> = { limit: 100, timeout: this.longPoll };
          if (offset !== undefined) params.offset = offset;
          if (this.allowedUpdates) params.allowed_updates = this.allowedUpdates;
          const updates = (await this.bot.callApi('getUpdates', params, {
            signal: leadership.signal,
            retry: false,
            timeout: 10,
          })) as Update[];
          if (leadership.signal.aborted) break;
          if (!Array.isArray(updates) || updates.length === 0) {
            backoff = 250;
            continue;
          }
          const good: Update[] = [];
          let last = offset === undefined ? -Infinity : offset - 1;
          for (const update of updates) {
            const id = usableUpdateId(update);
            if (id === undefined) {
              await this.bot.reportError(new MalformedUpdateError('update_id is not an integer', update));
              continue;
            }
            if (id > last) last = id;
            good.push(update);
          }
          await this.queue.enqueue(good);
          this.queuedCount += good.length;
          if (Number.isFinite(last)) {
            const ok = await this.queue.command([
              'EVAL',
              SET_OFFSET,
              '2',
              keys.pollLeader,
              keys.pollOffset,
              this.id,
              String(last + 1),
            ]);
            if (Number(ok) !== 1) {
              logger.warn(`LeaderPolling ${this.id}: lost the leader lock before storing the offset`);
              break;
            }
          }
          backoff = 250;
        } catch (error) {
          if (leadership.signal.aborted) break;
          if (error instanceof ApiTelegramException && (error.errorCode === 401 || error.errorCode === 404)) {
            logger.error(
              `LeaderPolling ${this.id}: getUpdates failed with ${error.errorCode}: the bot token is wrong or was revoked`,
            );
          }
          logger.warn(
            `LeaderPolling ${this.id}: polling failed; retrying in ${backoff} ms:`,
            error instanceof Error ? error.message : error,
          );
          await sleep(backoff, leadership.signal);
          backoff = Math.min(backoff * 2, 5000);
        }
      }
    } finally {
      clearInterval(timer);
      stopSignal.removeEventListener('abort', onStop);
      this.leading = false;
      if (stopSignal.aborted) await releaseLease(client, keys.pollLeader, this.id).catch(() => undefined);
      logger.info(`LeaderPolling ${this.id}: no longer the leader`);
    }
  }
}
