import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { gatedPollingBot, sleep, stopQuietly, waitFor } from './helpers.js';

test('a slow handler holding the offset does not delay the updates of other chats', async (t) => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  let release!: () => void;
  try {
    const gate = new Promise<void>((resolve) => (release = resolve));
    const startedAt = new Map<number, number>();
    const handled: number[] = [];
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ func: () => true }, async (message) => {
      startedAt.set(message.chat.id, Date.now());
      // Chat 1 is slow: 6 s (cut short once the test has seen enough, to keep the suite fast).
      if (message.chat.id === 1) await Promise.race([gate, sleep(6000)]);
      handled.push(message.chat.id);
    });
    const runningBot = bot.runthebot({ longPollingTimeout: 5 });
    const t0 = Date.now();
    emu.pushMessage('slow', { chatId: 1, userId: 1 });
    await waitFor(() => startedAt.has(1), { intervalMs: 5, message: 'the slow update of chat 1 never started' });
    const pushedAt = new Map<number, number>();
    for (const [chat, at] of [
      [2, 300],
      [3, 1000],
      [4, 2000],
    ] as const) {
      await sleep(t0 + at - Date.now());
      pushedAt.set(chat, Date.now());
      emu.pushMessage(`chat ${chat}`, { chatId: chat, userId: chat });
    }
    // Chat 4 normally starts at once; the deadline lets a broken build reach the delay assertions below.
    await waitFor(() => startedAt.has(4) || Date.now() - t0 > 6500, { timeoutMs: 8000, message: 'unreachable' });
    release();
    await waitFor(() => handled.length >= 4, { message: () => `only chats ${handled.join(', ')} were handled` });
    await bot.stopBot();
    await runningBot;
    const delays = [2, 3, 4].map((chat) => startedAt.get(chat)! - pushedAt.get(chat)!);
    t.diagnostic(`chats 2-4 started ${delays.join(', ')} ms after being pushed`);
    for (const [i, delay] of delays.entries()) {
      assert.ok(
        delay < 1500,
        `chat ${i + 2} started ${delay} ms after it was pushed (all delays: ${delays.join(', ')} ms)`,
      );
    }
    assert.deepEqual([...handled].sort(), [1, 2, 3, 4], 'each update handled exactly once');
    assert.equal(emu.pendingUpdates().length, 0, 'everything confirmed');
  } finally {
    release?.();
    await stopQuietly(bot);
    await emu.stop();
  }
});

test('while fetching is held back, the poller keeps one waiter in the scheduler, not one per second', async () => {
  const emu = await BotApiEmulator.start();
  let gated: ReturnType<typeof gatedPollingBot> | undefined;
  try {
    gated = gatedPollingBot(emu);
    const { bot, running: runningBot, release, handled } = gated;
    for (let i = 0; i < 200; i++) emu.pushMessage(String(i), { chatId: 1000 + i, userId: 1000 + i });
    // The backpressure loop wakes up every second; 3.2 s would leave 4 waiters without sharing.
    await sleep(3200);
    const scheduler = (bot as unknown as { updateScheduler: { waiters: unknown[] } }).updateScheduler;
    const waiters = scheduler.waiters.length;
    release();
    await waitFor(() => handled() >= 200, { message: () => `only ${handled()} of 200 updates were handled` });
    await bot.stopBot();
    await runningBot;
    assert.equal(emu.pendingUpdates().length, 0);
    assert.ok(waiters <= 1, `${waiters} waiters piled up`);
  } finally {
    gated?.release();
    await stopQuietly(gated?.bot);
    await emu.stop();
  }
});
