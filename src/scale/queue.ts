/**
 * {@link UpdateQueue}: one bot's updates in Redis Streams, partitioned by chat. Ingress processes
 * (webhook servers, the polling leader) append to it; {@link QueueWorker}s consume it. It is
 * also a `WebhookBot`, so every webhook adapter (`nodeHttpHandler(queue)`, `expressHandler`,
 * `honoHandler`...) can feed it directly: the request is answered once the update is in Redis.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { logger } from '../logger.js';
import type { RedisClientLike } from '../states/redis-storage.js';
import { connectQueue, send, type QueueConnection, type QueueConnectionOptions } from './connection.js';
import { QueueKeys, CONSUMER_GROUP } from './keys.js';
import { partitionOf } from './partitions.js';
import { readQueueStats, type QueueStats } from './stats.js';

/** Options of {@link UpdateQueue}. */
export interface UpdateQueueOptions extends QueueConnectionOptions {
  /** The bot's numeric id (`bot.botId`, the part of the token before `:`): queues of several bots can share one Redis. */
  botId: number;
  /**
   * How many partition streams (default 16). Every process of a bot must use the same number, and
   * it caps how many workers can share the load (one partition has one owner at a time).
   */
  partitions?: number;
  /** First part of every key (default `botte`). */
  prefix?: string;
  /**
   * How long a finished update_id is remembered, so that a re-delivered or re-claimed update is
   * not handled again (default 86 400 s: Telegram keeps an update for at most a day).
   */
  dedupTtlSeconds?: number;
}

/** Entry field holding the update as JSON. */
export const ENTRY_FIELD = 'u';

/** A connected queue; see the module comment. Create with {@link UpdateQueue.connect}. */
export class UpdateQueue {
  /** Key names. */
  readonly keys: QueueKeys;
  /** Number of partitions. */
  readonly partitions: number;
  /** Seconds a finished update_id is remembered. */
  readonly dedupTtlSeconds: number;
  private closed = false;

  private constructor(
    private readonly connection: QueueConnection,
    options: UpdateQueueOptions,
  ) {
    this.keys = new QueueKeys(options.prefix ?? 'botte', options.botId);
    this.partitions = options.partitions ?? 16;
    this.dedupTtlSeconds = options.dedupTtlSeconds ?? 86_400;
  }

  /**
   * Connects to Redis and creates the partition streams and their consumer group (idempotent).
   * Rejects with a {@link QueueRedisError} when Redis cannot be reached.
   */
  static async connect(options: UpdateQueueOptions): Promise<UpdateQueue> {
    if (!Number.isSafeInteger(options?.botId) || options.botId <= 0) {
      throw new RangeError(
        `UpdateQueue: botId must be the bot's positive numeric id (bot.botId), got ${String(options?.botId)}`,
      );
    }
    const partitions = options.partitions ?? 16;
    if (!Number.isInteger(partitions) || partitions < 1 || partitions > 1024) {
      throw new RangeError(`UpdateQueue: partitions must be a whole number from 1 to 1024, got ${partitions}`);
    }
    if (
      options.dedupTtlSeconds !== undefined &&
      !(Number.isInteger(options.dedupTtlSeconds) && options.dedupTtlSeconds > 0)
    ) {
      throw new RangeError(
        `UpdateQueue: dedupTtlSeconds must be a positive whole number, got ${options.dedupTtlSeconds}`,
      );
    }
    const queue = new UpdateQueue(await connectQueue(options, 'UpdateQueue'), options);
    await queue.ensureGroups();
    return queue;
  }

  /** The connected client (shared by the workers and pollers built on this queue). */
  get client(): RedisClientLike {
    return this.connection.client;
  }

  /** Sends one raw command. */
  command(args: string[]): Promise<unknown> {
    return send(this.connection.client, args);
  }

  /** Creates every partition stream with its consumer group, from the start of the stream. */
  async ensureGroups(): Promise<void> {
    const creates: Promise<unknown>[] = [];
    for (let n = 0; n < this.partitions; n++) {
      creates.push(
        this.command(['XGROUP', 'CREATE', this.keys.stream(n), CONSUMER_GROUP, '0', 'MKSTREAM']).catch(
          (error: unknown) => {
            if (!String((error as Error)?.message).includes('BUSYGROUP')) throw error;
          },
        ),
      );
    }
    await Promise.all(creates);
  }

  /**
   * Appends updates to their partitions; resolves when Redis has them all. The appends of one
   * call go out pipelined on one connection, so updates of one chat keep their order.
   */
  async enqueue(updates: readonly Update[]): Promise<void> {
    if (this.closed) throw new Error('UpdateQueue: enqueue after close()');
    await Promise.all(
      updates.map((update) =>
        this.command([
          'XADD',
          this.keys.stream(partitionOf(update, this.partitions)),
          '*',
          ENTRY_FIELD,
          JSON.stringify(update),
        ]),
      ),
    );
  }

  /**
   * `WebhookBot` side: appends the updates. A webhook adapter answers Telegram only after this
   * resolved; when Redis is unreachable it rejects, and the adapter answers 503 so that Telegram
   * delivers the update again later (see src/webhook/core.ts).
   */
  async processNewUpdates(updates: Update[]): Promise<void> {
    try {
      await this.enqueue(updates);
    } catch (error) {
      throw Object.assign(
        new Error(`Could not queue update(s) ${updates.map((u) => u.update_id).join(', ')}`, { cause: error }),
        {
          webhookStatus: 503,
        },
      );
    }
  }

  /** `WebhookBot` side: logs an error (no exception handler lives in an ingress-only process). */
  reportError(error: unknown): boolean {
    logger.error('Update queue ingress:', error);
    return false;
  }

  /** Depth, lag and per-worker counters of the whole queue, read from Redis (any process may call it). */
  stats(): Promise<QueueStats> {
    return readQueueStats(this);
  }

  /** Closes the connection (if it was created here). */
  async close(): Promise<void> {
    this.closed = true;
    await this.connection.close();
  }
}
