import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { gatedPollingBot } from './helpers.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('threaded: per-chat order with random delays, chats overlap, a slow chat blocks nobody', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const chats = 20;
    const perChat = 30;
    const slowChat = 1;
    const seen = new Map<number, number[]>();
    const finishedAt = new Map<number, number>();
    let running = 0;
    let maxRunning = 0;
    const active = new Set<number>();
    let overlaps = 0;
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, threaded: true, numThreads: 8 });
    bot.handleMsg({ func: () => true }, async (message) => {
      const chat = message.chat.id;
      assert.ok(!active.has(chat), `two updates of chat ${chat} ran at once`);
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
    while (count() < total) await sleep(10);
    await bot.stopBot();
    await runningBot;
    for (let chat = 1; chat <= chats; chat++) {
      assert.deepEqual(seen.get(chat), Array.from({ length: perChat }, (_, i) => i), `chat ${chat} out of order`);
    }
    assert.ok(maxRunning > 1 && maxRunning <= 8, `concurrency ${maxRunning}`);
    assert.ok(overlaps > 0, 'different chats ran in parallel');
    // The slow chat needs 30 × 60 ms = 1.8 s; the others, served in parallel, are done long before.
    const slowDone = finishedAt.get(slowChat)!;
    for (let chat = 2; chat <= chats; chat++) {
      assert.ok(finishedAt.get(chat)! < slowDone - 500, `chat ${chat} waited for the slow chat`);
    }
  } finally {
    await emu.stop();
  }
});

test('threaded: false handles one update at a time in update order', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const order: number[] = [];
    let running = 0;
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, threaded: false });
    bot.handleMsg({ func: () => true }, async (message) => {
      assert.equal(++running, 1);
      await sleep(Math.random() * 3);
      order.push(Number(message.text));
      running--;
    });
    const runningBot = bot.runthebot({ longPollingTimeout: 5 });
    for (let i = 0; i < 60; i++) emu.pushMessage(String(i), { chatId: 1 + (i % 7), userId: 1 + (i % 7) });
    while (order.length < 60) await sleep(10);
    await bot.stopBot();
    await runningBot;
    assert.deepEqual(order, Array.from({ length: 60 }, (_, i) => i));
  } finally {
    await emu.stop();
  }
});

test('backpressure: fetching pauses while the unfinished limit is reached', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const { bot, running: runningBot, release, handled } = gatedPollingBot(emu);
    // 500 updates in 500 distinct chats: all could run, but the handlers are stuck.
    for (let i = 0; i < 500; i++) emu.pushMessage(String(i), { chatId: 1000 + i, userId: 1000 + i });
    await sleep(300);
    const fetched = 500 - emu.pendingUpdates().length;
    assert.equal(fetched, 0, 'nothing is confirmed while handlers run');
    // Telegram answers at most 100 from the lowest unfinished id, and the bot stops fetching past the limit.
    const polls = emu.callsOf('getUpdates').length;
    await sleep(200);
    assert.ok(emu.callsOf('getUpdates').length - polls <= 1, 'the bot does not spin while blocked');
    release();
    while (handled() < 500) await sleep(10);
    await bot.stopBot();
    await runningBot;
    assert.equal(emu.pendingUpdates().length, 0);
  } finally {
    await emu.stop();
  }
});
