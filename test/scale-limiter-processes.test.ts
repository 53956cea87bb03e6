// Five real OS processes (test/fixtures/scale-limiter-child.ts) send through one RedisFloodControl
// on a real redis-server, against the emulator answering 429 past Telegram's limits. Arrival times
// recorded by the emulator are checked against the limiter's schedule from the moment the sends
// were started (a busy machine only makes a message arrive later, never earlier), not against
// neighbour gaps; there are no speed assertions.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BotApiEmulator, type EmulatorOptions } from '../src/testing/index.js';
import type { RedisFloodControlOptions, RedisFloodControlStats } from '../src/scale/index.js';
import { RedisServer } from './redis-server.js';

const PROCESSES = 5;

interface Child {
  process: ChildProcess;
  lines: Array<Record<string, any>>;
  waiters: Array<() => void>;
}

let redis: RedisServer;
const children: Child[] = [];

/** Resolves with the first line of `child` matching, waiting at most `ms`. */
async function line(
  child: Child,
  match: (line: Record<string, any>) => boolean,
  what: string,
  ms: number,
): Promise<Record<string, any>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = child.lines.find(match);
    if (found) return found;
    const failed = child.lines.find((l) => l.type === 'failed');
    if (failed) throw new Error(`child ${child.process.pid} failed: ${failed.error}`);
    if (child.process.exitCode !== null)
      throw new Error(`child ${child.process.pid} exited (${child.process.exitCode}) before ${what}`);
    const left = deadline - Date.now();
    if (left <= 0)
      throw new Error(`child ${child.process.pid}: no ${what} within ${ms} ms; it said ${JSON.stringify(child.lines)}`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, Math.min(left, 500));
      child.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

function startChild(): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/scale-limiter-child.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const child: Child = { process: proc, lines: [], waiters: [] };
  createInterface({ input: proc.stdout! }).on('line', (text) => {
    try {
      child.lines.push(JSON.parse(text));
    } catch {
      child.lines.push({ type: 'noise', text });
    }
    for (const wake of child.waiters.splice(0)) wake();
  });
  proc.on('exit', () => {
    for (const wake of child.waiters.splice(0)) wake();
  });
  return child;
}

before(async () => {
  redis = await RedisServer.start();
  for (let i = 0; i < PROCESSES; i++) children.push(startChild());
  await Promise.all(children.map((child) => line(child, (l) => l.type === 'started', 'start', 120_000)));
});

