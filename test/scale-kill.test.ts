// The scale-out demo (examples/scale-out/demo.ts, `npm run scale-demo`) as a test: one webhook
// ingress and 3 worker processes on a real redis-server (AOF on); one worker is SIGKILLed half-way.
// Counted from what the EMULATOR received. Sizes: 1 000 updates from 100 chats
// (BOTTE_SCALE_FULL=1: the demo's 10 000 from 500).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScaleDemo } from '../examples/scale-out/demo.js';

const FULL = process.env.BOTTE_SCALE_FULL === '1';
const log = process.env.BOTTE_SCALE_VERBOSE ? (line: string) => console.log(line) : undefined;

test('kill -9 of one worker mid-run (the scale-out demo): 0 lost, order held, duplicates only among the updates running at the kill', async () => {
  // 5 ms of simulated I/O per handler, so that updates are running when the worker dies.
  const result = await runScaleDemo({
    total: FULL ? 10_000 : 1_000,
    chats: FULL ? 500 : 100,
    workers: 3,
    handlerMs: 5,
    log,
  });
  console.log(`scale-cluster (kill -9): ${result.line}`);
  assert.match(result.line, /^handled \d+, lost \d+, duplicated \d+, order violations \d+ /);
  assert.equal(result.lost, 0, result.line);
  // Order: each update's first answer comes after its chat's earlier ones. A duplicate (the dead
  // worker's last request, reaching the API after the survivor re-ran it) may come after later
  // answers of its chat; those are counted in the line, not here.
  assert.equal(result.orderViolations, 0, result.line);
  // A worker runs at most one update per chat at a time and holds at most maxInFlight (100)
  // entries: only the ones whose reply went out before the kill, but were not acknowledged, repeat.
  assert.ok(result.duplicated <= 100, `too many duplicates: ${result.line}`);
  assert.ok(result.claimed >= result.duplicated, `the survivors claimed the dead worker's entries: ${result.line}`);
});
