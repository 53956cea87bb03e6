// Measures polling throughput when 5 % of handlers take 1 s (slow sends, 429 waits), for several
// `stalledWindowMs` settings, against the emulator. Prints one JSON line per setting. A setting
// `journal` (or `journal:<ms>`) polls with an update journal (and that window, default 100).
// Run: node --import tsx test/reliability/slow-handlers.ts [updates] [settings]
// (defaults: 2000 updates; Infinity,1000,250,50,journal)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botte } from '../../src/index.js';
import { BotApiEmulator } from '../../src/testing/index.js';
import { sleep } from '../helpers.js';

const total = Number(process.argv[2] ?? 2000);
const settings = (process.argv[3] ?? 'Infinity,1000,250,50,journal').split(',');

for (const setting of settings) {
  const [kind, ms] = setting.split(':');
  const withJournal = kind === 'journal';
  const stalledWindowMs = withJournal ? (ms === undefined ? undefined : Number(ms)) : Number(kind);
  const dir = withJournal ? mkdtempSync(join(tmpdir(), 'botte-journal-')) : undefined;
  const cpu = process.cpuUsage();
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const handled = new Set<number>();
  let duplicates = 0;
  bot.handleMsg({ func: () => true }, async (message) => {
    // Every 20th update is slow: 5 %.
    if (Number(message.text!.slice(1)) % 20 === 7) await sleep(1000);
    if (handled.has(message.chat.id)) duplicates++;
    handled.add(message.chat.id);
  });
  for (let i = 0; i < total; i++) emu.pushMessage(`u${i}`, { chatId: 10_000 + i, userId: 10_000 + i });
  const started = Date.now();
  const running = bot.runthebot({ longPollingTimeout: 1, stalledWindowMs, journal: dir && join(dir, 'journal') });
  const deadline = started + 600_000;
  while (handled.size < total && Date.now() < deadline) await sleep(20);
  const seconds = (Date.now() - started) / 1000;
  await bot.stopBot();
  await running;
  const used = process.cpuUsage(cpu);
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      setting,
      updates: total,
      handled: handled.size,
      duplicates,
      seconds: Number(seconds.toFixed(2)),
      perSecond: Math.round(handled.size / seconds),
      cpuSeconds: Number(((used.user + used.system) / 1e6).toFixed(2)),
    }),
  );
  await emu.stop();
}
