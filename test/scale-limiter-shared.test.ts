// RedisFloodControl against a real redis-server (started here on a free port), in one process:
// two limiters on two connections stand for two processes (the five-process runs are in
// test/scale-limiter-processes.test.ts). Waits are checked as lower bounds only.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'redis';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import {
  FloodControl,
  FloodControlUnavailableError,
  RedisFloodControl,
  limiterKeys,
  type RedisFloodControlOptions,
} from '../src/scale/index.js';
import { logger } from '../src/logger.js';
import { waitFor } from './helpers.js';
import { freePort, RedisServer } from './redis-server.js';

let redis: RedisServer;
let raw: ReturnType<typeof createClient>;
let emu: BotApiEmulator;
const limiters: RedisFloodControl[] = [];
let prefixes = 0;

/** A limiter on its own key prefix unless `prefix` is given; closed at the end of the file. */
function limiter(options: RedisFloodControlOptions = {}): RedisFloodControl {
  const created = new RedisFloodControl({ url: redis.url, prefix: `s${++prefixes}`, ...options });
  limiters.push(created);
  return created;
}

before(async () => {
  redis = await RedisServer.start();
  raw = createClient({ url: redis.url });
  await raw.connect();
  emu = await BotApiEmulator.start();
});

after(async () => {
  for (const created of limiters) await created.close();
  if (raw?.isOpen) await raw.close();
  await emu?.stop();
  await redis?.stop();
});

