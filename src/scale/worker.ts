/**
 * {@link QueueWorker}: runs a normal Botte bot's handlers on the updates of an {@link UpdateQueue}.
 *
 * - Ownership: each partition is read by one worker at a time, under a lease renewed with every
 *   heartbeat. The live workers share the partitions round-robin (src/scale/partitions.ts); when
 *   one joins, the others finish what they hold of the partitions they hand over, then release
 *   them; when one dies, its leases expire and the others take its partitions.
 * - Order: inside a worker, the updates of one chat run one after the other (a promise chain per
 *   chat); different chats run concurrently, up to `maxInFlight` entries.
 * - At least once: an entry is acknowledged (XACK, then XDEL) only after its handlers finished.
 *   Taking a partition first claims (XAUTOCLAIM) what the previous owner left unacknowledged, and
 *   handles it before anything newer, so a crashed worker's updates run again, in order. The
 *   same claim runs again before the next read when entries may have been orphaned: a read
 *   failed (the connection dropped after Redis delivered the entries, before the reply came
 *   back), the lease had expired and was retaken, or another worker holds entries of a
 *   partition this one owns. Reads and claims are fenced by the lease
 *   (src/scale/partition-commands.ts).
 * - No double handling of finished work: finishing writes the update_id's marker (with a TTL) in
 *   the same script as the XACK; an entry whose marker exists is acknowledged without running.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { usableUpdateId } from '../dispatch/malformed-update.js';
import { logger } from '../logger.js';
import { MalformedQueueEntryError } from './errors.js';
import { acquireLease, releaseLease, renewLeaseState } from './leases.js';
import { ackEntry, claimPending, finishEntry, pendingElsewhere, readNew } from './partition-commands.js';
import { preferredPartitions, queueLaneOf } from './partitions.js';
import { ENTRY_FIELD, type UpdateQueue } from './queue.js';
import type { WorkerStats } from './stats.js';

/** What a worker needs from the bot: any `Botte` (or `AsyncBotte`) fits. */
export interface QueueWorkerBot {
  /** Runs the whole handling of one update (middleware, filters, handlers, states, next steps); never rejects. */
  handleUpdate(update: Update): Promise<void>;
  /** Gives an error to the bot's exceptionHandler. */
  reportError(error: unknown): Promise<boolean> | boolean;
}

/** Options of {@link QueueWorker}. */
export interface QueueWorkerOptions {
  /** This worker's id (default `w-<pid>-<random>`); must be unique among live workers. */
  id?: string;
  /** Most entries read and not yet finished at once (default 100). */
  maxInFlight?: number;
  /**
   * Lease of a partition in ms (default 5000): a dead worker's partitions (and their pending
   * entries) are taken over this long after its last heartbeat. This is the visibility timeout.
   */
  leaseMs?: number;
  /** Heartbeat, lease renewal and rebalancing period in ms (default `leaseMs / 5`). */
  heartbeatMs?: number;
  /** Longest wait between two reads of an idle queue, in ms (default 50). */
  idleMs?: number;
  /** Period of the debug log line with this worker's counters, in ms (default 10 000; 0: never). */
  statsLogMs?: number;
}

/** A partition this worker owns. */
interface Owned {
  n: number;
  stream: string;
  /** Every unacknowledged entry not running here was claimed; false: claim before the next read. */
  recovered: boolean;
  /** Being handed over: no more reads; released once `inFlight` is 0. */
  draining: boolean;
  inFlight: number;
  /** A claim or read of it is under way (its entries are not dispatched yet). */
  reading: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One worker process's consumer; see the module comment. */
export class QueueWorker {
  /** This worker's id (its consumer name and lease value). */
  readonly id: string;
  private readonly maxInFlight: number;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly idleMs: number;
  private readonly statsLogMs: number;
  private readonly owned = new Map<number, Owned>();
  private readonly lanes = new Map<string, Promise<void>>();
  private readonly running = new Set<string>();
  private inFlight = 0;
  private active = false;
  private loopDone?: Promise<void>;
  private heartbeatDone?: Promise<void>;
  private wake?: () => void;
  private counters = { handled: 0, claimed: 0, duplicatesSkipped: 0, malformed: 0 };
  private rate = { handled: 0, at: Date.now(), perSecond: 0 };
  private lastLog = Date.now();
  private lastWarn = 0;

