// botte/scale: a queue worker loses nothing when Redis answers but the answer never arrives, or
// when entries of a partition it owns sit with another worker. Real redis-server; the faults are
// made by a TCP proxy between the worker and Redis that cuts the connection after Redis ran a
// command and before its reply reaches the worker (what a Redis restart or a network blip does).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte } from '../src/index.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { CONSUMER_GROUP, QueueWorker, UpdateQueue } from '../src/scale/index.js';
import { useRedis } from './redis-harness.js';
import { waitFor } from './helpers.js';
import { privateMessage as message } from './private-message.js';

const { server: redis, raw } = await useRedis();
const emu = await BotApiEmulator.start();
after(() => emu.stop());
let prefixes = 0;

/** A proxy to redis-server that can cut the connection carrying the first reply containing a text. */
class CuttingProxy {
  private marker?: string;
  private cut?: () => void;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(upstreamPort: number): Promise<CuttingProxy> {
    const server = createServer();
    const proxy = new CuttingProxy(server);
    server.on('connection', (client) => proxy.relay(client, connect(upstreamPort, '127.0.0.1')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get url(): string {
    return `redis://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once a reply containing `marker` came from Redis and was thrown away with its connection. */
  cutReplyContaining(marker: string): Promise<void> {
    this.marker = marker;
    return new Promise((resolve) => (this.cut = resolve));
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private relay(client: Socket, upstream: Socket): void {
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        end();
      });
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk: Buffer) => {
      if (this.marker !== undefined && chunk.includes(this.marker)) {
        this.marker = undefined;
        end();
        this.cut?.();
        return;
      }
      client.write(chunk);
    });
  }
}

/** A bot recording the texts it handled, and a one-partition queue of its own through `url`. */
async function recordingWorker(url: string) {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const texts: string[] = [];
  bot.handleMsg({ func: () => true }, (m) => void texts.push(m.text!));
  const prefix = `f${++prefixes}`;
  const queue = await UpdateQueue.connect({ url, botId: bot.botId, partitions: 1, prefix });
  const feeder = await UpdateQueue.connect({ url: redis.url, botId: bot.botId, partitions: 1, prefix });
  const worker = new QueueWorker(bot, queue, { leaseMs: 1000, heartbeatMs: 100 });
  await worker.start();
  return {
    texts,
    queue,
    feeder,
    worker,
    async close() {
      await worker.stop();
      await queue.close();
      await feeder.close();
    },
  };
}

test('the reply of a read is lost with its connection: the worker reconnects, claims what Redis gave it and runs it, in order', async () => {
  const proxy = await CuttingProxy.start(redis.port);
  const run = await recordingWorker(proxy.url);
  try {
    assert.deepEqual(run.worker.partitions, [0]);
    const cut = proxy.cutReplyContaining('lost-reply');
    const sent = Array.from({ length: 5 }, (_, i) => `lost-reply ${i}`);
    await run.feeder.enqueue(sent.map((text, i) => message(100 + i, 9, text)));
    await cut;
    await waitFor(() => run.texts.length >= sent.length, {
      timeoutMs: 15_000,
      message: () => `handled only ${JSON.stringify(run.texts)}`,
    });
    const later = ['after 0', 'after 1'];
    await run.feeder.enqueue(later.map((text, i) => message(200 + i, 9, text)));
    await waitFor(() => run.texts.length >= sent.length + later.length, {
      timeoutMs: 15_000,
      message: () => `handled ${JSON.stringify(run.texts)}`,
    });
    assert.deepEqual(run.texts, [...sent, ...later]);
    const stats = await run.feeder.stats();
    assert.equal(stats.depth, 0, 'every entry acknowledged and deleted');
    assert.equal(stats.pending, 0);
  } finally {
    await run.close();
    await proxy.close();
  }
});

test('entries of an owned partition held by another worker (it lost the lease, or it is gone) are claimed and run', async () => {
  const run = await recordingWorker(redis.url);
  const { keys } = run.queue;
  // What a worker that read entries and then lost the partition leaves: entries pending to it.
  // With `dropLease`, its lease had also expired before this worker renewed (and so retook) it.
  const strand = async (update: Update, dropLease: boolean) => {
    const script = `redis.call('XADD', KEYS[1], '*', 'u', ARGV[1])
redis.call('XREADGROUP', 'GROUP', ARGV[2], 'gone-worker', 'COUNT', '10', 'STREAMS', KEYS[1], '>')
if ARGV[3] == '1' then redis.call('DEL', KEYS[2]) end
return 1`;
    const args = [JSON.stringify(update), CONSUMER_GROUP, dropLease ? '1' : '0'];
    await raw.sendCommand(['EVAL', script, '2', keys.stream(0), keys.lease(0), ...args]);
  };
  try {
    await strand(message(300, 4, 'stranded, lease expired'), true);
    await waitFor(() => run.texts.length === 1, {
      timeoutMs: 15_000,
      message: 'the entry of the expired lease never ran',
    });
    await strand(message(301, 4, 'stranded, lease kept'), false);
    await waitFor(() => run.texts.length === 2, { timeoutMs: 15_000, message: 'the stranded entry never ran' });
    assert.deepEqual(run.texts, ['stranded, lease expired', 'stranded, lease kept']);
    assert.equal(run.worker.stats().claimed, 2);
    assert.deepEqual(run.worker.partitions, [0]);
    const stats = await run.feeder.stats();
    assert.equal(stats.depth, 0);
    assert.equal(stats.pending, 0);
  } finally {
    await run.close();
  }
});
