/**
 * The Redis keys of the update queue. Every key of partition `n` carries the hash tag
 * `{<prefix>:<botId>:p<n>}`, so that on Redis Cluster a partition's stream, lease and finished
 * markers live in one slot and the scripts that touch several of them (finish = mark + XACK +
 * XDEL) run there atomically. The polling leader's lock and offset share the tag
 * `{<prefix>:<botId>:poll}` for the same reason.
 * @module
 */

/** Builds the key names of one bot's queue. */
export class QueueKeys {
  /** @param prefix first part of every key (default `botte`) @param botId the bot's numeric id */
  constructor(
    readonly prefix: string,
    readonly botId: number,
  ) {}

  /** The hash tag of partition `n`: `{botte:<botId>:p<n>}`. */
  tag(partition: number): string {
    return `{${this.prefix}:${this.botId}:p${partition}}`;
  }

  /** The stream of partition `n`. */
  stream(partition: number): string {
    return `${this.tag(partition)}:stream`;
  }

  /** The lease of partition `n` (value: the owning worker's id). */
  lease(partition: number): string {
    return `${this.tag(partition)}:lease`;
  }

  /** The "finished" marker of an update of partition `n` (kept for the dedup TTL). */
  done(partition: number, updateId: number): string {
    return `${this.tag(partition)}:done:${updateId}`;
  }

  /** The sorted set of live workers (score: last heartbeat, ms). */
  get members(): string {
    return `${this.prefix}:${this.botId}:workers`;
  }

  /** The hash of each worker's last published counters (JSON by worker id). */
  get workerStats(): string {
    return `${this.prefix}:${this.botId}:worker-stats`;
  }

  /** The polling leader's lock (value: the leader's id). */
  get pollLeader(): string {
    return `{${this.prefix}:${this.botId}:poll}:leader`;
  }

  /** The next getUpdates offset, written only once the updates below it were queued. */
  get pollOffset(): string {
    return `{${this.prefix}:${this.botId}:poll}:offset`;
  }
}

/** The consumer group every worker reads partitions through. */
export const CONSUMER_GROUP = 'workers';
