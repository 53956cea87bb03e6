/**
 * One framework's bot in its own process: `node bot-child.mjs <framework> polling|webhook <apiRoot> [port]`.
 * IPC: sends `ready` once built (and, for webhooks, listening); on `start` takes the CPU
 * baseline and starts polling; on `stats` answers CPU used since `start`, peak RSS
 * (process.resourceUsage().maxRSS) and current RSS.
 */
const [fw, mode, apiRoot, portArg] = process.argv.slice(2);
const mod = await import(`./frameworks/${fw}.mjs`);
let cpu0 = process.cpuUsage();
let runner;
try {
  runner = mode === 'polling' ? await mod.polling(apiRoot) : await mod.webhook(apiRoot, Number(portArg));
} catch (e) {
  process.send({ type: 'error', message: String(e?.stack ?? e) });
  process.exit(1);
}
process.on('message', (msg) => {
  if (msg.cmd === 'start') {
    cpu0 = process.cpuUsage();
    runner.start?.();
    process.send({ type: 'started' });
  } else if (msg.cmd === 'stats') {
    const cpu = process.cpuUsage(cpu0);
    process.send({
      type: 'stats',
      cpuMs: (cpu.user + cpu.system) / 1000,
      maxRssKB: process.resourceUsage().maxRSS,
      rssKB: Math.round(process.memoryUsage().rss / 1024),
    });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
