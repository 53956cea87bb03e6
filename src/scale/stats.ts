/**
 * What the queue looks like, read from Redis: depth, lag, per-worker throughput and claims.
 * Any process may call it (an ingress, a worker, an admin script).
 * @module
 */
import type { UpdateQueue } from './queue.js';
import { CONSUMER_GROUP } from './keys.js';

/** Counters a worker publishes in Redis with each heartbeat. */
export interface WorkerStats {
  /** The worker's id. */
  id: string;
  /** Updates whose handlers finished in this worker since it started. */
  handled: number;
  /** Handled per second over the last heartbeat interval. */
  handledPerSecond: number;
  /** Entries taken over from a dead or departed worker (XAUTOCLAIM) when acquiring a partition. */
  claimed: number;
  /** Entries skipped because their update_id had already finished (re-delivery or re-claim). */
  duplicatesSkipped: number;
  /** Malformed entries reported and acknowledged. */
  malformed: number;
  /** Updates running or waiting in this worker now. */
  inFlight: number;
  /** Partitions owned now. */
  partitions: number[];
  /** When these counters were published (ms since epoch). */
  at: number;
}

/** The state of the whole queue; see {@link UpdateQueue.stats}. */
export interface QueueStats {
  /** Number of partitions. */
  partitions: number;
  /** Entries in the streams not yet acknowledged (waiting or being handled), all partitions. */
  depth: number;
  /** Of those, entries delivered to a worker and not yet acknowledged. */
  pending: number;
  /** Age in ms of the oldest entry still in the queue (0 when empty): how far behind the workers are. */
  lagMs: number;
  /** Entries per partition. */
  depthByPartition: number[];
  /** The live workers (heartbeat within the lease time), sorted by id. */
  workers: WorkerStats[];
}

/** Reads {@link QueueStats} (a few pipelined commands per partition). */
export async function readQueueStats(queue: UpdateQueue, liveWithinMs = 10_000): Promise<QueueStats> {
  const { keys, partitions } = queue;
  const now = Date.now();
  const perPartition = await Promise.all(
    Array.from({ length: partitions }, async (_, n) => {
      const stream = keys.stream(n);
      const [length, pending, first] = await Promise.all([
        queue.command(['XLEN', stream]),
        queue.command(['XPENDING', stream, CONSUMER_GROUP]).catch(() => [0]),
        queue.command(['XRANGE', stream, '-', '+', 'COUNT', '1']),
      ]);
      const firstId = Array.isArray(first) && Array.isArray(first[0]) ? String(first[0][0]) : undefined;
      return {
        length: Number(length) || 0,
        pending: Array.isArray(pending) ? Number(pending[0]) || 0 : 0,
        oldestMs: firstId ? Number(firstId.split('-')[0]) : undefined,
      };
    }),
  );
  const ids = (await queue.command(['ZRANGEBYSCORE', keys.members, String(now - liveWithinMs), '+inf'])) as string[];
  const raw = ids.length ? ((await queue.command(['HMGET', keys.workerStats, ...ids])) as (string | null)[]) : [];
  const workers: WorkerStats[] = [];
  for (const json of raw) {
    if (!json) continue;
    try {
      workers.push(JSON.parse(json) as WorkerStats);
    } catch {
      /* a half-written entry: skipped */
    }
  }
  workers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const oldest = Math.min(...perPartition.map((p) => p.oldestMs ?? Infinity));
  return {
    partitions,
    depth: perPartition.reduce((sum, p) => sum + p.length, 0),
    pending: perPartition.reduce((sum, p) => sum + p.pending, 0),
    lagMs: Number.isFinite(oldest) ? Math.max(0, now - oldest) : 0,
    depthByPartition: perPartition.map((p) => p.length),
    workers,
  };
}
