/**
 * Leases: a Redis key holding the owner's id with an expiry, taken with `SET NX PX` and renewed
 * by the owner. Used for partition ownership (src/scale/worker.ts) and for the polling leader
 * (src/scale/leader-polling.ts). Renewal and release check the owner in a Lua script, so a
 * process never extends or deletes a lease someone else took after its own had expired.
 * @module
 */
import type { RedisClientLike } from '../states/redis-storage.js';

/**
 * Renews my lease; retakes it when it vanished (expired while Redis or this process stalled,
 * with nobody else taking it). 1: mine; 0: someone else's.
 */
const RENEW = `local owner = redis.call('GET', KEYS[1])
if owner == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end
if not owner then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end
return 0`;

/** Deletes my lease (and only mine). */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** Takes the lease when free; true when taken. */
export async function acquireLease(client: RedisClientLike, key: string, owner: string, ms: number): Promise<boolean> {
  return (await client.sendCommand(['SET', key, owner, 'NX', 'PX', String(ms)])) === 'OK';
}

/** Renews (or retakes, when free) the lease; false when another process owns it now. */
export async function renewLease(client: RedisClientLike, key: string, owner: string, ms: number): Promise<boolean> {
  return Number(await client.sendCommand(['EVAL', RENEW, '1', key, owner, String(ms)])) === 1;
}

/** Gives the lease up if it is still mine. */
export async function releaseLease(client: RedisClientLike, key: string, owner: string): Promise<void> {
  await client.sendCommand(['EVAL', RELEASE, '1', key, owner]);
}
