/**
 * One dispatch run in a fresh process: `node dispatch-child.mjs <framework> <count> <warmup>`.
 * Feeds updates in batches of 100 to the framework's in-process entry point (network
 * stubbed by the adapter), waits until every reply reached the stub, and prints
 * `RESULT {json}`: wall time, CPU (process.cpuUsage), replies and their total length.
 */
import { makeUpdate, makeUpdates, fakeMessage } from './lib/updates.mjs';
import { route } from './lib/raw-router.mjs';

const [fw, countArg, warmupArg] = process.argv.slice(2);
const count = Number(countArg);
const warmup = Number(warmupArg);
const POOL = 20000;
const BATCH = 100;
const pool = makeUpdates(POOL);
const replyLen = pool.map((u) => route(u.message.text).length);
// Every update gets its own message object, built before the clock starts, as Telegram's JSON
// gives a bot a fresh object per update. Reusing one object 10 times would hand a framework
// messages it has already seen (and annotated, as Botte adds content_type), which never happens
// for real.
const messages = new Array(warmup + count);
for (let n = 0; n < messages.length; n++) messages[n] = makeUpdate(n % POOL).message;
let nextMessage = 0;

let replies = 0;
let chars = 0;
const RESULT = fakeMessage(100000, 'ok');
// The stub every adapter routes sendMessage to: counts the reply, answers like Telegram.
const send = (chatId, text) => { replies++; chars += text.length; return Promise.resolve(RESULT); };

const mod = await import(`./frameworks/${fw}.mjs`);
const handle = await mod.dispatch(send);

let nextId = 1;
async function feed(n) {
  let want = 0;
  const r0 = replies;
  const c0 = chars;
  for (let done = 0; done < n; done += BATCH) {
    const size = Math.min(BATCH, n - done);
    const batch = new Array(size);
    for (let i = 0; i < size; i++) {
      const k = (done + i) % POOL;
      batch[i] = { update_id: nextId++, message: messages[nextMessage++] };
      want += replyLen[k];
    }
    await handle(batch);
  }
  // Frameworks that schedule work may return before the replies went out.
  const deadline = Date.now() + 60_000;
  while (replies - r0 < n && Date.now() < deadline) await new Promise((r) => setImmediate(r));
  return { replies: replies - r0, chars: chars - c0, wantChars: want };
}

await feed(warmup);
globalThis.gc?.();
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const r = await feed(count);
const t1 = performance.now();
const cpu = process.cpuUsage(cpu0);
const ok = r.replies === count && r.chars === r.wantChars;
console.log('RESULT ' + JSON.stringify({ fw, count, ms: t1 - t0, cpuMs: (cpu.user + cpu.system) / 1000, ok, replies: r.replies, chars: r.chars, wantChars: r.wantChars }));
if (typeof mod.shutdown === 'function') await mod.shutdown();
process.exit(0);
