/**
 * `npm run bench [-- --quick] [-- --only=dispatch,polling,webhook,coldstart] [-- --rounds=N]`
 * Runs every scenario for every framework, rounds interleaved (the order rotates each
 * round), one framework at a time; prints median tables with ratios to Botte and to the
 * raw floor, and writes results/latest.json and results/latest.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import { forkChild, waitFor, kill, runForResult, freePort } from './lib/proc.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
const value = (name) => flag(name)?.split('=')[1];
const QUICK = Boolean(flag('quick'));
const ONLY = value('only')?.split(',') ?? ['dispatch', 'polling', 'webhook', 'coldstart'];
const FRAMEWORK_FILTER = value('frameworks')?.split(',');

const CFG = QUICK
  ? {
      dispatch: { count: 20_000, warmup: 5_000, minMs: 200, rounds: 3 },
      polling: { count: 4_000, rounds: 1 },
      webhook: { count: 4_000, rounds: 1 },
      coldstart: { rounds: 3 },
    }
  : {
      dispatch: { count: 200_000, warmup: 20_000, minMs: 1000, rounds: 5 },
      polling: { count: 20_000, rounds: 3 },
      webhook: { count: 20_000, rounds: 3 },
      coldstart: { rounds: 7 },
    };
if (value('rounds')) for (const k in CFG) CFG[k].rounds = Number(value('rounds'));
const CONCURRENCY = 32;

const FRAMEWORKS = {
  dispatch: ['botte', 'grammy', 'telegraf', 'ntba', 'raw'],
  polling: ['botte', 'grammy', 'grammy-runner', 'telegraf', 'ntba', 'raw'],
  webhook: ['botte', 'grammy', 'telegraf', 'ntba', 'raw'],
  coldstart: ['botte', 'grammy', 'telegraf', 'ntba', 'raw'],
};
const LABELS = {};
const unavailable = {}; // `${scenario}/${fw}` -> reason

const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function adapterFor(fw, scenario) {
  const mod = await import(`./frameworks/${fw}.mjs`);
  LABELS[fw] = mod.label;
  const fn = { dispatch: 'dispatch', polling: 'polling', webhook: 'webhook', coldstart: 'construct' }[scenario];
  if (typeof mod[fn] !== 'function') return `no ${fn}() in the adapter`;
  if (typeof mod.unavailable === 'function') return (await mod.unavailable(scenario)) ?? null;
  return null;
}

async function rounds(scenario, rounds, runOne) {
  const fws = FRAMEWORKS[scenario].filter((f) => !FRAMEWORK_FILTER || FRAMEWORK_FILTER.includes(f));
  const runnable = [];
  for (const fw of fws) {
    const why = await adapterFor(fw, scenario);
    if (why) {
      unavailable[`${scenario}/${fw}`] = why;
      log(`  ${fw}: n/a (${why})`);
    } else runnable.push(fw);
  }
  const results = Object.fromEntries(fws.map((f) => [f, { runs: [], errors: [] }]));
  for (let r = 0; r < rounds; r++) {
    const order = runnable.map((_, i) => runnable[(i + r) % runnable.length]);
    for (const fw of order) {
      try {
        // One retry: on a shared machine a peer may be rebuilding dist/ at that very moment.
        const res = await runOne(fw).catch(async (e) => {
          log(`  [${scenario} ${r + 1}/${rounds}] ${fw}: retrying after ${String(e.message ?? e).slice(0, 120)}`);
          await new Promise((ok) => setTimeout(ok, 3000));
          return runOne(fw);
        });
        results[fw].runs.push(res);
        log(`  [${scenario} ${r + 1}/${rounds}] ${fw}: ${summary(scenario, res)}`);
      } catch (e) {
        results[fw].errors.push(String(e.message ?? e).slice(0, 500));
        log(`  [${scenario} ${r + 1}/${rounds}] ${fw}: FAILED ${String(e.message ?? e).slice(0, 300)}`);
      }
    }
  }
  return results;
}

function summary(scenario, r) {
  if (scenario === 'coldstart') return `${r.ms.toFixed(1)} ms, RSS ${(r.rssKB / 1024).toFixed(1)} MB`;
  let s = `${Math.round(r.perSec).toLocaleString('en-US')} upd/s`;
  if (r.cpuPer1k !== undefined) s += `, CPU ${r.cpuPer1k.toFixed(1)} ms/1k`;
  if (r.maxRssKB) s += `, peak RSS ${(r.maxRssKB / 1024).toFixed(0)} MB`;
  return s;
}

// ---- 1. dispatch ----
async function dispatchRun(fw) {
  const { count, warmup } = CFG.dispatch;
  const r = await runForResult(
    'dispatch-child.mjs',
    [fw, String(count), String(warmup), String(CFG.dispatch.minMs)],
    ['--expose-gc'],
    QUICK ? 120_000 : 300_000,
  );
  if (!r.ok) throw new Error(`replies ${r.replies}/${count}, chars ${r.chars}/${r.wantChars}`);
  return { perSec: (r.count / r.ms) * 1000, cpuPer1k: r.cpuMs / (r.count / 1000), cpuPct: (100 * r.cpuMs) / r.ms };
}

// ---- 2/3. polling and webhook, against the fake API server ----
let api;
async function fakeApi() {
  if (api) return api;
  const child = forkChild('fake-api.mjs');
  const { port } = await waitFor(child, 'listening', 10_000);
  api = { child, port, root: `http://127.0.0.1:${port}` };
  return api;
}
let loadgen;
async function loadGen() {
  if (loadgen) return loadgen;
  loadgen = forkChild('loadgen.mjs');
  await waitFor(loadgen, 'ready', 10_000);
  return loadgen;
}

async function networkRun(mode, fw) {
  const { count } = CFG[mode];
  const { child: server, root } = await fakeApi();
  server.send({ cmd: 'load', count });
  await waitFor(server, 'loaded', 30_000);
  const port = mode === 'webhook' ? await freePort() : 0;
  // BENCH_BOT_RUNTIME runs the bots (only them: fake API and load generator stay on Node) with
  // another runtime, e.g. Bun's binary, for the Bun figures of BENCHMARKS.md.
  const bot = forkChild(
    'bot-child.mjs',
    [fw, mode, root, String(port)],
    [],
    process.env.BENCH_BOT_RUNTIME || undefined,
  );
  const limit = QUICK ? 60_000 : 180_000;
  try {
    await waitFor(bot, 'ready', 30_000);
    const done = waitFor(server, 'done', limit);
    done.catch(() => {});
    bot.send({ cmd: 'start' });
    await waitFor(bot, 'started', 10_000);
    let t0;
    let t1;
    if (mode === 'webhook') {
      const gen = await loadGen();
      gen.send({ cmd: 'run', port, path: '/hook', count, concurrency: CONCURRENCY });
      const [lg, d] = await Promise.all([waitFor(gen, 'result', limit), done]);
      if (lg.ok !== count) throw new Error(`load generator: ${lg.ok}/${count} answered 200 (${lg.firstError})`);
      if (d.errors) throw new Error(`${d.errors} wrong replies, e.g. ${JSON.stringify(d.errorSamples)}`);
      t0 = lg.tStart;
      t1 = Math.max(lg.tEnd, d.lastReply);
    } else {
      const d = await done.catch(async (e) => {
        server.send({ cmd: 'status' });
        const s = await waitFor(server, 'status', 5000).catch(() => ({}));
        throw new Error(
          `${e.message}; server saw ${s.valid} valid, ${s.errors} errors, methods ${JSON.stringify(s.methods)}, ${bot.stderrText.slice(-400)}`,
        );
      });
      if (d.errors) throw new Error(`${d.errors} wrong replies, e.g. ${JSON.stringify(d.errorSamples)}`);
      t0 = d.firstPoll;
      t1 = d.lastReply;
    }
    bot.send({ cmd: 'stats' });
    const st = await waitFor(bot, 'stats', 10_000);
    return { perSec: (count / (t1 - t0)) * 1000, cpuPer1k: st.cpuMs / (count / 1000), maxRssKB: st.maxRssKB };
  } finally {
    await kill(bot);
  }
}

// ---- 4. cold start ----
async function coldRun(fw) {
  return runForResult('coldstart-child.mjs', [fw], ['--expose-gc'], 60_000);
}

// ---- tables ----
function fmtInt(x) {
  return Math.round(x).toLocaleString('en-US');
}
function ratio(x, base) {
  return base ? `${(x / base).toFixed(2)}x` : 'n/a';
}

function table(scenario, results, cols) {
  const med = {};
  for (const [fw, r] of Object.entries(results)) {
    if (r.runs.length) {
      med[fw] = {};
      for (const key of Object.keys(r.runs[0])) med[fw][key] = median(r.runs.map((x) => x[key]));
    }
  }
  const head = ['framework', ...cols.map((c) => c.title)];
  const rows = [];
  for (const fw of Object.keys(results)) {
    const label = LABELS[fw] ?? fw;
    if (!med[fw]) {
      const why = unavailable[`${scenario}/${fw}`] ?? `failed: ${results[fw].errors[0] ?? 'no run'}`;
      rows.push([label, `n/a (${why.replace(/\|/g, '/').slice(0, 70)})`, ...cols.slice(1).map(() => '')]);
      continue;
    }
    rows.push([
      label + (results[fw].errors.length ? ` (${results[fw].errors.length} failed run(s))` : ''),
      ...cols.map((c) => c.fmt(med[fw], med.botte, med.raw)),
    ]);
  }
  return { head, rows, med, runs: Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.runs.length])) };
}

function render(title, t) {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    '| ' +
    cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ') +
    ' |';
  return [
    `### ${title}`,
    '',
    line(t.head),
    '|' + widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|') + '|',
    ...t.rows.map(line),
    '',
  ].join('\n');
}

const tp = (title = 'updates/s') => [
  { title, fmt: (m) => fmtInt(m.perSec) },
  { title: 'vs Botte', fmt: (m, b) => ratio(m.perSec, b?.perSec) },
  { title: 'vs raw', fmt: (m, _b, r) => ratio(m.perSec, r?.perSec) },
];

const started = new Date();
const out = {
  date: started.toISOString(),
  node: process.version,
  cpu: cpuModel(),
  cores: os.cpus().length,
  quick: QUICK,
  config: CFG,
  scenarios: {},
};
function cpuModel() {
  try {
    return /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))[1];
  } catch {
    return os.cpus()[0]?.model ?? '?';
  }
}
log(`Botte bench${QUICK ? ' (quick)' : ''}: node ${out.node}, ${out.cpu}, ${out.cores} cores`);
const md = [
  `Date ${out.date.slice(0, 16).replace('T', ' ')} UTC, Node ${out.node}, ${out.cpu}, ${out.cores} cores${QUICK ? ', --quick' : ''}.`,
  '',
];

try {
  if (ONLY.includes('dispatch')) {
    const c = CFG.dispatch;
    log(
      `dispatch: at least ${c.count} updates and ${c.minMs} ms of handling in-process (+${c.warmup} warm-up), ${c.rounds} rounds`,
    );
    const t = table('dispatch', await rounds('dispatch', c.rounds, dispatchRun), [
      ...tp(),
      { title: 'CPU ms/1k upd', fmt: (m) => m.cpuPer1k.toFixed(1) },
      { title: 'CPU %', fmt: (m) => m.cpuPct.toFixed(0) },
    ]);
    out.scenarios.dispatch = t;
    md.push(
      render(
        `1. dispatch (in-process, at least ${fmtInt(c.count)} updates and ${c.minMs / 1000} s of handling per run, median of ${c.rounds})`,
        t,
      ),
    );
  }
  if (ONLY.includes('polling')) {
    const c = CFG.polling;
    log(`polling: ${c.count} updates via getUpdates (100/batch), ${c.rounds} rounds`);
    const t = table('polling', await rounds('polling', c.rounds, (fw) => networkRun('polling', fw)), [
      ...tp(),
      { title: 'bot CPU ms/1k upd', fmt: (m) => m.cpuPer1k.toFixed(1) },
      { title: 'peak RSS MB', fmt: (m) => (m.maxRssKB / 1024).toFixed(0) },
    ]);
    out.scenarios.polling = t;
    md.push(render(`2. long polling (${fmtInt(c.count)} updates, 1 000 chats, median of ${c.rounds})`, t));
  }
  if (ONLY.includes('webhook')) {
    const c = CFG.webhook;
    log(`webhook: ${c.count} updates POSTed at concurrency ${CONCURRENCY}, ${c.rounds} rounds`);
    const t = table('webhook', await rounds('webhook', c.rounds, (fw) => networkRun('webhook', fw)), [
      ...tp(),
      { title: 'bot CPU ms/1k upd', fmt: (m) => m.cpuPer1k.toFixed(1) },
      { title: 'peak RSS MB', fmt: (m) => (m.maxRssKB / 1024).toFixed(0) },
    ]);
    out.scenarios.webhook = t;
    md.push(render(`3. webhook (${fmtInt(c.count)} updates, concurrency ${CONCURRENCY}, median of ${c.rounds})`, t));
  }
  if (ONLY.includes('coldstart')) {
    const c = CFG.coldstart;
    log(`cold start: fresh process per run, ${c.rounds} rounds`);
    const t = table('coldstart', await rounds('coldstart', c.rounds, coldRun), [
      { title: 'import+construct ms', fmt: (m) => m.ms.toFixed(1) },
      { title: 'vs Botte', fmt: (m, b) => ratio(m.ms, b?.ms) },
      { title: 'idle RSS MB', fmt: (m) => (m.rssKB / 1024).toFixed(1) },
      { title: 'RSS vs Botte', fmt: (m, b) => ratio(m.rssKB, b?.rssKB) },
      { title: 'heap MB', fmt: (m) => (m.heapKB / 1024).toFixed(1) },
    ]);
    out.scenarios.coldstart = t;
    md.push(render(`4. cold start (fresh node process, median of ${c.rounds})`, t));
  }
} finally {
  if (api) {
    await kill(api.child);
  }
  if (loadgen) {
    await kill(loadgen);
  }
}

out.seconds = (Date.now() - started.getTime()) / 1000;
const text = md.join('\n') + `\nTotal ${out.seconds.toFixed(0)} s.\n`;
console.log('\n' + text);
fs.mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
fs.writeFileSync(
  new URL(`./results/${QUICK ? 'quick' : 'latest'}.json`, import.meta.url),
  JSON.stringify(out, null, 2),
);
fs.writeFileSync(new URL(`./results/${QUICK ? 'quick' : 'latest'}.md`, import.meta.url), text);
