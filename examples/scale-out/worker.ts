/**
 * A worker process of the scale-out demo: a normal Botte bot (its handler answers every message
 * with its text, after `BOTTE_SCALE_HANDLER_MS` of simulated I/O) consuming the Redis update queue.
 * Started by examples/scale-out/demo.ts and the tests; configured by environment variables:
 * BOTTE_SCALE_REDIS, BOTTE_SCALE_API, BOTTE_SCALE_TOKEN, BOTTE_SCALE_PARTITIONS, BOTTE_SCALE_LEASE_MS.
 * Prints `ready <worker id>` once it consumes; SIGTERM stops it gracefully.
 */
import { Botte, StateRedisStorage } from '../../src/index.js';
import { QueueWorker, UpdateQueue } from '../../src/scale/index.js';
import { logger } from '../../src/logger.js';

const env = process.env;
// Started by the demo or a test: leave with it, even when it was killed (no orphan processes).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
const token = env.BOTTE_SCALE_TOKEN ?? '123456:TEST-token';
const handlerMs = Number(env.BOTTE_SCALE_HANDLER_MS ?? 0);
const url = env.BOTTE_SCALE_REDIS ?? 'redis://127.0.0.1:6379';
if (env.BOTTE_SCALE_LOG) logger.setLevel(env.BOTTE_SCALE_LOG as 'info');

// States live in Redis too, so that a conversation can move from worker to worker.
const bot = new Botte(token, {
  apiUrl: env.BOTTE_SCALE_API,
  stateStorage: new StateRedisStorage({ url, prefix: 'demo:state' }),
});
bot.handleMsg({ func: () => true }, async (message) => {
  if (handlerMs > 0) await new Promise((resolve) => setTimeout(resolve, handlerMs));
  await bot.sendMessage(message.chat.id, message.text ?? '');
});

try {
  const queue = await UpdateQueue.connect({
    url,
    botId: bot.botId,
    partitions: Number(env.BOTTE_SCALE_PARTITIONS ?? 16),
  });
  const worker = new QueueWorker(bot, queue, { leaseMs: Number(env.BOTTE_SCALE_LEASE_MS ?? 5000) });
  await worker.start();
  console.log(`ready ${worker.id}`);
  process.once('SIGTERM', async () => {
    await worker.stop();
    console.log(`stats ${JSON.stringify(worker.stats())}`);
    await queue.close();
    await bot.stopBot();
    await (bot.botStates.storage as StateRedisStorage).close();
    process.exit(0);
  });
} catch (error) {
  // A wrong Redis URL ends here with a QueueRedisError naming the (password-less) URL.
  console.error(`${(error as Error).name}: ${(error as Error).message}`);
  process.exit(2);
}
