/**
 * One worker of bench/scale-out.mjs: `node scale-worker-child.mjs <redis url> <mode> <waitMs> <maxInFlight>`.
 * mode `queue`: a QueueWorker on the Redis update queue; mode `direct`: the same bot fed in
 * process by bot.processNewUpdates (the baseline without Redis). The handler waits `waitMs`
 * (simulated I/O) and calls no API. IPC: `ready`; `{cmd:'feed', count}` (direct mode) feeds the
 * updates; `{cmd:'stats'}` answers handled count, CPU ms since start and RSS.
 */
import { Botte } from '../dist/esm/index.js';
import { QueueWorker, UpdateQueue } from '../dist/esm/scale/index.js';
import { makeUpdate } from './scale-updates.mjs';

const [url, mode, waitArg, maxArg] = process.argv.slice(2);
const waitMs = Number(waitArg);
let handled = 0;
const bot = new Botte('123456:BENCH-token', { apiUrl: 'http://127.0.0.1:9' });
bot.handleMsg({ func: () => true }, async () => {
  if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
  handled++;
});
const cpu0 = process.cpuUsage();
let worker;
let queue;
if (mode === 'queue') {
  queue = await UpdateQueue.connect({ url, botId: bot.botId, partitions: 16 });
  worker = new QueueWorker(bot, queue, { maxInFlight: Number(maxArg), leaseMs: 5000 });
  await worker.start();
}
process.on('message', async (msg) => {
  if (msg.cmd === 'feed') {
    const updates = Array.from({ length: msg.count }, (_, i) => makeUpdate(i, msg.chats));
    for (let i = 0; i < updates.length; i += 100) await bot.processNewUpdates(updates.slice(i, i + 100));
  } else if (msg.cmd === 'stats') {
    const cpu = process.cpuUsage(cpu0);
    process.send({
      type: 'stats',
      handled,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssKB: Math.round(process.memoryUsage().rss / 1024),
      maxRssKB: process.resourceUsage().maxRSS,
    });
  } else if (msg.cmd === 'stop') {
    await worker?.stop();
    await queue?.close();
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
