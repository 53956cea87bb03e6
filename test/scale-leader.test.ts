// botte/scale long polling by one elected leader among 3 ingress processes: the leader is
// SIGKILLed half-way; another ingress process leads within 5 s and no update is skipped. Real OS
// processes (2 workers too), real redis-server with AOF on; counted from what the emulator received.
// Sizes: 600 updates from 100 chats (BOTTE_SCALE_FULL=1: 5 000 from 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { runScaleDemo, type ScaleDemoCluster } from '../examples/scale-out/demo.js';
import { killRole } from '../examples/scale-out/cluster.js';
import { QueueKeys } from '../src/scale/index.js';
import { waitFor } from './helpers.js';

const FULL = process.env.BOTTE_SCALE_FULL === '1';
const total = FULL ? 5_000 : 600;
const chats = FULL ? 500 : 100;
const log = process.env.BOTTE_SCALE_VERBOSE ? (line: string) => console.log(line) : undefined;

test('kill -9 of the polling leader: another ingress process leads within 5 s, no update skipped', async () => {
  let failoverMs = -1;
  const atHalf = async (cluster: ScaleDemoCluster) => {
    const redis = createClient({ url: cluster.redis.url });
    await redis.connect();
    try {
      const keys = new QueueKeys('botte', Number(cluster.emu.token.split(':')[0]));
      const leaderId = String(await redis.get(keys.pollLeader));
      const leader = cluster.ingresses.find((ingress) => ingress.ready === `ready ${leaderId}`);
      assert.ok(leader, `the leader ${leaderId} is one of the ingress processes`);
      const since = cluster.emu.calls.length;
      await killRole(leader.role, 'SIGKILL');
      const killedAt = Date.now();
      // The dead leader sends nothing more: the next getUpdates comes from the new leader.
      await waitFor(
        () =>
          cluster.emu.calls.slice(since).some((call) => call.method === 'getUpdates' && call.receivedAt >= killedAt),
        {
          timeoutMs: 30_000,
          intervalMs: 20,
          message: 'no process took over the polling',
        },
      );
      const first = cluster.emu.calls
        .slice(since)
        .find((call) => call.method === 'getUpdates' && call.receivedAt >= killedAt)!;
      failoverMs = first.receivedAt - killedAt;
      const newLeader = String(await redis.get(keys.pollLeader));
      cluster.log(`leader ${leaderId} SIGKILLed; ${newLeader} polled ${failoverMs} ms later`);
      assert.notEqual(newLeader, leaderId);
    } finally {
      await redis.close();
    }
  };
  const result = await runScaleDemo({ total, chats, workers: 2, ingresses: 3, mode: 'polling', atHalf, log });
  console.log(`scale-failover (leader kill): new leader polling ${failoverMs} ms after the kill; ${result.line}`);
  assert.ok(failoverMs >= 0 && failoverMs <= 5000, `took over after ${failoverMs} ms`);
  assert.equal(result.lost, 0, result.line);
  assert.equal(result.orderViolations, 0, result.line);
  // The offset is stored only after the updates were queued, and finished ones are remembered:
  // a re-poll of what the old leader had queued is skipped by the workers, never run twice.
  assert.equal(result.duplicated, 0, result.line);
});
