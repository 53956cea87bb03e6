// botte/scale with real OS processes: one webhook ingress and 3 worker processes (tsx) on a real
// redis-server with AOF on, fed by the emulator; everything is counted from what the EMULATOR
// received (each handler answers its message `<chat>:<seq>`): lost, handled twice, out of order.
// Sizes: BOTTE_SCALE_FULL=1 runs the full 20 000 updates from 500 chats; the default is
// 1 000 updates from 100 chats, so that the file stays well within the runner's 300 s per file on
// a busy 2-core machine shared with other jobs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScaleDemo } from '../examples/scale-out/demo.js';

const FULL = process.env.BOTTE_SCALE_FULL === '1';
const log = process.env.BOTTE_SCALE_VERBOSE ? (line: string) => console.log(line) : undefined;

test(`1 ingress + 3 workers, ${FULL ? '20 000 updates from 500' : '1 000 updates from 100'} chats: 0 lost, 0 handled twice, per-chat order held`, async () => {
  const result = await runScaleDemo({
    total: FULL ? 20_000 : 1_000,
    chats: FULL ? 500 : 100,
    workers: 3,
    atHalf: null,
    log,
  });
  console.log(`scale-cluster (no failure): ${result.line}`);
  assert.equal(result.lost, 0, result.line);
  assert.equal(result.duplicated, 0, result.line);
  assert.equal(result.orderViolations, 0, result.line);
  assert.equal(result.claimed, 0, 'nothing to claim without a crash');
});
