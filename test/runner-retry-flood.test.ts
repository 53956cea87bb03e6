import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { ApiHTTPException } from '../src/api/errors.js';
import { logger } from '../src/logger.js';
import { withEmulator } from './emulator-harness.js';

async function quiet<T>(fn: () => Promise<T>): Promise<T> {
  const level = logger.getLevel();
  logger.setLevel('silent');
  try {
    return await fn();
  } finally {
    logger.setLevel(level);
  }
}

test('a 429 with retry_after 1 is retried after at least 1 s', async () => {
  await withEmulator(async (emu) => {
    await quiet(async () => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1 });
      const started = Date.now();
      const message = await bot.sendMessage(1001, 'hello');
      assert.equal(message.text, 'hello');
      assert.ok(Date.now() - started >= 1000, `retried after ${Date.now() - started} ms`);
      const calls = emu.callsOf('sendMessage');
      assert.equal(calls.length, 2);
      assert.equal(calls[0]!.status, 429);
      assert.ok(calls[1]!.receivedAt - calls[0]!.receivedAt >= 990);
      await bot.stopBot();
    });
  });
});

test('5xx is retried for idempotent calls; a send is not repeated after a reset', async () => {
  await withEmulator(async (emu) => {
    await quiet(async () => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      emu.pushMessage('make the chat known', { chatId: 1001 });
      emu.injectFault({ method: 'getChat', kind: 'http-500' });
      const chat = await bot.getChat(1001);
      assert.equal(chat.id, 1001);
      assert.equal(emu.callsOf('getChat').length, 2);

      emu.injectFault({ method: 'sendMessage', kind: 'reset' });
      await assert.rejects(bot.sendMessage(1001, 'once'), ApiHTTPException);
      assert.equal(emu.callsOf('sendMessage').length, 1, 'no duplicate send');
      await bot.stopBot();
    });
  });
});

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

test('flood control: a broadcast stays under the global rate', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: { globalPerSecond: 300 } });
    await bot.getMe(); // warm the transport: see the note in the per-chat test
    const started = Date.now();
    await Promise.all(Array.from({ length: 300 }, (_, i) => bot.sendMessage(10_000 + i, `news ${i}`)));
    const elapsed = Date.now() - started;
    const times = emu.callsOf('sendMessage').map((c) => c.receivedAt);
    assert.equal(times.length, 300);
    // Timers that fire late (a busy machine) bunch a few calls together: small tolerance.
    assert.ok(maxInWindow(times, 1000) <= 300 + 10, `${maxInWindow(times, 1000)} calls in 1 s`);
    assert.ok(elapsed >= 900, `took ${elapsed} ms`);
    await bot.stopBot();
  });
});

test('flood control: messages to one private chat are spaced by the per-chat limit', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: { privatePerSecond: 10 } });
    // Slots are reserved before the request is sent; on a cold transport (undici loading, first
    // connection) the first calls would leave together. Warm it up (reported to the client's owner).
    await bot.getMe();
    const start = Date.now();
    await Promise.all(Array.from({ length: 5 }, (_, i) => bot.sendMessage(1001, `private ${i}`)));
    const times = emu.callsOf('sendMessage').map((c) => c.receivedAt);
    assert.equal(times.length, 5);
    // The limiter releases call i no earlier than i × 100 ms after the first; a busy machine only
    // makes a call arrive later, so each arrival is checked against that schedule, not against its
    // neighbour (a late neighbour would shrink the gap without any limiter fault).
    for (let i = 1; i < times.length; i++)
      assert.ok(times[i]! - start >= i * 100 - 5, `message ${i} arrived ${times[i]! - start} ms after the first send`);
    await bot.stopBot();
  });
});

test('flood control: per-chat spacing holds when the global limit delays calls of several chats', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, {
      apiUrl: emu.apiUrl,
      floodControl: { privatePerSecond: 10, groupPerMinute: 600 },
    });
    await bot.getMe();
    const start = Date.now();
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => bot.sendMessage(1001, `private ${i}`)),
      ...Array.from({ length: 5 }, (_, i) => bot.sendMessage(-1001, `group ${i}`)),
    ]);
    for (const chatId of [1001, -1001]) {
      const times = emu
        .callsOf('sendMessage')
        .filter((c) => c.params.chat_id === chatId)
        .map((c) => c.receivedAt);
      assert.equal(times.length, 5);
      // The limiter releases message i of a chat no earlier than i × 100 ms after the first send; a
      // busy machine only delays arrivals, so each is checked against that schedule (a late first
      // message would shrink the gaps between neighbours without any limiter fault).
      for (let i = 1; i < times.length; i++) {
        assert.ok(
          times[i]! - start >= i * 100 - 5,
          `chat ${chatId}: message ${i} arrived ${times[i]! - start} ms after the first send`,
        );
      }
    }
    await bot.stopBot();
  });
});
