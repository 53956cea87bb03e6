/**
 * Scaling out through Redis (docs/scaling-out.md): `node bench/scale-out.mjs` (root built with
 * `npm run build`, redis-server installed; no bench install needed).
 * 1. Throughput with 1, 2 and 4 worker processes when each handler waits 20 ms on I/O (each
 *    worker runs at most `--inflight` updates at once, default 25), 4 000 updates from 500 chats.
 * 2. Cost per update through Redis vs in-process: CPU µs (worker, and ingress XADD) and RSS of
 *    one worker handling 20 000 updates with an instant handler, against the same bot fed by
 *    processNewUpdates in its own process.
 * Each figure is the median of `--rounds` runs (default 3).
 */
import { fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UpdateQueue } from '../dist/esm/scale/index.js';
import { makeUpdate } from './scale-updates.mjs';

const arg = (name, fallback) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const INFLIGHT = arg('inflight', 25);
const UPDATES = arg('updates', 4000);
const COST_UPDATES = arg('cost-updates', 20000);
const ROUNDS = arg('rounds', 3);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const CHATS = 500;
const here = fileURLToPath(new URL('.', import.meta.url));

const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const dir = mkdtempSync(join(tmpdir(), 'botte-bench-redis-'));
const redis = spawn(
  'redis-server',
  ['--port', String(port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--dir', dir, '--save', ''],
  { stdio: ['ignore', 'pipe', 'pipe'] },
);
redis.on('error', () => {
  console.error('redis-server is not installed');
  process.exit(1);
});
await new Promise((resolve, reject) => {
  let out = '';
  for (const stream of [redis.stdout, redis.stderr])
    stream.on('data', (c) => {
      out += c;
      if (out.includes('Ready to accept')) resolve();
    });
  redis.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${out}`)));
});
const url = `redis://127.0.0.1:${port}`;
let round = 0;

function startChild(mode, waitMs) {
  const child = fork(join(here, 'scale-worker-child.mjs'), [url, mode, String(waitMs), String(INFLIGHT)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (msg) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send(msg);
    });
  const ready = new Promise((resolve) => child.once('message', resolve));
  return { child, ask, ready };
}
// A stopping worker acknowledges by exiting (after its partitions are released); 5 s at most.
const stopChild = ({ child }) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.send({ cmd: 'stop' });
  });
const handledBy = async (children) =>
  (await Promise.all(children.map((c) => c.ask({ cmd: 'stats' })))).reduce((sum, s) => sum + s.handled, 0);

async function flush() {
  const { createClient } = await import('redis');
  const client = createClient({ url });
  await client.connect();
  await client.sendCommand(['FLUSHALL']);
  await client.close();
}

async function throughput(workers) {
  await flush();
  const children = Array.from({ length: workers }, () => startChild('queue', 20));
  await Promise.all(children.map((c) => c.ready));
  await new Promise((resolve) => setTimeout(resolve, 1500)); // let the partitions settle
  const queue = await UpdateQueue.connect({ url, botId: 123456, partitions: 16 });
  const base = UPDATES * round++;
  const updates = Array.from({ length: UPDATES }, (_, i) => makeUpdate(base + i, CHATS));
  const started = performance.now();
  for (let i = 0; i < updates.length; i += 500) await queue.enqueue(updates.slice(i, i + 500));
  while ((await handledBy(children)) < UPDATES) await new Promise((resolve) => setTimeout(resolve, 20));
  const seconds = (performance.now() - started) / 1000;
  await queue.close();
  await Promise.all(children.map(stopChild));
  return UPDATES / seconds;
}

async function cost(mode) {
  await flush();
  const child = startChild(mode, 0);
  await child.ready;
  const before = await child.ask({ cmd: 'stats' });
  let ingressCpuUs = 0;
  if (mode === 'queue') {
    const queue = await UpdateQueue.connect({ url, botId: 123456, partitions: 16 });
    const cpu0 = process.cpuUsage();
    const updates = Array.from({ length: COST_UPDATES }, (_, i) => makeUpdate(i, CHATS));
    for (let i = 0; i < updates.length; i += 500) await queue.enqueue(updates.slice(i, i + 500));
    const cpu = process.cpuUsage(cpu0);
    ingressCpuUs = (cpu.user + cpu.system) / COST_UPDATES;
    await queue.close();
  } else {
    child.child.send({ cmd: 'feed', count: COST_UPDATES, chats: CHATS });
  }
  while ((await child.ask({ cmd: 'stats' })).handled < COST_UPDATES)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const after = await child.ask({ cmd: 'stats' });
  await stopChild(child);
  return {
    workerCpuUs: ((after.cpuMs - before.cpuMs) * 1000) / COST_UPDATES,
    ingressCpuUs,
    rssMB: after.rssKB / 1024,
    maxRssMB: after.maxRssKB / 1024,
  };
}

try {
  const rates = {};
  for (const workers of [1, 2, 4]) {
    const runs = [];
    for (let r = 0; r < ROUNDS; r++) runs.push(await throughput(workers));
    rates[workers] = median(runs);
    console.error(`${workers} worker(s): ${runs.map(Math.round).join(', ')} updates/s`);
  }
  const medianCost = async (mode) => {
    const runs = [];
    for (let r = 0; r < ROUNDS; r++) runs.push(await cost(mode));
    console.error(`${mode}: ${runs.map((c) => c.workerCpuUs.toFixed(1)).join(', ')} worker CPU µs/update`);
    return runs.sort((a, b) => a.workerCpuUs - b.workerCpuUs)[Math.floor(ROUNDS / 2)];
  };
  const viaRedis = await medianCost('queue');
  const direct = await medianCost('direct');
  console.log(`\nMedians of ${ROUNDS} rounds; Node ${process.versions.node}.`);
  console.log(
    `\n| workers (20 ms I/O per handler, ${INFLIGHT} in flight each) | updates/s | vs 1 worker |\n| --- | --- | --- |`,
  );
  for (const workers of [1, 2, 4])
    console.log(`| ${workers} | ${Math.round(rates[workers])} | ${(rates[workers] / rates[1]).toFixed(2)}× |`);
  console.log(
    `\n| ${COST_UPDATES} updates, instant handler | worker CPU µs/update | ingress CPU µs/update | worker RSS MB (peak) |\n| --- | --- | --- | --- |`,
  );
  console.log(
    `| through Redis (UpdateQueue + QueueWorker) | ${viaRedis.workerCpuUs.toFixed(1)} | ${viaRedis.ingressCpuUs.toFixed(1)} | ${viaRedis.rssMB.toFixed(0)} (${viaRedis.maxRssMB.toFixed(0)}) |`,
  );
  console.log(
    `| in process (processNewUpdates) | ${direct.workerCpuUs.toFixed(1)} | – | ${direct.rssMB.toFixed(0)} (${direct.maxRssMB.toFixed(0)}) |`,
  );
} finally {
  redis.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
