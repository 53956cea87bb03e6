/**
 * The Redis commands a {@link QueueWorker} runs on one partition's stream. Reads and claims are
 * fenced by the partition's lease: they run in a script that first checks the lease is still the
 * worker's, so a worker that stalled past its lease and lost the partition cannot take entries
 * from under the new owner. (The lease and the stream share a hash tag, src/scale/keys.ts, so
 * the scripts also run on Redis Cluster.)
 * @module
 */
import { CONSUMER_GROUP } from './keys.js';
import type { UpdateQueue } from './queue.js';

/** One stream entry: its id and its field/value list (`null` when it was deleted meanwhile). */
export type StreamEntry = [id: string, fields: string[] | null];

/** KEYS: lease, stream. ARGV: worker id, group, count. Nil when the lease is not the worker's. */
const READ_NEW = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
return redis.call('XREADGROUP', 'GROUP', ARGV[2], ARGV[1], 'COUNT', ARGV[3], 'STREAMS', KEYS[2], '>')`;

/** KEYS: lease, stream. ARGV: worker id, group, cursor. Nil when the lease is not the worker's. */
const CLAIM = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
return redis.call('XAUTOCLAIM', KEYS[2], ARGV[2], ARGV[1], '0', ARGV[3], 'COUNT', '100')`;

/** KEYS: stream, finished marker. ARGV: group, entry id, marker TTL in seconds. */
const FINISH = `redis.call('SET', KEYS[2], '1', 'EX', ARGV[3])
redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 1`;

/** KEYS: stream. ARGV: group, entry id. */
const ACK = `redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
redis.call('XDEL', KEYS[1], ARGV[2])
return 1`;

/**
 * The entries of an XREADGROUP reply on one stream. node-redis answers `[[stream, entries]]`
 * (RESP2 arrays) or `{ stream: entries }` (a map), depending on its version and protocol.
 */
export function streamEntries(reply: unknown): StreamEntry[] {
  if (reply === null || reply === undefined) return [];
  const streams = Array.isArray(reply) ? reply.map((pair) => (pair as unknown[])[1]) : Object.values(reply as object);
  return streams.flatMap((entries) => (Array.isArray(entries) ? (entries as StreamEntry[]) : []));
}

/** Reads up to `count` entries never delivered to any worker; none once the lease is lost. */
export async function readNew(queue: UpdateQueue, n: number, worker: string, count: number): Promise<StreamEntry[]> {
  const { keys } = queue;
  return streamEntries(
    await queue.command(['EVAL', READ_NEW, '2', keys.lease(n), keys.stream(n), worker, CONSUMER_GROUP, String(count)]),
  );
}

/**
 * Claims, from `cursor` on, up to 100 entries delivered but not acknowledged (to any worker,
 * this one included). Resolves with the next cursor (`0-0`: done) and the entries, or `null`
 * once the lease is lost.
 */
export async function claimPending(
  queue: UpdateQueue,
  n: number,
  worker: string,
  cursor: string,
): Promise<{ cursor: string; entries: StreamEntry[] } | null> {
  const { keys } = queue;
  const reply = (await queue.command([
    'EVAL',
    CLAIM,
    '2',
    keys.lease(n),
    keys.stream(n),
    worker,
    CONSUMER_GROUP,
    cursor,
  ])) as [string, (StreamEntry | null)[]] | null;
  if (reply === null || reply === undefined) return null;
  return { cursor: String(reply[0]), entries: (reply[1] ?? []).filter((entry): entry is StreamEntry => !!entry) };
}

/**
 * Whether a worker other than `worker` holds unacknowledged entries of partition `n`. On a
 * partition `worker` owns, such entries are orphans: their reader lost the partition (a stall)
 * or the reply carrying them (a dropped connection), and nobody else will run them.
 */
export async function pendingElsewhere(queue: UpdateQueue, n: number, worker: string): Promise<boolean> {
  const reply = (await queue.command(['XPENDING', queue.keys.stream(n), CONSUMER_GROUP])) as unknown[] | null;
  const consumers = Array.isArray(reply) ? reply[3] : undefined;
  if (!Array.isArray(consumers)) return false;
  return consumers.some((pair) => {
    const [name, count] = pair as [string, string | number];
    return String(name) !== worker && Number(count) > 0;
  });
}

/** Marks update `updateId` finished and acknowledges (and deletes) its entry, atomically. */
export function finishEntry(queue: UpdateQueue, n: number, entryId: string, updateId: number): Promise<unknown> {
  const { keys } = queue;
  return queue.command([
    'EVAL',
    FINISH,
    '2',
    keys.stream(n),
    keys.done(n, updateId),
    CONSUMER_GROUP,
    entryId,
    String(queue.dedupTtlSeconds),
  ]);
}

/** Acknowledges (and deletes) an entry without running it (malformed, or already finished). */
export function ackEntry(queue: UpdateQueue, n: number, entryId: string): Promise<unknown> {
  return queue.command(['EVAL', ACK, '1', queue.keys.stream(n), CONSUMER_GROUP, entryId]);
}
