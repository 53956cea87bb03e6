/**
 * A redis-server of a test file's own (test/redis-server.ts) plus a client of the test's own, to
 * look at what the code under test wrote: at the top of the file,
 * `const { server, url, raw } = await useRedis();` starts both; they are closed after the file's tests.
 */
import { after } from 'node:test';
import { createClient } from 'redis';
import { RedisServer, type RedisServerOptions } from './redis-server.js';

/** Starts a redis-server (with `options`) and connects a client to it; both stop after the file's tests. */
export async function useRedis(options: RedisServerOptions = {}) {
  const server = await RedisServer.start(options);
  const raw = createClient({ url: server.url });
  after(async () => {
    if (raw.isOpen) await raw.close();
    await server.stop();
  });
  await raw.connect();
  return { server, url: server.url, raw };
}
