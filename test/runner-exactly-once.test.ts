import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';
import { sleep, stopQuietly, waitFor } from './helpers.js';

test('10 000 updates through ~10 % getUpdates faults: every update handled exactly once', async () => {
  const emu = await BotApiEmulator.start();
  const level = logger.getLevel();
  logger.setLevel('silent');
  let bot: Botte | undefined;
  try {
    const total = 10_000;
    const counts = new Map<string, number>();
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, numThreads: 32 });
    bot.handleMsg({ func: () => true }, async (message) => {
      counts.set(message.text!, (counts.get(message.text!) ?? 0) + 1);
      if (Math.random() < 0.05) await sleep(1);
    });
    for (const kind of ['http-500', 'http-502', 'reset', 'invalid-json'] as const) {
      emu.injectFault({ method: 'getUpdates', kind, probability: 0.025 });
    }
    emu.injectFault({ method: 'getUpdates', kind: 'too-many-requests', probability: 0.01, retryAfter: 0 });
    const started = Date.now();
    const running = bot.runthebot({ backoff: { initialMs: 1, maxMs: 20 }, longPollingTimeout: 1 });
    for (let i = 0; i < total; i++) {
      emu.pushMessage(`u${i}`, { chatId: 1 + (i % 50), userId: 1 + (i % 50) });
      if (i % 500 === 499) await sleep(5); // arrive while the bot is busy, not all at once
    }
    const twice = () => [...counts].filter(([, count]) => count > 1).map(([text]) => text);
    await waitFor(
      () => {
        assert.deepEqual(twice().slice(0, 5), [], 'updates handled more than once');
        return counts.size >= total;
      },
      { timeoutMs: 20_000, intervalMs: 20, message: () => `only ${counts.size} of ${total} updates were handled` },
    );
    await bot.stopBot();
    await running;
    const elapsed = Date.now() - started;
    console.log(
      `exactly-once: ${total} updates in ${elapsed} ms, ${emu.callsOf('getUpdates').length} getUpdates, ` +
        `${emu.callsOf('getUpdates').filter((c) => c.fault).length} faults`,
    );
    assert.equal(counts.size, total, 'every update handled');
    for (const [text, count] of counts) assert.equal(count, 1, `${text} handled ${count} times`);
    assert.equal(emu.pendingUpdates().length, 0, 'every update confirmed');
    assert.ok(
      emu.callsOf('getUpdates').some((c) => c.fault),
      'faults were injected',
    );
  } finally {
    await stopQuietly(bot);
    logger.setLevel(level);
    await emu.stop();
  }
});

test('graceful stop mid-batch: a second bot gets the rest, nothing lost or handled twice', async () => {
  const emu = await BotApiEmulator.start();
  const bots: Botte[] = [];
  try {
    const total = 300;
    const handled = new Map<string, string[]>();
    const makeBot = (name: string) => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      bots.push(bot);
      bot.handleMsg({ func: () => true }, async (message) => {
        await sleep(Math.random() * 20);
        const list = handled.get(message.text!) ?? [];
        list.push(name);
        handled.set(message.text!, list);
      });
      return bot;
    };
    const first = makeBot('first');
    const running = first.runthebot({ longPollingTimeout: 5 });
    for (let i = 0; i < total; i++) emu.pushMessage(`u${i}`, { chatId: 1 + (i % 30), userId: 1 + (i % 30) });
    await waitFor(() => handled.size >= 60, {
      intervalMs: 2,
      message: () => `the first bot handled only ${handled.size} of 60 updates`,
    });
    await first.stopBot();
    await running;
    const byFirst = handled.size;
    assert.ok(byFirst < total, 'stopped mid-way');
    // Everything the first bot handled is confirmed; everything else is still pending.
    assert.equal(emu.pendingUpdates().length, total - byFirst);

    const second = makeBot('second');
    const running2 = second.runthebot({ longPollingTimeout: 5 });
    const twice = () =>
      [...handled].filter(([, by]) => by.length > 1).map(([text, by]) => `${text} by ${by.join(', ')}`);
    await waitFor(
      () => {
        assert.deepEqual(twice().slice(0, 5), [], 'updates handled more than once');
        return handled.size >= total;
      },
      { intervalMs: 5, message: () => `only ${handled.size} of ${total} updates were handled` },
    );
    await second.stopBot();
    await running2;
    assert.equal(handled.size, total);
    for (const [text, by] of handled) assert.equal(by.length, 1, `${text} handled by ${by.join(', ')}`);
    assert.equal(emu.pendingUpdates().length, 0);
    console.log(`graceful stop: first bot handled ${byFirst}, second ${total - byFirst}`);
  } finally {
    for (const bot of bots) await stopQuietly(bot);
    await emu.stop();
  }
});
