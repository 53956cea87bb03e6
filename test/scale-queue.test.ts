// botte/scale in one process against a real redis-server (AOF on, started here): what a queue
// worker promises beyond the multi-process runs of test/scale-cluster.test.ts — malformed entries
// are reported and acknowledged, finished updates never run twice, states and next-step handlers
// work across workers, a wrong Redis URL is a clear typed error without the token.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, StateRedisStorage } from '../src/index.js';
import { RedisHandlerBackend } from '../src/states/index.js';
import {
  MalformedQueueEntryError,
  QueueRedisError,
  LeaderPolling,
  QueueWorker,
  UpdateQueue,
  partitionOf,
  startWebhookIngress,
} from '../src/scale/index.js';
import { useRedis } from './redis-harness.js';
import { formBot, say, twoUsersFillTheForm, waitFor, recordErrors } from './helpers.js';
import { privateMessage as message } from './private-message.js';

const { server: redis, raw } = await useRedis({ aof: true });
const emu = await BotApiEmulator.start();
after(() => emu.stop());
let prefixes = 0;

/** A queue on a prefix of its own, so that the tests of this file don't see each other's keys. */
function queueFor(bot: Botte, partitions = 4): Promise<UpdateQueue> {
  return UpdateQueue.connect({ url: redis.url, botId: bot.botId, partitions, prefix: `t${++prefixes}` });
}

test('a malformed stream entry is reported to the exceptionHandler once and acknowledged; the next update runs', async () => {
  const { errors: reported, exceptionHandler } = recordErrors();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  const texts: string[] = [];
  bot.handleMsg({ func: () => true }, (m) => void texts.push(m.text!));
  const queue = await queueFor(bot, 1);
  const stream = queue.keys.stream(0);
  await raw.sendCommand(['XADD', stream, '*', 'u', '{not json']);
  await raw.sendCommand(['XADD', stream, '*', 'other', 'field']);
  await raw.sendCommand(['XADD', stream, '*', 'u', '{"no_update_id":1}']);
  await queue.enqueue([message(1, 5, 'after the junk')]);
  const worker = new QueueWorker(bot, queue, { leaseMs: 1000 });
  try {
    await worker.start();
    await waitFor(() => texts.length === 1, {
      timeoutMs: 20_000,
      message: () => `the good update was not handled (${texts})`,
    });
    await waitFor(async () => Number(await raw.sendCommand(['XLEN', stream])) === 0, {
      timeoutMs: 10_000,
      message: 'the stream was not emptied',
    });
    assert.equal(reported.length, 3, 'each malformed entry reported once');
    for (const error of reported) assert.ok(error instanceof MalformedQueueEntryError, String(error));
    assert.match(String((reported[0] as Error).message), /not valid JSON/);
    assert.match(String((reported[1] as Error).message), /no "u" field/);
    assert.deepEqual(
      await raw.sendCommand(['XPENDING', stream, 'workers']),
      [0, null, null, null],
      'nothing left pending',
    );
    assert.equal(worker.stats().malformed, 3);
  } finally {
    await worker.stop();
    await queue.close();
  }
});

test('an update queued twice (webhook re-delivery, leader re-poll) runs once; stats() shows an empty queue', async () => {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const texts: string[] = [];
  bot.handleMsg({ func: () => true }, (m) => void texts.push(m.text!));
  const queue = await queueFor(bot);
  const worker = new QueueWorker(bot, queue, { leaseMs: 1000 });
  try {
    await queue.enqueue([message(10, 7, 'a'), message(11, 7, 'b'), message(10, 7, 'a')]);
    await worker.start();
    await waitFor(() => texts.length >= 2 && worker.stats().duplicatesSkipped === 1, {
      timeoutMs: 20_000,
      message: () => `handled ${texts}, skipped ${worker.stats().duplicatesSkipped}`,
    });
    // And again later, once the first run finished long ago.
    await queue.enqueue([message(11, 7, 'b')]);
    await waitFor(() => worker.stats().duplicatesSkipped === 2, {
      timeoutMs: 20_000,
      message: 'the late re-delivery was not skipped',
    });
    assert.deepEqual(texts, ['a', 'b']);
    const stats = await queue.stats();
    assert.equal(stats.depth, 0);
    assert.equal(stats.pending, 0);
    assert.equal(stats.lagMs, 0);
    assert.equal(stats.workers.length, 1);
    assert.equal(stats.workers[0]!.id, worker.id);
    assert.deepEqual(stats.workers[0]!.partitions, [0, 1, 2, 3]);
  } finally {
    await worker.stop();
    await queue.close();
  }
});

