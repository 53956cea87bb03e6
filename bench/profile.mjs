/**
 * Profiles one framework's bot process in the polling or webhook scenario:
 * `node profile.mjs <framework> polling|webhook [count]` → a .cpuprofile in results/profiles/
 * (open it in Chrome DevTools) and the top self-time functions on stdout.
 */
import fs from 'node:fs';
import { forkChild, waitFor, kill, freePort } from './lib/proc.mjs';

const [fw = 'botte', mode = 'polling', countArg = '20000'] = process.argv.slice(2);
const count = Number(countArg);
const dir = new URL('./results/profiles/', import.meta.url).pathname;
fs.mkdirSync(dir, { recursive: true });
const before = new Set(fs.readdirSync(dir));
const server = forkChild('fake-api.mjs');
const { port: apiPort } = await waitFor(server, 'listening', 10_000);
server.send({ cmd: 'load', count });
await waitFor(server, 'loaded', 30_000);
const port = mode === 'webhook' ? await freePort() : 0;
const bot = forkChild(
  'bot-child.mjs',
  [fw, mode, `http://127.0.0.1:${apiPort}`, String(port)],
  ['--cpu-prof', '--cpu-prof-interval=200', `--cpu-prof-dir=${dir}`],
);
let gen;
try {
  await waitFor(bot, 'ready', 30_000);
  const done = waitFor(server, 'done', 300_000);
  bot.send({ cmd: 'start' });
  if (mode === 'webhook') {
    gen = forkChild('loadgen.mjs');
    await waitFor(gen, 'ready', 10_000);
    gen.send({ cmd: 'run', port, path: '/hook', count, concurrency: 32 });
    await waitFor(gen, 'result', 300_000);
  }
  const d = await done;
  console.log(
    `${fw} ${mode}: ${count} replies (${d.errors} wrong) in ${(d.lastReply - d.firstPoll || 0).toFixed(0)} ms`,
  );
} finally {
  // SIGINT lets node write the profile (bot-child exits on disconnect too).
  bot.disconnect();
  await bot.exited;
  await kill(server);
  if (gen) await kill(gen);
}
const file = fs.readdirSync(dir).find((f) => !before.has(f) && f.endsWith('.cpuprofile'));
if (!file) {
  console.log('no profile written');
  process.exit(1);
}
const p = JSON.parse(fs.readFileSync(dir + file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
p.samples.forEach((id, i) => {
  const cf = byId.get(id).callFrame;
  const key = `${cf.functionName || '(anonymous)'} ${cf.url.replace(/^.*\/(node_modules|main)\//, '')}:${cf.lineNumber + 1}`;
  const dt = p.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(`profile: ${dir}${file}`);
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`${(t / 1000).toFixed(1).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
