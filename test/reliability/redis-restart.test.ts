// Redis killed (SIGKILL) and restarted mid-run while a polling bot keeps its states in it
// (StateRedisStorage): the bot lives on, the state calls that fail are reported to the exception
// handler, every update is handled once (none lost), and state calls work again once Redis is back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, states } from '../../src/index.js';
import { BotApiEmulator } from '../../src/testing/index.js';
import { RedisServer } from '../redis-server.js';
import { figure, size, sleep, until } from './scale.js';

test('Redis killed and restarted mid-run: the bot lives on, failures are reported, nothing is lost, states work again', async () => {
  const phase = size(200, 2000);
  const redis = await RedisServer.start();
  const emu = await BotApiEmulator.start();
  const storage = new states.StateRedisStorage({ url: redis.url, prefix: 'reliability' });
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
    await redis.shutdown('SIGKILL');
    // Down for a while, with updates arriving: their state calls fail (or wait for the reconnection).
    push(phase);
    const downUntil = Date.now() + 3000;
    while (Date.now() < downUntil) await sleep(50);
    const failedWhileDown = failed;
    await redis.launch(); // same port
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
    await redis.stop();
  }
});
