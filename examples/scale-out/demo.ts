/**
 * `npm run scale-demo`: one bot on several processes through Redis. Starts a redis-server (AOF
 * on), the Bot API emulator, one webhook ingress and 3 worker processes; pushes 10 000 messages
 * from 500 chats; SIGKILLs one worker halfway; and prints what the emulator received:
 * `handled N, lost L, duplicated D, order violations V`, with timings.
 * Sizes: BOTTE_SCALE_DEMO_UPDATES, BOTTE_SCALE_DEMO_CHATS, BOTTE_SCALE_DEMO_WORKERS.
 */
import { BotApiEmulator } from '../../src/testing/index.js';
import { UpdateQueue } from '../../src/scale/index.js';
import {
  countDeliveries,
  killRole,
  pushMessages,
  RedisServer,
  redisServerInstalled,
  startRole,
  type DeliveryCount,
  type RoleProcess,
} from './cluster.js';
import { isMain } from '../run-main.js';

/** The running cluster, as a {@link ScaleDemoOptions.atHalf} hook sees it. */
export interface ScaleDemoCluster {
  /** The redis-server (restartable). */
  redis: RedisServer;
  /** The emulator. */
  emu: BotApiEmulator;
  /** The worker processes and their `ready <id>` lines. */
  workers: { role: RoleProcess; ready: string }[];
  /** The ingress processes and their `ready ...` lines. */
  ingresses: { role: RoleProcess; ready: string }[];
  /** Adds a line to the demo's output. */
  log: (line: string) => void;
}