after(async () => {
  await Promise.all(
    children.map(async (child) => {
      if (child.process.exitCode !== null || child.process.signalCode !== null) return;
      const exited = new Promise((resolve) => child.process.once('exit', resolve));
      child.process.stdin!.end();
      const timer = setTimeout(() => child.process.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }),
  );
  await redis?.stop();
});

let rounds = 0;

/**
 * Gives every child a new bot and limiter (`limits`, a fresh key prefix), waits until all are
 * ready, then starts all sends at once: child i sends one message to each chat of `chats[i]`.
 * Resolves with the moment the sends were started and what each child reported.
 */
async function round(
  emu: BotApiEmulator,
  limits: RedisFloodControlOptions,
  chats: number[][],
): Promise<{ start: number; stats: RedisFloodControlStats[] }> {
  const id = ++rounds;
  const prepare = {
    type: 'prepare',
    id,
    redisUrl: redis.url,
    apiUrl: emu.apiUrl,
    token: emu.token,
    prefix: `t${id}`,
    limits,
  };
  for (const child of children) child.process.stdin!.write(`${JSON.stringify(prepare)}\n`);
  await Promise.all(
    children.map((child) => line(child, (l) => l.type === 'ready' && l.id === id, `ready of round ${id}`, 120_000)),
  );
  emu.clearCalls(); // the getMe of each child
  const start = Date.now();
  children.forEach((child, i) => {
    child.process.stdin!.write(`${JSON.stringify({ type: 'go', id, chats: chats[i] })}\n`);
  });
  const done = await Promise.all(
    children.map((child) => line(child, (l) => l.type === 'done' && l.id === id, `end of round ${id}`, 120_000)),
  );
  for (const report of done) assert.deepEqual(report.errors, [], 'every message was sent');
  return { start, stats: done.map((report) => report.stats) };
}

async function withEmulator(options: EmulatorOptions, body: (emu: BotApiEmulator) => Promise<void>): Promise<void> {
  const emu = await BotApiEmulator.start(options);
  try {
    await body(emu);
  } finally {
    await emu.stop();
  }
}

/** Arrival times of the sendMessage calls, in order, relative to `start`. */
function arrivals(emu: BotApiEmulator, start: number): number[] {
  return emu
    .callsOf('sendMessage')
    .map((call) => call.receivedAt - start)
    .sort((a, b) => a - b);
}

describe("RedisFloodControl shared by 5 processes, against the emulator enforcing Telegram's limits", () => {
  it('one private chat: no 429, and the n-th message never leaves before n chat intervals', async () => {
    // The emulator allows Telegram's 1 message a second per private chat; the limiter spaces them
    // by 1.25 s, so that a message delayed on its way can't bring two within the same second.
    await withEmulator({ rateLimits: true }, async (emu) => {
      const { start, stats } = await round(
        emu,
        { privatePerSecond: 0.8 },
        children.map(() => [1001, 1001]),
      );
      const calls = emu.callsOf('sendMessage');
      assert.equal(calls.length, 2 * PROCESSES);
      assert.deepEqual(
        calls.filter((call) => call.status !== 200).map((call) => call.response),
        [],
        'no 429',
      );
      arrivals(emu, start).forEach((at, i) => {
        assert.ok(at >= i * 1250 - 5, `message ${i} arrived ${at} ms after the start`);
      });
      assert.equal(
        stats.reduce((sum, s) => sum + s.acquired, 0),
        2 * PROCESSES,
      );
      assert.ok(stats.reduce((sum, s) => sum + s.waits, 0) >= 2 * PROCESSES - 1, `waits: ${JSON.stringify(stats)}`);
      assert.ok(stats.every((s) => s.redisErrors === 0 && s.fallbacks === 0));
    });
  });

  it('many chats: the bot-wide limit binds across processes; no 429', async () => {
    // 100 private chats, so only the bot-wide limit (Telegram: 30 a second) holds them back; the
    // limiter allows 20 a second.
    await withEmulator({ rateLimits: true }, async (emu) => {
      const chats = children.map((_, i) => Array.from({ length: 20 }, (_, j) => 5000 + i * 20 + j));
      const { start, stats } = await round(emu, { globalPerSecond: 20 }, chats);
      const calls = emu.callsOf('sendMessage');
      assert.equal(calls.length, 100);
      assert.deepEqual(
        calls.filter((call) => call.status !== 200).map((call) => call.response),
        [],
        'no 429',
      );
      arrivals(emu, start).forEach((at, i) => {
        assert.ok(at >= i * 50 - 5, `message ${i} arrived ${at} ms after the start`);
      });
      assert.equal(
        stats.reduce((sum, s) => sum + s.acquired, 0),
        100,
      );
    });
  });

  it('a 429 with retry_after that one process gets pauses the chat for all of them', async () => {
    await withEmulator({ rateLimits: { perPrivateChatPerSecond: 4 } }, async (emu) => {
      emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 2, times: 1 });
      const { start, stats } = await round(
        emu,
        { privatePerSecond: 2 },
        children.map(() => [2002, 2002]),
      );
      const calls = emu.callsOf('sendMessage');
      const refused = calls.filter((call) => call.status === 429);
      assert.equal(refused.length, 1, 'only the injected 429');
      assert.equal(refused[0], calls[0], 'the first message got it');
      assert.equal(
        calls.filter((call) => call.status === 200).length,
        2 * PROCESSES,
        'every message was delivered, the refused one retried',
      );
      // Without a shared pause the others would send 0.5 s after the first; with it, nothing
      // arrives before the 2 s are over (the pause starts once the 429 has arrived).
      const refusedAt = refused[0]!.receivedAt - start;
      for (const at of arrivals(emu, start).slice(1))
        assert.ok(at >= refusedAt + 2000 - 5, `a message arrived ${at - refusedAt} ms after the 429`);
      assert.equal(
        stats.reduce((sum, s) => sum + s.pauses, 0),
        1,
        'one process shared the pause',
      );
    });
  });
});
