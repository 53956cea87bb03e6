/**
 * Which partition an update goes to: the updates of one chat always land in the same stream, so
 * that the one worker owning it handles them in order. The key is the chat (the same key the
 * in-process scheduler orders by, see src/runner/update-scheduler.ts), else the user, else the
 * update_id (an update that orders with nothing).
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { orderingKey } from '../runner/update-scheduler.js';

/** The ordering key of an update in the queue: its chat or user id, else `u<update_id>`. */
export function queueLaneOf(update: Update): string {
  const key = orderingKey(update);
  return key === undefined ? `u${update.update_id}` : String(key);
}

/** FNV-1a (32 bit) of a string: cheap, stable across processes and runtimes. */
export function hashLane(lane: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < lane.length; i++) {
    hash ^= lane.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The partition (0 .. `partitions` - 1) of `update`. */
export function partitionOf(update: Update, partitions: number): number {
  return hashLane(queueLaneOf(update)) % partitions;
}

/**
 * The partitions a worker should own: the live workers sorted by id share them round-robin
 * (partition `n` goes to worker `n mod W`). Every worker computes the same answer from the same
 * member list, so when one joins or leaves each knows what to take and what to hand over.
 */
export function preferredPartitions(workerId: string, liveWorkers: readonly string[], partitions: number): Set<number> {
  const sorted = [...new Set([...liveWorkers, workerId])].sort();
  const index = sorted.indexOf(workerId);
  const mine = new Set<number>();
  for (let n = index; n < partitions; n += sorted.length) mine.add(n);
  return mine;
}