describe('RedisFloodControl', () => {
  it("plugs into floodControl: messages are sent, its keys carry the bot's hash tag and expire", async () => {
    const shared = limiter({ prefix: 'keys' });
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: shared });
    // The keys expire a second or two after use: a busy machine may lose them before a KEYS
    // command. Redis's keyspace notifications tell what the script wrote and set to expire instead.
    await raw.configSet('notify-keyspace-events', 'Kgh');
    const events = new Map<string, Set<string>>();
    const listener = raw.duplicate();
    await listener.connect();
    await listener.pSubscribe('__keyspace@0__:keys:*', (event, channel) => {
      const key = channel.slice('__keyspace@0__:'.length);
      events.set(key, (events.get(key) ?? new Set()).add(event));
    });
    try {
      await bot.sendMessage(42, 'private');
      await bot.sendMessage(-100, 'group');
      const expected = [...limiterKeys('keys', bot.botId, -100).slice(1), ...limiterKeys('keys', bot.botId, 42)].sort();
      await waitFor(() => expected.every((key) => events.get(key)?.has('expire')), {
        message: () => `hset and expire of ${expected.join(', ')}; seen ${JSON.stringify([...events])}`,
      });
      const keys = [...events.keys()].sort();
      assert.deepEqual(keys, expected);
      // One hash tag per bot, so that the script's keys share one Redis Cluster slot.
      for (const key of keys) assert.match(key, new RegExp(`^keys:\\{${bot.botId}\\}:`));
      for (const key of keys) assert.ok(events.get(key)!.has('hset'), `${key} written`);
      assert.deepEqual(
        emu
          .callsOf('sendMessage')
          .map((call) => call.params.text)
          .slice(-2),
        ['private', 'group'],
      );
      assert.equal(shared.stats().acquired, 2);
    } finally {
      await listener.close();
      await bot.closeSession();
    }
  });

  it('two limiters on one Redis share the schedule of a chat', async () => {
    const [a, b] = [limiter({ prefix: 'chat', privatePerSecond: 5 }), limiter({ prefix: 'chat', privatePerSecond: 5 })];
    await Promise.all([a.connect(), b.connect()]);
    const released: number[] = [];
    const start = Date.now();
    await Promise.all(
      [a, b, a, b].map(async (shared) => {
        await shared.acquire('sendMessage', 7, undefined, 1);
        released.push(Date.now() - start);
      }),
    );
    released.sort((x, y) => x - y);
    released.forEach((at, i) => {
      assert.ok(at >= i * 200 - 5, `release ${i} at ${at} ms`);
    });
    const waits = a.stats().waits + b.stats().waits;
    assert.ok(waits >= 3, `3 of the 4 waited (${waits})`);
    assert.ok(a.stats().waitedMs + b.stats().waitedMs > 0);
  });

  it("a pause without a chat holds the whole bot for every limiter; a chat's pause only that chat", async () => {
    const [a, b] = [
      limiter({ prefix: 'pause', globalPerSecond: 1000 }),
      limiter({ prefix: 'pause', globalPerSecond: 1000 }),
    ];
    await Promise.all([a.connect(), b.connect()]);
    let start = Date.now();
    await a.pause('sendMessage', 11, 1, 1);
    const order: number[] = [];
    await Promise.all(
      [11, 12].map(async (chat) => {
        await b.acquire('sendMessage', chat, undefined, 1);
        order.push(chat);
        if (chat === 11)
          assert.ok(Date.now() - start >= 995, `chat 11 waited for its pause (${Date.now() - start} ms)`);
      }),
    );
    assert.deepEqual(order, [12, 11], 'the paused chat alone waited');
    assert.equal(a.stats().pauses, 1);

    start = Date.now();
    await a.pause('setMyCommands', undefined, 1, 1);
    await b.acquire('sendMessage', 13, undefined, 1);
    assert.ok(Date.now() - start >= 995, `a bot-wide pause holds every chat (${Date.now() - start} ms)`);
    // Other bots sharing the Redis are not held.
    await b.acquire('sendMessage', 13, undefined, 2);
  });

  it('a 429 answered to one bot pauses that chat for another bot process sharing the limiter; the refused call is retried', async () => {
    const options = { prefix: 'retry', groupPerMinute: 600 };
    const [a, b] = [limiter(options), limiter(options)];
    const first = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: a });
    const second = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: b });
    const level = logger.getLevel();
    logger.setLevel('silent'); // the retry's warning
    try {
      await Promise.all([first.getMe(), second.getMe(), a.connect(), b.connect()]);
      emu.clearCalls();
      emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1, times: 1 });
      const sending = first.sendMessage(-300, 'refused, then retried');
      const refused = await emu.waitForCall('sendMessage', (call) => call.status === 429, 20_000);
      const chatKey = limiterKeys('retry', first.botId, -300)[1]!;
      for (const deadline = Date.now() + 20_000; (await raw.hGet(chatKey, 'pause')) === null; ) {
        if (Date.now() > deadline) throw new Error('the 429 pause never reached Redis');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all([
        second.sendMessage(-300, 'held by the pause'),
        second.sendMessage(-301, 'another chat: not held'),
        sending,
      ]);
      const calls = emu.callsOf('sendMessage');
      assert.deepEqual(calls.map((call) => call.status).sort(), [200, 200, 200, 429]);
      const arrived = (text: string): number =>
        calls.find((call) => call.params.text === text && call.status === 200)!.receivedAt;
      assert.ok(arrived('held by the pause') - refused.receivedAt >= 995, 'the other bot waited for retry_after');
      assert.ok(arrived('refused, then retried') - refused.receivedAt >= 995, 'the retry waited for retry_after');
      assert.ok(arrived('another chat: not held') < arrived('held by the pause'), 'other chats are not held');
      assert.deepEqual([a.stats().pauses, b.stats().pauses], [1, 0]);
    } finally {
      logger.setLevel(level);
      await first.closeSession();
      await second.closeSession();
    }
  });

  it('keeps working after Redis forgot the script (EVALSHA falls back to EVAL)', async () => {
    const shared = limiter();
    await shared.acquire('sendMessage', 5, undefined, 1);
    await raw.sendCommand(['SCRIPT', 'FLUSH']);
    await shared.acquire('sendMessage', 6, undefined, 1);
    assert.equal(shared.stats().acquired, 2);
    assert.equal(shared.stats().redisErrors, 0);
  });

  it('Redis down: the message fails with FloodControlUnavailableError and is not sent; with a fallback it is sent', async () => {
    const nowhere = `redis://127.0.0.1:${await freePort()}`;
    const down = new RedisFloodControl({
      url: nowhere,
      timeoutMs: 300,
      clientOptions: { socket: { reconnectStrategy: false } },
    });
    const rescued = new RedisFloodControl({
      url: nowhere,
      timeoutMs: 300,
      clientOptions: { socket: { reconnectStrategy: false } },
      fallback: new FloodControl(),
    });
    const failing = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: down });
    const falling = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: rescued });
    const level = logger.getLevel();
    logger.setLevel('silent');
    try {
      emu.clearCalls();
      const error = await failing.sendMessage(77, 'not sent').then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(error instanceof FloodControlUnavailableError, `got ${String(error)}`);
      assert.match(error.message, /Redis could not be asked .*the message was not sent/);
      assert.ok(!error.message.includes(emu.token.split(':')[1]!), 'no token in the error');
      assert.equal(emu.callsOf('sendMessage').length, 0);
      assert.equal(down.stats().redisErrors, 1);
      // Calls that send no message don't ask Redis.
      await failing.getMe();
      await assert.rejects(down.connect(), FloodControlUnavailableError);

      await falling.sendMessage(77, 'sent by the fallback');
      assert.deepEqual(
        emu.callsOf('sendMessage').map((call) => call.params.text),
        ['sent by the fallback'],
      );
      assert.deepEqual(
        { fallbacks: rescued.stats().fallbacks, acquired: rescued.stats().acquired },
        { fallbacks: 1, acquired: 1 },
      );
    } finally {
      logger.setLevel(level);
      await failing.closeSession();
      await falling.closeSession();
      await down.close();
      await rescued.close();
    }
  });

  it('rejects limits that are not positive numbers', () => {
    assert.throws(() => new RedisFloodControl({ globalPerSecond: 0 }), RangeError);
    assert.throws(() => new RedisFloodControl({ privatePerSecond: -1 }), RangeError);
    assert.throws(() => new RedisFloodControl({ groupPerMinute: Number.NaN }), RangeError);
    assert.throws(() => new RedisFloodControl({ timeoutMs: 0 }), /timeoutMs must be a positive number/);
  });

  it("a wait ends with the abort signal's reason", async () => {
    const shared = limiter({ privatePerSecond: 0.1 });
    await shared.acquire('sendMessage', 9, undefined, 1);
    const controller = new AbortController();
    const waiting = shared.acquire('sendMessage', 9, controller.signal, 1);
    setTimeout(() => controller.abort(new Error('stopped')), 50);
    await assert.rejects(waiting, /stopped/);
  });
});
