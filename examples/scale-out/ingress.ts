/**
 * An ingress process of the scale-out demo: appends the bot's updates to the Redis update queue,
 * either as a webhook server (`BOTTE_SCALE_MODE=webhook`: it registers itself with setWebhook)
 * or by long polling under leader election (`BOTTE_SCALE_MODE=polling`: start several, one
 * polls). Other settings: BOTTE_SCALE_REDIS, BOTTE_SCALE_API, BOTTE_SCALE_TOKEN,
 * BOTTE_SCALE_PARTITIONS, BOTTE_SCALE_LOCK_MS. Prints `ready` (plus the webhook URL); SIGTERM stops it.
 */
import { Botte } from '../../src/index.js';
import { LeaderPolling, startWebhookIngress, UpdateQueue } from '../../src/scale/index.js';

const env = process.env;
// Started by the demo or a test: leave with it, even when it was killed (no orphan processes).
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.exit(1);
}, 500).unref();
const bot = new Botte(env.BOTTE_SCALE_TOKEN ?? '123456:TEST-token', { apiUrl: env.BOTTE_SCALE_API });

try {
  const queue = await UpdateQueue.connect({
    url: env.BOTTE_SCALE_REDIS ?? 'redis://127.0.0.1:6379',
    botId: bot.botId,
    partitions: Number(env.BOTTE_SCALE_PARTITIONS ?? 16),
  });
  let stop: () => Promise<void>;
  if (env.BOTTE_SCALE_MODE === 'polling') {
    const lockMs = Number(env.BOTTE_SCALE_LOCK_MS ?? 2000);
    const leader = new LeaderPolling(bot, queue, { lockMs, retryMs: Math.floor(lockMs / 8), longPollingTimeout: 1 });
    leader.start();
    console.log(`ready ${leader.id}`);
    stop = () => leader.stop();
  } else {
    const secretToken = 'demo-secret';
    const server = await startWebhookIngress(bot, queue, { port: 0, secretToken });
    await bot.setWebhook(server.url, { secret_token: secretToken });
    console.log(`ready ${server.url}`);
    stop = () => server.close();
  }
  process.once('SIGTERM', async () => {
    await stop();
    await queue.close();
    await bot.stopBot();
    process.exit(0);
  });
} catch (error) {
  console.error(`${(error as Error).name}: ${(error as Error).message}`);
  process.exit(2);
}
