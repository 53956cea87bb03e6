/**
 * Leases: a Redis key holding the owner's id with an expiry, taken when free and renewed by the
 * owner. Used for partition ownership (src/scale/worker.ts) and for the polling leader
 * (src/scale/leader-polling.ts). Taking, renewal and release check the owner in a Lua script, so
 * a process never extends or deletes a lease someone else took after its own had expired.
 * @module
 */
import type { RedisClientLike } from '../states/redis-storage.js';

/**
 * Renews my lease; retakes it when it vanished (expired while Redis or this process stalled,
 * with nobody else taking it). 1: kept; 2: retaken; 0: someone else's.
 */
const RENEW = `local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 2 end
return 0`;

/** Deletes my lease (and only mine). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** What renewing a lease found: still mine, vanished and retaken, or someone else's. */
export type LeaseRenewal = 'kept' | 'retaken' | 'lost';

/**
 * Takes the lease when free, or renews it when it is already mine (so a retried acquire whose
 * first reply was lost does not lock its owner out, and a holder calls it again to keep it);
 * true when it is mine now, false when another process holds it.
 */
export async function acquireLease(client: RedisClientLike, key: string, owner: string, ms: number): Promise<boolean> {
  return (await renewLeaseState(client, key, owner, ms)) !== 'lost';
}

/**
 * Renews (or retakes, when free) the lease. `retaken` means it had expired: someone may have
 * held it meanwhile and left work half done, so the caller acts as a new owner would.
 */
export async function renewLeaseState(
  client: RedisClientLike,
  key: string,
  owner: string,
  ms: number,
): Promise<LeaseRenewal> {
  const answer = Number(await client.sendCommand(['EVAL', RENEW, '1', key, owner, String(ms)]));
  return answer === 1 ? 'kept' : answer === 2 ? 'retaken' : 'lost';
}

/** Gives the lease up if it is still mine. */
export async function releaseLease(client: RedisClientLike, key: string, owner: string): Promise<void> {
  await client.sendCommand(['EVAL', RELEASE, '1', key, owner]);
}
