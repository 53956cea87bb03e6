// botte/scale when redis-server restarts mid-run: the webhook ingress and the workers (real OS
// processes) reconnect and go on; nothing lost. Real redis-server with AOF on (restarted with
// SIGTERM on the same port and data); counted from what the emulator received.
// Sizes: 600 updates from 100 chats (BOTTE_SCALE_FULL=1: 5 000 from 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScaleDemo, type ScaleDemoCluster } from '../examples/scale-out/demo.js';

const FULL = process.env.BOTTE_SCALE_FULL === '1';
const total = FULL ? 5_000 : 600;
const chats = FULL ? 500 : 100;
const log = process.env.BOTTE_SCALE_VERBOSE ? (line: string) => console.log(line) : undefined;

test('redis-server restarted mid-run: the webhook ingress and the workers reconnect and go on; nothing lost', async () => {
  let downMs = 0;
  const atHalf = async (cluster: ScaleDemoCluster) => {
    const stopped = Date.now();
    await cluster.redis.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await cluster.redis.launch();
    downMs = Date.now() - stopped;
    cluster.log(`redis-server restarted (down ${downMs} ms)`);
  };
  const result = await runScaleDemo({ total, chats, workers: 2, atHalf, log });
  console.log(`scale-failover (redis restart, down ${downMs} ms): ${result.line}`);
  assert.ok(downMs >= 1000, 'redis-server was down');
  assert.equal(result.lost, 0, result.line);
  assert.equal(result.orderViolations, 0, result.line);
});
