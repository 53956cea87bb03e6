/**
 * One dispatch run in a fresh process: `node dispatch-child.mjs <framework> <count> <warmup> [minMs]`.
 * Feeds updates in batches of 100 to the framework's in-process entry point (network
 * stubbed by the adapter), waits until every reply reached the stub, and prints
 * `RESULT {json}`: time and CPU spent in the framework, replies and their total length.
 * The measured phase hands in at least `count` updates and goes on until the framework has
 * spent at least `minMs` (default 1000) on them, so that a fast framework is not timed over a
 * few dozen milliseconds, where one GC pause or JIT compile moves the result by a third.
 *
 * Every update is a new object made just before its batch is handed in, as a bot gets a freshly
 * parsed object from Telegram's JSON: short-lived and young. Making them is not timed: the clock
 * and the CPU counter only run while the framework has the batch (and while the last replies
 * are awaited). Objects made long before (and moved to the old generation by the GC) would tax
 * a framework that annotates updates, as Botte does with content_type, with write barriers a
 * real bot never pays; one object reused for many updates would hand it already-annotated
 * messages.
 */
import { makeUpdate, fakeMessage } from './lib/updates.mjs';
import { route } from './lib/raw-router.mjs';

const [fw, countArg, warmupArg, minMsArg] = process.argv.slice(2);
const count = Number(countArg);
const warmup = Number(warmupArg);
const minMs = Number(minMsArg ?? 1000);
const POOL = 20000;
const BATCH = 100;
const replyLen = Array.from({ length: POOL }, (_, k) => route(makeUpdate(k).message.text).length);
let nextMessage = 0;

let replies = 0;
let chars = 0;
const RESULT = fakeMessage(100000, 'ok');
// The stub every adapter routes sendMessage to: counts the reply, answers like Telegram.
const send = (_chatId, text) => {
  replies++;
  chars += text.length;
  return Promise.resolve(RESULT);
};

const mod = await import(`./frameworks/${fw}.mjs`);
const handle = await mod.dispatch(send);

let nextId = 1;
/**
 * Feeds at least `n` updates, more until `atLeastMs` were spent handling them; returns how many,
 * the replies, and the time (ms) and CPU (µs) spent handling them.
 */
async function feed(n, atLeastMs = 0) {
  let want = 0;
  let ms = 0;
  let cpuUs = 0;
  const r0 = replies;
  const c0 = chars;
  let done = 0;
  while (done < n || ms < atLeastMs) {
    const size = done < n ? Math.min(BATCH, n - done) : BATCH;
    done += size;
    const batch = new Array(size);
    for (let i = 0; i < size; i++) {
      const k = nextMessage++ % POOL;
      batch[i] = { update_id: nextId++, message: makeUpdate(k).message };
      want += replyLen[k];
    }
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await handle(batch);
    ms += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
  }
  // Frameworks that schedule work may return before the replies went out.
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const deadline = Date.now() + 60_000;
  while (replies - r0 < done && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  ms += performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  cpuUs += cpu.user + cpu.system;
  return { count: done, replies: replies - r0, chars: chars - c0, wantChars: want, ms, cpuUs };
}

await feed(warmup);
globalThis.gc?.();
const r = await feed(count, minMs);
const ok = r.replies === r.count && r.chars === r.wantChars;
console.log(
  'RESULT ' +
    JSON.stringify({
      fw,
      count: r.count,
      ms: r.ms,
      cpuMs: r.cpuUs / 1000,
      ok,
      replies: r.replies,
      chars: r.chars,
      wantChars: r.wantChars,
    }),
);
if (typeof mod.shutdown === 'function') await mod.shutdown();
process.exit(0);