test('states and next-step handlers work unchanged when two workers share the chats (Redis storages)', async () => {
  const prefix = `form${++prefixes}`;
  const make = () => {
    const bot = formBot(emu, {
      stateStorage: new StateRedisStorage({ url: redis.url, prefix: `${prefix}:state` }),
      nextStepBackend: new RedisHandlerBackend({ url: redis.url, prefix: `${prefix}:next` }),
    });
    return bot;
  };
  const bots = [make(), make()];
  const queues = await Promise.all(
    bots.map(() => UpdateQueue.connect({ url: redis.url, botId: bots[0]!.botId, partitions: 2, prefix })),
  );
  // One worker per partition: users 1 and 2 (chats 1 and 2) land on different workers.
  assert.notEqual(partitionOf(message(1, 1, ''), 2), partitionOf(message(1, 2, ''), 2));
  const workers = bots.map((bot, i) => new QueueWorker(bot, queues[i]!, { leaseMs: 1000, id: `form-${i}` }));
  const ingress = await startWebhookIngress(bots[0]!, queues[0]!, { port: 0, secretToken: 'form-secret' });
  try {
    for (const worker of workers) await worker.start();
    await waitFor(() => workers.every((w) => w.partitions.length === 1), {
      timeoutMs: 20_000,
      message: () => `partitions ${workers.map((w) => w.partitions)}`,
    });
    await twoUsersFillTheForm(webhookFeed(ingress.url));
    await say(webhookFeed(ingress.url), 3, 'no state', 'echo no state');
  } finally {
    await ingress.close();
    for (const worker of workers) await worker.stop();
    for (const queue of queues) await queue.close();
    for (const bot of bots) await (bot.botStates.storage as StateRedisStorage).close();
  }
});

/**
 * The emulator as `say()` uses it, but each pushed message is POSTed to the webhook ingress (with
 * its secret) instead of waiting in getUpdates: the ingress queues it and a worker answers.
 */
function webhookFeed(url: string): BotApiEmulator {
  return new Proxy(emu, {
    get(target, name, receiver) {
      if (name === 'pushMessage') {
        return (text: string, options: { chatId: number; userId: number }) => {
          const update = target.pushMessage(text, options);
          void fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'form-secret' },
            body: JSON.stringify(update),
          });
          return update;
        };
      }
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

test('a wrong Redis URL fails at connect with a QueueRedisError naming the URL, never the token or password', async () => {
  const bot = new Botte('987654:SECRET-bot-token', { apiUrl: emu.apiUrl });
  for (const url of ['redis://user:hunter2@127.0.0.1:1', 'http://127.0.0.1:6379']) {
    await assert.rejects(UpdateQueue.connect({ url, botId: bot.botId, connectTimeoutMs: 5000 }), (error: unknown) => {
      assert.ok(error instanceof QueueRedisError, String(error));
      assert.match(error.message, /could not connect to Redis|invalid Redis options/);
      assert.ok(error.message.includes('127.0.0.1'), error.message);
      assert.ok(!error.message.includes('SECRET') && !error.message.includes('hunter2'), error.message);
      return true;
    });
  }
  await assert.rejects(UpdateQueue.connect({ url: redis.url, botId: 0 }), RangeError);
});

test('leader polling in one process: one of two pollers leads and queues; when it stops the other takes over from the stored offset; a worker handles each update once, in order', async () => {
  emu.reset();
  const bots = [new Botte(emu.token, { apiUrl: emu.apiUrl }), new Botte(emu.token, { apiUrl: emu.apiUrl })];
  const queue = await queueFor(bots[0]!, 2);
  const pollers = bots.map(
    (bot, i) => new LeaderPolling(bot, queue, { id: `p${i}`, lockMs: 1000, retryMs: 100, longPollingTimeout: 1 }),
  );
  const handler = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const seen: string[] = [];
  handler.handleMsg({ func: () => true }, (m) => void seen.push(m.text!));
  const worker = new QueueWorker(handler, queue, { leaseMs: 1000 });
  try {
    for (const poller of pollers) poller.start();
    await worker.start();
    for (let i = 1; i <= 5; i++) emu.pushMessage(`a${i}`, { chatId: 7 });
    await waitFor(() => seen.length === 5, { timeoutMs: 20_000, message: () => `first round: handled ${seen}` });
    const leaders = pollers.filter((p) => p.isLeader);
    assert.equal(leaders.length, 1, 'exactly one poller leads');
    const leader = leaders[0]!;
    const follower = pollers.find((p) => p !== leader)!;
    assert.equal(leader.queued, 5);
    assert.equal(follower.queued, 0, 'the follower never polled');
    await leader.stop();
    for (let i = 1; i <= 5; i++) emu.pushMessage(`b${i}`, { chatId: 7 });
    await waitFor(() => seen.length >= 10, { timeoutMs: 20_000, message: () => `second round: handled ${seen}` });
    assert.equal(follower.isLeader, true, 'the follower leads after the leader stopped');
    assert.deepEqual(seen, ['a1', 'a2', 'a3', 'a4', 'a5', 'b1', 'b2', 'b3', 'b4', 'b5'], 'each update once, in order');
  } finally {
    for (const poller of pollers) await poller.stop();
    await worker.stop();
    await queue.close();
  }
});