/** Options of {@link runScaleDemo}. */
export interface ScaleDemoOptions {
  /** Messages to push (default 10 000). */
  total?: number;
  /** Chats they come from (default 500). */
  chats?: number;
  /** Worker processes (default 3). */
  workers?: number;
  /** Ingress processes (default 1). */
  ingresses?: number;
  /** How updates come in: Telegram's webhook (default) or long polling by an elected leader. */
  mode?: 'webhook' | 'polling';
  /** Simulated I/O of each handler in ms (default 0). */
  handlerMs?: number;
  /**
   * What happens when half the messages were pushed (not awaited: pushing goes on). Default:
   * SIGKILL the first worker; `null`: nothing.
   */
  atHalf?: ((cluster: ScaleDemoCluster) => Promise<void>) | null;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** What the demo measured. */
export interface ScaleDemoResult extends DeliveryCount {
  /** ms from the first push until every update was answered (or the deadline). */
  elapsedMs: number;
  /** Entries the surviving workers claimed from a dead one (XAUTOCLAIM). */
  claimed: number;
  /** Re-deliveries the surviving workers recognised as finished and skipped. */
  duplicatesSkipped: number;
  /** The one-line summary. */
  line: string;
}

/** SIGKILLs the first worker: the default {@link ScaleDemoOptions.atHalf}. */
export async function killFirstWorker(cluster: ScaleDemoCluster): Promise<void> {
  const victim = cluster.workers[0]!;
  await killRole(victim.role, 'SIGKILL');
  cluster.log(`SIGKILLed worker ${victim.ready.slice('ready '.length)} (pid ${victim.role.child.pid})`);
}

/** Runs the demo; resolves when every update was answered (or after 120 s without progress). */
export async function runScaleDemo(options: ScaleDemoOptions = {}): Promise<ScaleDemoResult> {
  const total = options.total ?? 10_000;
  const chats = options.chats ?? 500;
  const log = options.log ?? (() => undefined);
  const atHalf = options.atHalf === undefined ? killFirstWorker : options.atHalf;
  const redis = await RedisServer.start({ aof: true });
  const emu = await BotApiEmulator.start({ deliverWebhooks: options.mode !== 'polling' });
  const roles: RoleProcess[] = [];
  const texts: string[] = [];
  const offAnswer = emu.onAnswer((call) => {
    if (call.method === 'sendMessage' && call.response?.ok) texts.push(String(call.params.text));
  });
  let queue: UpdateQueue | undefined;
  let half: Promise<void> | undefined;
  try {
    const env = {
      BOTTE_SCALE_REDIS: redis.url,
      BOTTE_SCALE_API: emu.apiUrl,
      BOTTE_SCALE_TOKEN: emu.token,
      BOTTE_SCALE_HANDLER_MS: String(options.handlerMs ?? 0),
      BOTTE_SCALE_MODE: options.mode ?? 'webhook',
    };
    const workerRoles = Array.from({ length: options.workers ?? 3 }, () => startRole('worker', env));
    const ingressRoles = Array.from({ length: options.ingresses ?? 1 }, () => startRole('ingress', env));
    roles.push(...workerRoles, ...ingressRoles);
    const ready = async (role: RoleProcess) => ({ role, ready: await role.nextLine(180_000) });
    const cluster: ScaleDemoCluster = {
      redis,
      emu,
      log,
      workers: await Promise.all(workerRoles.map(ready)),
      ingresses: await Promise.all(ingressRoles.map(ready)),
    };
    for (const { ready: line } of [...cluster.workers, ...cluster.ingresses]) log(line);
    const started = Date.now();
    let halfAt = 0;
    const perChat = await pushMessages(emu, total, chats, {
      onProgress: (pushed) => {
        if (atHalf && !half && pushed >= total / 2) {
          halfAt = Date.now() - started;
          half = atHalf(cluster);
        }
      },
    });
    log(`pushed ${total} messages from ${chats} chats in ${Date.now() - started} ms`);
    await half;
    queue = await UpdateQueue.connect({
      url: redis.url,
      botId: Number(emu.token.split(':')[0]),
      connectTimeoutMs: 60_000,
    });
    let count = countDeliveries(texts, perChat);
    let lastProgress = Date.now();
    let lastHandled = -1;
    let lastStats = 0;
    while (count.lost > 0 && Date.now() - lastProgress < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      count = countDeliveries(texts, perChat);
      if (count.handled !== lastHandled) {
        lastHandled = count.handled;
        lastProgress = Date.now();
      }
      if (Date.now() - lastStats > 2000) {
        lastStats = Date.now();
        const stats = await queue.stats();
        log(
          `answered ${count.handled}; queue depth ${stats.depth}, lag ${stats.lagMs} ms, ` +
            `workers ${stats.workers.map((w) => `${w.id} ${w.handledPerSecond}/s`).join(', ')}`,
        );
      }
    }
    const elapsedMs = Date.now() - started;
    // Let late duplicates (if any) arrive before the final count.
    await new Promise((resolve) => setTimeout(resolve, 500));
    count = countDeliveries(texts, perChat);
    const stats = await queue.stats();
    const claimed = stats.workers.reduce((sum, w) => sum + w.claimed, 0);
    const duplicatesSkipped = stats.workers.reduce((sum, w) => sum + w.duplicatesSkipped, 0);
    const line =
      `handled ${count.handled}, lost ${count.lost}, duplicated ${count.duplicated}, order violations ${count.orderViolations}` +
      ` (${total} updates from ${chats} chats, ${cluster.workers.length} workers, ${options.mode ?? 'webhook'} ingress;` +
      `${halfAt ? ` half-way event at ${halfAt} ms;` : ''} all answered in ${elapsedMs} ms = ${Math.round((count.handled * 1000) / elapsedMs)} updates/s;` +
      ` ${claimed} entries claimed from a dead worker, ${count.lateDuplicates} of the duplicates answered after a later update of their chat,` +
      ` ${duplicatesSkipped} finished re-deliveries skipped; queue depth now ${stats.depth})`;
    return { ...count, elapsedMs, claimed, duplicatesSkipped, line };
  } finally {
    offAnswer();
    await half?.catch(() => undefined);
    await queue?.close();
    if (process.env.BOTTE_SCALE_LOG) for (const role of roles) log(`--- ${role.child.pid}:\n${role.stderr()}`);
    await Promise.all(roles.map((role) => killRole(role, 'SIGKILL')));
    await emu.stop();
    await redis.stop();
  }
}

if (isMain(import.meta.url)) {
  if (!redisServerInstalled()) {
    console.error(
      'The scale-out demo needs redis-server on the PATH (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis).',
    );
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
