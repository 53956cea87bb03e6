/**
 * `npm run scale-demo`: one bot on several processes through Redis. Starts a redis-server (AOF
 * on), the Bot API emulator, one webhook ingress and 3 worker processes; pushes 10 000 messages
 * from 500 chats; SIGKILLs one worker halfway; and prints what the emulator received:
 * `handled N, lost L, duplicated D, order violations V`, with timings.
 * Sizes: BOTTE_SCALE_DEMO_UPDATES, BOTTE_SCALE_DEMO_CHATS, BOTTE_SCALE_DEMO_WORKERS.
 */
import { BotApiEmulator } from '../../src/testing/index.js';
import { UpdateQueue } from '../../src/scale/index.js';
import { countDeliveries, killRole, pushMessages, redisServerInstalled, startRole, TestRedis, type DeliveryCount, type RoleProcess } from './cluster.js';
import { isMain } from '../run-main.js';

/** Options of {@link runScaleDemo}. */
export interface ScaleDemoOptions {
  /** Messages to push (default 10 000). */
  total?: number;
  /** Chats they come from (default 500). */
  chats?: number;
  /** Worker processes (default 3). */
  workers?: number;
  /** SIGKILL one worker when half the messages were pushed (default true). */
  killOne?: boolean;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What the demo measured. */
export interface ScaleDemoResult extends DeliveryCount {
  /** ms from the first push until every update was answered (or the deadline). */
  elapsedMs: number;
  /** The one-line summary. */
  line: string;
}

/** Runs the demo; resolves when every update was answered (or after 120 s without progress). */
export async function runScaleDemo(options: ScaleDemoOptions = {}): Promise<ScaleDemoResult> {
  const total = options.total ?? 10_000;
  const chats = options.chats ?? 500;
  const log = options.log ?? (() => undefined);
  const redis = await TestRedis.start();
  const emu = await BotApiEmulator.start({ deliverWebhooks: true });
  const roles: RoleProcess[] = [];
  const texts: string[] = [];
  const offAnswer = emu.onAnswer((call) => {
    if (call.method === 'sendMessage' && call.response?.ok) texts.push(String(call.params.text));
  });
  try {
    const env = { BOTTE_SCALE_REDIS: redis.url, BOTTE_SCALE_API: emu.apiUrl, BOTTE_SCALE_TOKEN: emu.token };
    const workers = Array.from({ length: options.workers ?? 3 }, () => startRole('worker', env));
    roles.push(...workers);
    const ingress = startRole('ingress', { ...env, BOTTE_SCALE_MODE: 'webhook' });
    roles.push(ingress);
    for (const role of roles) log(await role.nextLine(180_000));
    const started = Date.now();
    let killedAt = 0;
    const perChat = await pushMessages(emu, total, chats, {
      onProgress: async (pushed) => {
        if (options.killOne !== false && !killedAt && pushed >= total / 2) {
          killedAt = Date.now() - started;
          await killRole(workers[0]!, 'SIGKILL');
          log(`killed worker ${workers[0]!.child.pid} with SIGKILL after ${pushed} pushes (${killedAt} ms)`);
        }
      },
    });
    log(`pushed ${total} messages from ${chats} chats in ${Date.now() - started} ms`);
    let count = countDeliveries(texts, perChat);
    let lastProgress = Date.now();
    let lastHandled = -1;
    const queue = await UpdateQueue.connect({ url: redis.url, botId: Number(emu.token.split(':')[0]) });
    let lastStats = 0;
    while (count.lost > 0 && Date.now() - lastProgress < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      if (Date.now() - lastStats > 2000) {
        lastStats = Date.now();
        const stats = await queue.stats();
        log(`queue depth ${stats.depth}, lag ${stats.lagMs} ms, workers ${stats.workers.map((w) => `${w.id} ${w.handledPerSecond}/s`).join(', ')}`);
      }
      count = countDeliveries(texts, perChat);
      if (count.handled !== lastHandled) { lastHandled = count.handled; lastProgress = Date.now(); }
    }
    const elapsedMs = Date.now() - started;
    // Let late duplicates (if any) arrive before the final count.
    await new Promise((resolve) => setTimeout(resolve, 300));
    count = countDeliveries(texts, perChat);
    const stats = await queue.stats();
    await queue.close();
    const line = `handled ${count.handled}, lost ${count.lost}, duplicated ${count.duplicated}, order violations ${count.orderViolations}` +
      ` (${total} updates, ${chats} chats, ${roles.length - 1} workers${killedAt ? `, one SIGKILLed at ${killedAt} ms` : ''};` +
      ` all answered in ${elapsedMs} ms, ${Math.round((count.handled * 1000) / elapsedMs)} updates/s; queue depth now ${stats.depth})`;
    return { ...count, elapsedMs, line };
  } finally {
    offAnswer();
    if (process.env.BOTTE_SCALE_LOG) for (const role of roles) log(`--- ${role.child.pid}:\n${role.stderr()}`);
    await Promise.all(roles.map((role) => killRole(role, 'SIGKILL')));
    await emu.stop();
    await redis.stop();
  }
}

if (isMain(import.meta.url)) {
  if (!redisServerInstalled()) {
    console.error('The scale-out demo needs redis-server on the PATH (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis).');
    process.exit(1);
  }
  const result = await runScaleDemo({
    total: Number(process.env.BOTTE_SCALE_DEMO_UPDATES ?? 10_000),
    chats: Number(process.env.BOTTE_SCALE_DEMO_CHATS ?? 500),
    workers: Number(process.env.BOTTE_SCALE_DEMO_WORKERS ?? 3),
    log: (line) => console.log(line),
  });
  console.log(result.line);
  process.exit(result.lost === 0 && result.orderViolations === 0 ? 0 : 1);
}
