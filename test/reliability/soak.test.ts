// Soak: many updates through polling, to a bot in a process of its own; its heap (after a full
// GC) is sampled after a warm-up. The slope (MB per 100 000 updates) must stay near zero:
// nothing grows with the number of updates handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BotApiEmulator } from '../../src/testing/index.js';
import { figure, size } from './scale.js';

test('soak: memory does not grow with the number of updates handled', async () => {
  const total = size(40_000, 300_000);
  const chunk = total / 20;
  const emu = await BotApiEmulator.start();
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', 'test/reliability/fixtures/soak-child.ts', emu.token, emu.apiUrl, String(chunk)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const samples: Array<[number, number, number]> = [];
  const started = Date.now();
  try {
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    for (let round = 0; round < 20; round++) {
      for (let i = 0; i < chunk; i++)
        emu.pushMessage('x', { chatId: 1 + ((round * chunk + i) % 5000), userId: 1 + (i % 5000) });
      let timer: NodeJS.Timeout | undefined;
      const line = await Promise.race([
        lines.next(),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => reject(new Error(`round ${round}: no report within 120 s`)), 120_000)),
        ),
      ]);
      clearTimeout(timer);
      const [handled, heap, rss] = String(line.value).split(' ').map(Number) as [number, number, number];
      emu.clearCalls();
      // After a quarter (warm-up: JIT, pools, maps at their size), one sample per round.
      if (round >= 5) samples.push([handled, heap, rss]);
    }
  } finally {
    child.kill('SIGKILL');
    await emu.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  const n = samples.length;
  const slopeOf = (pick: (s: [number, number, number]) => number) => {
    const mx = samples.reduce((s, x) => s + x[0], 0) / n;
    const my = samples.reduce((s, x) => s + pick(x), 0) / n;
    return (
      (samples.reduce((s, x) => s + (x[0] - mx) * (pick(x) - my), 0) /
        samples.reduce((s, x) => s + (x[0] - mx) ** 2, 0)) *
      100_000
    );
  };
  const heapSlope = slopeOf((s) => s[1]);
  const rssSlope = slopeOf((s) => s[2]);
  figure('soak', {
    updates: total,
    seconds,
    heapFirstMb: samples[0]![1],
    heapLastMb: samples[n - 1]![1],
    rssLastMb: samples[n - 1]![2],
    heapSlopeMbPer100k: Number(heapSlope.toFixed(2)),
    rssSlopeMbPer100k: Number(rssSlope.toFixed(2)),
  });
  // Generous: a leak of 50 bytes per update would show as ~5 MB per 100 000.
  assert.ok(heapSlope < 5, `the heap grows by ${heapSlope.toFixed(2)} MB per 100 000 updates`);
});
