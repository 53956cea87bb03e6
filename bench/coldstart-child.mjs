/**
 * Cold start in a fresh process: `node --expose-gc coldstart-child.mjs <framework>`.
 * Times the dynamic import of the framework plus its bot constructor (inside the adapter's
 * `construct`), then collects garbage and reads RSS. Prints `RESULT {json}`.
 */
const fw = process.argv[2];
const adapter = await import(`./frameworks/${fw}.mjs`);
const t0 = performance.now();
const bot = await adapter.construct();
const t1 = performance.now();
globalThis.gc?.();
await new Promise((r) => setTimeout(r, 20));
globalThis.gc?.();
console.log(
  'RESULT ' +
    JSON.stringify({
      fw,
      ms: t1 - t0,
      rssKB: Math.round(process.memoryUsage().rss / 1024),
      heapKB: Math.round(process.memoryUsage().heapUsed / 1024),
      built: bot !== undefined,
    }),
);
process.exit(0);
