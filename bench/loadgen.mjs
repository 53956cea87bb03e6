/**
 * The webhook load generator, in its own process. On `{cmd:'run', port, path, count,
 * concurrency}` it POSTs updates 0..count-1 (lib/updates.mjs) as JSON to
 * http://127.0.0.1:port/path with `concurrency` requests in flight over a keep-alive agent,
 * and answers `{type:'result', tStart, tEnd, ok, failed}` (wall-clock ms).
 */
import http from 'node:http';
import { makeUpdates } from './lib/updates.mjs';
import { wallNow } from './lib/clock.mjs';

async function run({ port, path, count, concurrency }) {
  const bodies = makeUpdates(count).map((u) => JSON.stringify(u));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let ok = 0;
  let failed = 0;
  let firstError;
  const post = (body) =>
    new Promise((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) ok++;
            else {
              failed++;
              firstError ??= `HTTP ${res.statusCode}`;
            }
            resolve();
          });
        },
      );
      req.on('error', (e) => {
        failed++;
        firstError ??= String(e);
        resolve();
      });
      req.end(body);
    });
  const tStart = wallNow();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await post(bodies[next++]);
    }),
  );
  const tEnd = wallNow();
  agent.destroy();
  return { type: 'result', tStart, tEnd, ok, failed, firstError };
}

process.on('message', (msg) => {
  if (msg.cmd === 'run') run(msg).then((r) => process.send(r));
  else if (msg.cmd === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
process.send({ type: 'ready' });
