// Polling under 15 % faults on getUpdates and sendMessage: every update handled exactly once,
// in order within its chat, everything confirmed. Handlers retry their own sends (a send that
// failed may or may not have reached Telegram; that is the handler's business, not the poller's).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botte } from '../../src/index.js';
import { BotApiEmulator } from '../../src/testing/index.js';
import { figure, size, until } from './scale.js';

test('polling under 15 % faults: 0 lost, 0 duplicated, per-chat order held', async () => {
  const total = size(1500, 50_000);
  const chats = 50;
  const emu = await BotApiEmulator.start();
  for (const method of ['getUpdates', 'sendMessage']) {
    emu.injectFault({ kind: 'http-502', method, probability: 0.05 });
    emu.injectFault({ kind: 'reset', method, probability: 0.05 });
    emu.injectFault({ kind: method === 'getUpdates' ? 'invalid-json' : 'http-500', method, probability: 0.05 });
  }
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler: () => true });
  const seen = new Map<number, number>(); // update number -> times handled
  const lastOfChat = new Map<number, number>();
  let outOfOrder = 0;
  let sendAttempts = 0;
  bot.handleMsg({ func: () => true }, async (message) => {
    const n = Number(message.text);
    seen.set(n, (seen.get(n) ?? 0) + 1);
    if ((lastOfChat.get(message.chat.id) ?? -1) > n) outOfOrder++;
    lastOfChat.set(message.chat.id, n);
    for (let attempt = 0; attempt < 20; attempt++) {
      sendAttempts++;
      try {
        await bot.sendMessage(message.chat.id, `ok ${n}`);
        return;
      } catch {
        // retried by the handler
      }
    }
  });
  const started = Date.now();
  const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 5, maxMs: 50 } });
  for (let i = 0; i < total; i++) emu.pushMessage(String(i), { chatId: 1 + (i % chats), userId: 1 + (i % chats) });
  await until(() => seen.size === total, `${total} updates handled (${seen.size} so far)`, size(120_000, 1_800_000));
  const seconds = (Date.now() - started) / 1000;
  await bot.stopBot();
  await running;
  const duplicates = [...seen.values()].filter((times) => times > 1).length;
  const lost = total - seen.size;
  const pending = emu.pendingUpdates().length;
  await emu.stop();
  figure('polling-faults', { updates: total, lost, duplicates, outOfOrder, pending, sendAttempts, seconds });
  assert.equal(lost, 0);
  assert.equal(duplicates, 0);
  assert.equal(outOfOrder, 0);
  assert.equal(pending, 0, 'everything confirmed');
});

// Break 4 of issue 10: with 429 waits (retry_after 1 s) and 1 s replies among the faults, a few
// percent of the handlers run 1 s or more. Without a journal they hold the offset (Telegram's
// window of 100) for up to `stalledWindowMs`; with one the offset moves past them after 25 ms.
// Both must lose nothing and handle nothing twice; the figures compare their throughput.
for (const journal of [false, true]) {
  test(`polling under 15 % faults with slow sends, 1 000 chats, ${journal ? 'with' : 'without'} a journal: 0 lost, 0 duplicated`, async () => {
    const total = size(1500, 10_000);
    const chats = 1000;
    const emu = await BotApiEmulator.start();
    const dir = mkdtempSync(join(tmpdir(), 'botte-faults-'));
    for (const kind of ['http-502', 'reset', 'invalid-json'] as const)
      emu.injectFault({ kind, method: 'getUpdates', probability: 0.05 });
    for (const kind of ['http-502', 'reset', 'http-500', 'too-many-requests', 'slow'] as const) {
      emu.injectFault({ kind, method: 'sendMessage', probability: 0.03 });
    }
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler: () => true });
    const seen = new Map<number, number>();
    const lastOfChat = new Map<number, number>();
    let outOfOrder = 0;
    bot.handleMsg({ func: () => true }, async (message) => {
      const n = Number(message.text);
      seen.set(n, (seen.get(n) ?? 0) + 1);
      if ((lastOfChat.get(message.chat.id) ?? -1) > n) outOfOrder++;
      lastOfChat.set(message.chat.id, n);
      for (let attempt = 0; attempt < 20; attempt++) {
        try {
          await bot.sendMessage(message.chat.id, `ok ${n}`);
          return;
        } catch {
          // retried by the handler
        }
      }
    });
    for (let i = 0; i < total; i++) emu.pushMessage(String(i), { chatId: 1 + (i % chats), userId: 1 + (i % chats) });
    const cpu = process.cpuUsage();
    const started = Date.now();
    const running = bot.runthebot({
      longPollingTimeout: 1,
      backoff: { initialMs: 5, maxMs: 50 },
      journal: journal ? join(dir, 'journal') : undefined,
    });
    try {
      await until(
        () => seen.size === total,
        `${total} updates handled (${seen.size} so far)`,
        size(300_000, 3_600_000),
      );
    } finally {
      await bot.stopBot();
      await running;
    }
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const duplicates = [...seen.values()].filter((times) => times > 1).length;
    const lost = total - seen.size;
    const pending = emu.pendingUpdates().length;
    await emu.stop();
    rmSync(dir, { recursive: true, force: true });
    figure(journal ? 'polling-slow-sends-journal' : 'polling-slow-sends', {
      updates: total,
      chats,
      lost,
      duplicates,
      outOfOrder,
      pending,
      seconds,
      perSecond: Math.round(total / seconds),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(1)),
    });
    assert.equal(lost, 0);
    assert.equal(duplicates, 0);
    assert.equal(outOfOrder, 0);
    assert.equal(pending, 0, 'everything confirmed');
  });
}
