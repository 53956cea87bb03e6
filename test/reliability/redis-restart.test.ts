// Redis killed (SIGKILL) and restarted mid-run while a polling bot keeps its states in it
// (StateRedisStorage): the bot lives on, the state calls that fail are reported to the exception
// handler, every update is handled once (none lost), and state calls work again once Redis is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Botte, states } from '../../src/index.js';
import { BotApiEmulator } from '../../src/testing/index.js';
import { figure, size, sleep, until } from './scale.js';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function startRedis(port: number): Promise<ChildProcess> {
  if (spawnSync('redis-server', ['--version']).error) {
    throw new Error(
      'redis-server is not installed: this test needs it (apt-get install -y redis-server; .ci/run installs it)',
    );
  }
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start within 10 s:\n${output}`)), 10_000);
    for (const stream of [child.stdout!, child.stderr!])
      stream.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${output}`));
    });
  });
  return child;
}

async function kill(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

test('Redis killed and restarted mid-run: the bot lives on, failures are reported, nothing is lost, states work again', async () => {
  const phase = size(200, 2000);
  const port = await freePort();
  let redis: ChildProcess | undefined = await startRedis(port);
  const emu = await BotApiEmulator.start();
  const storage = new states.StateRedisStorage({ url: `redis://127.0.0.1:${port}`, prefix: 'reliability' });
  const reported: unknown[] = [];
  const bot = new Botte(emu.token, {
    apiUrl: emu.apiUrl,
    stateStorage: storage,
    exceptionHandler: (error) => {
      reported.push(error);
      return true;
    },
  });
  const entered = new Map<number, number>(); // update number -> times its handler ran
  let stored = 0;
  let failed = 0;
  bot.handleMsg({ func: () => true }, async (message) => {
    const n = Number(message.text);
    entered.set(n, (entered.get(n) ?? 0) + 1);
    try {
      await bot.setState(message.from!.id, `seen ${n}`, message.chat.id);
      stored++;
    } catch (error) {
      failed++;
      throw error; // to the exception handler
    }
  });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  let pushed = 0;
  const push = (count: number) => {
    for (let i = 0; i < count; i++, pushed++)
      emu.pushMessage(String(pushed), { chatId: 1 + (pushed % 100), userId: 1 + (pushed % 100) });
  };
  try {
    push(phase);
    await until(() => stored === phase, `${phase} states stored before the kill (${stored} so far)`, 120_000);
    await kill(redis, 'SIGKILL');
    redis = undefined;
    // Down for a while, with updates arriving: their state calls fail (or wait for the reconnection).
    push(phase);
    const downUntil = Date.now() + 3000;
    while (Date.now() < downUntil) await sleep(50);
    const failedWhileDown = failed;
    redis = await startRedis(port);
    push(phase);
    await until(() => entered.size === pushed, `every update handled (${entered.size} of ${pushed})`, 120_000);
    await until(
      () => stored + failed === pushed,
      `every handler finished (${stored} stored, ${failed} failed, of ${pushed})`,
      120_000,
    );
    // Once it is back, state calls work again: a new update stores its state.
    const before = stored;
    push(1);
    await until(() => stored === before + 1, 'a state stored after Redis came back', 60_000);
    assert.equal(await bot.getState(1 + ((pushed - 1) % 100), 1 + ((pushed - 1) % 100)), `seen ${pushed - 1}`);
    await bot.stopBot();
    await running;
    const duplicates = [...entered.values()].filter((times) => times > 1).length;
    figure('redis-restart', {
      updates: pushed,
      stored,
      failed,
      failedWhileDown,
      reported: reported.length,
      lost: pushed - entered.size,
      duplicates,
      downSeconds: 3,
    });
    assert.equal(entered.size, pushed, 'no update lost');
    assert.equal(duplicates, 0, 'none handled twice');
    assert.equal(reported.length, failed, 'each failed state call reported once');
    assert.equal(emu.pendingUpdates().length, 0, 'everything confirmed');
  } finally {
    await bot.stopBot().catch(() => undefined);
    await storage.close().catch(() => undefined);
    await emu.stop();
    await kill(redis, 'SIGTERM');
  }
});
