import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { gatedPollingBot, sleep, stopQuietly, waitFor } from './helpers.js';

test('threaded: per-chat order with random delays, chats overlap, a slow chat blocks nobody', async () => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  try {
    const chats = 20;
    const perChat = 30;
    const slowChat = 1;
    const seen = new Map<number, number[]>();
    const finishedAt = new Map<number, number>();
    let running = 0;
    let maxRunning = 0;
    const active = new Set<number>();
    const clashes: string[] = [];
    let overlaps = 0;
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, threaded: true, numThreads: 8 });
    bot.handleMsg({ func: () => true }, async (message) => {
      const chat = message.chat.id;
      if (active.has(chat)) clashes.push(`two updates of chat ${chat} ran at once (message ${message.text})`);
      active.add(chat);
      if (active.size > 1) overlaps++;
      maxRunning = Math.max(maxRunning, ++running);
      await sleep(chat === slowChat ? 60 : Math.random() * 8);
      const list = seen.get(chat) ?? [];
      list.push(Number(message.text));
      seen.set(chat, list);
      finishedAt.set(chat, Date.now());
      active.delete(chat);
      running--;
    });
    // Telegram hands out at most 100 updates past the lowest unfinished one; the slow chat keeps
    // that window full, so let the offset move past its queued updates quickly.
    const runningBot = bot.runthebot({ longPollingTimeout: 5, stalledWindowMs: 100 });
    // Interleaved: message n of every chat, then message n + 1 of every chat...
    for (let n = 0; n < perChat; n++) {
      for (let chat = 1; chat <= chats; chat++) emu.pushMessage(String(n), { chatId: chat, userId: chat });
    }
    const total = chats * perChat;
    const count = () => [...seen.values()].reduce((sum, list) => sum + list.length, 0);
    await waitFor(
      () => {
        assert.deepEqual(clashes, [], 'per-chat order: one update of a chat at a time');
        return count() >= total;
      },
      { timeoutMs: 20_000, message: () => `only ${count()} of ${total} updates were handled` },
    );
    await bot.stopBot();
    await runningBot;
    assert.deepEqual(clashes, []);
    for (let chat = 1; chat <= chats; chat++) {
      assert.deepEqual(
        seen.get(chat),
        Array.from({ length: perChat }, (_, i) => i),
        `chat ${chat} out of order`,
      );
    }
    assert.ok(maxRunning > 1 && maxRunning <= 8, `concurrency ${maxRunning}`);
    assert.ok(overlaps > 0, 'different chats ran in parallel');
    // The slow chat needs 30 × 60 ms = 1.8 s; the others, served in parallel, are done long before.
    const slowDone = finishedAt.get(slowChat)!;
    for (let chat = 2; chat <= chats; chat++) {
      assert.ok(finishedAt.get(chat)! < slowDone - 500, `chat ${chat} waited for the slow chat`);
    }
  } finally {
    await stopQuietly(bot);
    await emu.stop();
  }
});

test('threaded: false handles one update at a time in update order', async () => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  try {
    const order: number[] = [];
    let running = 0;
    let maxRunning = 0;
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, threaded: false });
    bot.handleMsg({ func: () => true }, async (message) => {
      maxRunning = Math.max(maxRunning, ++running);
      await sleep(Math.random() * 3);
      order.push(Number(message.text));
      running--;
    });
    const runningBot = bot.runthebot({ longPollingTimeout: 5 });
    for (let i = 0; i < 60; i++) emu.pushMessage(String(i), { chatId: 1 + (i % 7), userId: 1 + (i % 7) });
    await waitFor(() => order.length >= 60, { message: () => `only ${order.length} of 60 updates were handled` });
    await bot.stopBot();
    await runningBot;
    assert.equal(maxRunning, 1, 'one handler at a time');
    assert.deepEqual(
      order,
      Array.from({ length: 60 }, (_, i) => i),
    );
  } finally {
    await stopQuietly(bot);
    await emu.stop();
  }
});

test('backpressure: fetching pauses while the unfinished limit is reached', async () => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  let release: (() => void) | undefined;
  try {
    // A short stalled window: without the limit, the poller would move past the stuck updates
    // and fetch the next ones within a few tens of ms.
    const gated = gatedPollingBot(emu, { stalledWindowMs: 40 });
    ({ bot, release } = gated);
    const { running: runningBot, handled } = gated;
    // 500 updates in 500 distinct chats: all could run, but the handlers are stuck.
    for (let i = 0; i < 500; i++) emu.pushMessage(String(i), { chatId: 1000 + i, userId: 1000 + i });
    // Deterministic start: the first getUpdates has been answered (100 updates, over the limit of 50).
    await waitFor(() => emu.callsOf('getUpdates').some((call) => call.status !== undefined), {
      message: 'the bot never polled',
    });
    const answered = emu.callsOf('getUpdates').filter((call) => call.status !== undefined);
    assert.equal(answered.length, 1);
    assert.equal((answered[0]!.response as { result: unknown[] }).result.length, 100, 'Telegram hands out 100 at most');
    // Many stalled windows later: no further poll, nothing confirmed.
    await sleep(800);
    assert.equal(emu.callsOf('getUpdates').length, 1, 'no getUpdates while 100 updates (limit 50) are unfinished');
    assert.equal(emu.pendingUpdates().length, 500, 'nothing is confirmed while handlers run');
    release();
    await waitFor(() => handled() >= 500, {
      timeoutMs: 20_000,
      message: () => `only ${handled()} of 500 updates were handled`,
    });
    await bot.stopBot();
    await runningBot;
    assert.equal(emu.pendingUpdates().length, 0);
  } finally {
    release?.();
    await stopQuietly(bot);
    await emu.stop();
  }
});