  /** @param bot whose handlers run @param queue where updates come from @param options see {@link QueueWorkerOptions} */
  constructor(
    private readonly bot: QueueWorkerBot,
    private readonly queue: UpdateQueue,
    options: QueueWorkerOptions = {},
  ) {
    if (!bot || typeof bot.handleUpdate !== 'function')
      throw new TypeError('QueueWorker: the first argument must be a bot');
    this.id = options.id ?? `w-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.maxInFlight = options.maxInFlight ?? 100;
    this.leaseMs = options.leaseMs ?? 5000;
    this.heartbeatMs = options.heartbeatMs ?? Math.max(50, Math.floor(this.leaseMs / 5));
    this.idleMs = options.idleMs ?? 50;
    this.statsLogMs = options.statsLogMs ?? 10_000;
    if (!(this.maxInFlight >= 1) || !(this.leaseMs >= 100) || this.heartbeatMs >= this.leaseMs) {
      throw new RangeError('QueueWorker: maxInFlight must be ≥ 1, leaseMs ≥ 100, heartbeatMs < leaseMs');
    }
  }

  /** Joins the queue (first heartbeat and partition claim), then consumes until {@link stop}. */
  async start(): Promise<void> {
    if (this.active) throw new Error('QueueWorker: already started');
    this.active = true;
    await this.heartbeat();
    logger.info(`QueueWorker ${this.id} started with partitions [${[...this.owned.keys()].join(',')}]`);
    this.heartbeatDone = this.heartbeatLoop();
    this.loopDone = this.readLoop();
  }

  /** Whether the worker is consuming. */
  get isRunning(): boolean {
    return this.active;
  }

  /** The partitions owned now. */
  get partitions(): number[] {
    return [...this.owned.keys()].sort((a, b) => a - b);
  }

  /** This worker's counters (the queue-wide view is {@link UpdateQueue.stats}). */
  stats(): WorkerStats {
    return {
      id: this.id,
      ...this.counters,
      handledPerSecond: this.rate.perSecond,
      inFlight: this.inFlight,
      partitions: this.partitions,
      at: Date.now(),
    };
  }

  /**
   * Stops reading, lets the running and read updates finish (and be acknowledged), releases the
   * partitions and leaves the member list, so the others take over at once.
   */
  async stop(): Promise<void> {
    if (!this.active) return;
    this.active = false;
    this.wake?.();
    await this.loopDone;
    await this.heartbeatDone;
    while (this.lanes.size > 0) await Promise.all([...this.lanes.values()]);
    const { client } = this.queue;
    await Promise.all(
      [...this.owned.keys()].map((n) => releaseLease(client, this.queue.keys.lease(n), this.id).catch(() => undefined)),
    );
    this.owned.clear();
    await this.queue.command(['ZREM', this.queue.keys.members, this.id]).catch(() => undefined);
    await this.queue.command(['HDEL', this.queue.keys.workerStats, this.id]).catch(() => undefined);
    logger.info(`QueueWorker ${this.id} stopped after handling ${this.counters.handled} update(s)`);
  }

  private async heartbeatLoop(): Promise<void> {
    while (this.active) {
      await this.pause(this.heartbeatMs, false);
      if (!this.active) break;
      try {
        await this.heartbeat();
      } catch (error) {
        this.warn('heartbeat failed (Redis unreachable?); retrying', error);
      }
    }
  }

  /** Publishes liveness and counters, renews leases, hands over and takes partitions. */
  private async heartbeat(): Promise<void> {
    const { keys, partitions, client } = this.queue;
    const now = Date.now();
    const elapsed = now - this.rate.at;
    if (elapsed >= 500) {
      this.rate.perSecond = Math.round(((this.counters.handled - this.rate.handled) * 1000) / elapsed);
      this.rate.handled = this.counters.handled;
      this.rate.at = now;
    }
    await Promise.all([
      this.queue.command(['ZADD', keys.members, String(now), this.id]),
      this.queue.command(['ZREMRANGEBYSCORE', keys.members, '-inf', String(now - 20 * this.leaseMs)]),
    ]);
    const live = (await this.queue.command([
      'ZRANGEBYSCORE',
      keys.members,
      String(now - this.leaseMs),
      '+inf',
    ])) as string[];
    const preferred = preferredPartitions(this.id, live, partitions);
    await Promise.all(
      [...this.owned.values()].map(async (part) => {
        const renewal = await renewLeaseState(client, keys.lease(part.n), this.id, this.leaseMs);
        if (renewal === 'lost') {
          // Another worker owns it now (ours expired while we stalled): stop reading it.
          logger.warn(`QueueWorker ${this.id} lost partition ${part.n}`);
          this.owned.delete(part.n);
          return;
        }
        // Expired meanwhile, or someone else holds entries of it: whoever read them will not run them.
        if (renewal === 'retaken' || (part.recovered && (await pendingElsewhere(this.queue, part.n, this.id)))) {
          part.recovered = false;
          this.wake?.();
        }
        if (preferred.has(part.n)) {
          part.draining = false;
        } else if (!part.draining) {
          part.draining = true;
          logger.debug(`QueueWorker ${this.id} hands partition ${part.n} over`);
        }
        // Released only with nothing read and unfinished: the next owner starts after our last entry.
        else if (part.draining && part.inFlight === 0 && !part.reading) {
          this.owned.delete(part.n);
          await releaseLease(client, keys.lease(part.n), this.id);
        }
      }),
    );
    if (this.active)
      await Promise.all(
        [...preferred]
          .filter((n) => !this.owned.has(n))
          .map(async (n) => {
            if (await acquireLease(client, keys.lease(n), this.id, this.leaseMs)) {
              this.owned.set(n, {
                n,
                stream: keys.stream(n),
                recovered: false,
                draining: false,
                inFlight: 0,
                reading: false,
              });
              logger.debug(`QueueWorker ${this.id} took partition ${n}`);
              this.wake?.();
            }
          }),
      );
    // Published after the rebalancing, so that stats() shows the partitions owned now.
    await this.queue.command(['HSET', keys.workerStats, this.id, JSON.stringify(this.stats())]);
    if (this.statsLogMs > 0 && now - this.lastLog >= this.statsLogMs) {
      this.lastLog = now;
      const s = this.stats();
      logger.debug(
        `QueueWorker ${this.id}: partitions [${s.partitions.join(',')}], handled ${s.handled} (${s.handledPerSecond}/s), ` +
          `in flight ${s.inFlight}, claimed ${s.claimed}, duplicates skipped ${s.duplicatesSkipped}, malformed ${s.malformed}`,
      );
    }
  }

  private async readLoop(): Promise<void> {
    let idle = 1;
    while (this.active) {
      if (this.inFlight >= this.maxInFlight) {
        await this.pause(this.idleMs, true);
        continue;
      }
      const parts = [...this.owned.values()].filter((part) => !part.draining);
      let read = 0;
      try {
        const room = Math.max(1, Math.floor((this.maxInFlight - this.inFlight) / Math.max(1, parts.length)));
        await Promise.all(
          parts.map(async (part) => {
            part.reading = true;
            try {
              if (!part.recovered) {
                const claimed = await this.recover(part);
                if (claimed === null) return; // lease lost: the heartbeat lets the partition go
                read += claimed;
                part.recovered = true;
              }
              // Dispatched even if the lease was lost since: they are pending for this worker only.
              for (const [entryId, fields] of await readNew(this.queue, part.n, this.id, room)) {
                read++;
                this.dispatch(part, entryId, fields);
              }
            } catch (error) {
              // Redis may have delivered entries whose reply never arrived: claim them before reading on.
              part.recovered = false;
              throw error;
            } finally {
              part.reading = false;
            }
          }),
        );
      } catch (error) {
        this.warn('reading the queue failed (Redis unreachable?); retrying', error);
        await this.pause(200, true);
        continue;
      }
      if (read > 0) {
        idle = 1;
      } else {
        await this.pause(idle, true);
        idle = Math.min(this.idleMs, idle * 2);
      }
    }
  }

  /**
   * Claims every unacknowledged entry of `part` not running here (the previous owner's, or ours
   * whose read reply was lost); handled before newer ones. `null` when the lease was lost.
   */
  private async recover(part: Owned): Promise<number | null> {
    let cursor = '0-0';
    let claimed = 0;
    do {
      const batch = await claimPending(this.queue, part.n, this.id, cursor);
      if (batch === null) return null;
      cursor = batch.cursor;
      for (const [entryId, fields] of batch.entries) {
        if (this.running.has(`${part.n}/${entryId}`)) continue;
        claimed++;
        this.dispatch(part, entryId, fields);
      }
    } while (cursor !== '0-0' && this.active);
    if (claimed > 0) {
      this.counters.claimed += claimed;
      logger.info(
        `QueueWorker ${this.id} claimed ${claimed} unfinished entr${claimed === 1 ? 'y' : 'ies'} of partition ${part.n}`,
      );
    }
    return claimed;
  }

  /** Queues one entry behind the earlier updates of its chat. */
  private dispatch(part: Owned, entryId: string, fields: string[] | null): void {
    const tag = `${part.n}/${entryId}`;
    this.running.add(tag);
    this.inFlight++;
    part.inFlight++;
    const update = this.parse(part, entryId, fields);
    const lane = update instanceof MalformedQueueEntryError ? `!${tag}` : queueLaneOf(update);
    const previous = this.lanes.get(lane);
    const run: Promise<void> = (previous ?? Promise.resolve())
      .then(() => this.handle(part, entryId, update))
      .catch((error) => void this.safeReport(error))
      .finally(() => {
        if (this.lanes.get(lane) === run) this.lanes.delete(lane);
        this.running.delete(tag);
        this.inFlight--;
        part.inFlight--;
        this.wake?.();
      });
    this.lanes.set(lane, run);
  }

  private parse(part: Owned, entryId: string, fields: string[] | null): Update | MalformedQueueEntryError {
    let json: string | undefined;
    for (let i = 0; fields && i + 1 < fields.length; i += 2)
      if (fields[i] === ENTRY_FIELD) json = String(fields[i + 1]);
    if (json === undefined) return new MalformedQueueEntryError(`no "${ENTRY_FIELD}" field`, part.stream, entryId);
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return new MalformedQueueEntryError('the update is not valid JSON', part.stream, entryId);
    }
    if (usableUpdateId(value) === undefined) {
      return new MalformedQueueEntryError('not a Telegram Update (no integer update_id)', part.stream, entryId);
    }
    return value as Update;
  }

  private async handle(part: Owned, entryId: string, update: Update | MalformedQueueEntryError): Promise<void> {
    const { keys } = this.queue;
    if (update instanceof MalformedQueueEntryError) {
      this.counters.malformed++;
      await this.safeReport(update);
      await this.retrying(() => ackEntry(this.queue, part.n, entryId));
      return;
    }
    // (Lost and taken back meanwhile runs here: the claim skipped this entry, it was queued here.)
    if (!this.owned.has(part.n)) {
      // The partition was lost (our lease expired during a stall) before this entry started: its
      // new owner claimed it and runs it, in order; running it here too would break that order.
      logger.warn(`QueueWorker ${this.id}: entry ${entryId} of lost partition ${part.n} left to its new owner`);
      return;
    }
    const done = keys.done(part.n, update.update_id);
    if (Number(await this.retrying(() => this.queue.command(['EXISTS', done]))) === 1) {
      this.counters.duplicatesSkipped++;
      logger.debug(
        `QueueWorker ${this.id}: update ${update.update_id} already finished; entry ${entryId} acknowledged`,
      );
      await this.retrying(() => ackEntry(this.queue, part.n, entryId));
      return;
    }
    await this.bot.handleUpdate(update);
    this.counters.handled++;
    await this.retrying(() => finishEntry(this.queue, part.n, entryId, update.update_id));
  }

  /** Runs a Redis call until it succeeds (Redis restarting) or the worker is stopped hard. */
  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let wait = 50; ; wait = Math.min(1000, wait * 2)) {
      try {
        return await call();
      } catch (error) {
        this.warn('a Redis call failed; retrying', error);
        await sleep(wait);
      }
    }
  }

  private async safeReport(error: unknown): Promise<void> {
    try {
      await this.bot.reportError(error);
    } catch (reportFailure) {
      logger.error('QueueWorker: reporting an error failed', reportFailure);
    }
  }

  private warn(what: string, error: unknown): void {
    if (Date.now() - this.lastWarn < 1000) return;
    this.lastWarn = Date.now();
    logger.warn(`QueueWorker ${this.id}: ${what}:`, error instanceof Error ? error.message : error);
  }

  /** Waits `ms`, or (when `wakeable`) less if an entry finishes, a partition is taken or stop() is called. */
  private pause(ms: number, wakeable: boolean): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      if (wakeable) this.wake = done;
    });
  }
}
