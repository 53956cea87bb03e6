/**
 * The queue's Redis connection. Unlike the storages' lazy connection, a queue process connects
 * at start and fails at once with a {@link QueueRedisError} when Redis cannot be reached (a
 * wrong URL must not look like an idle queue). Once connected, the client reconnects forever
 * (Redis restarted, network blip) and node-redis queues commands meanwhile, so the loops built
 * on it just go on when Redis is back.
 * @module
 */
import { logger } from '../logger.js';
import { loadCreateClient, type RedisClientLike, type RedisConnectionOptions } from '../states/redis-storage.js';
import { QueueRedisError } from './errors.js';

/** Options of the queue's connection. */
export interface QueueConnectionOptions extends RedisConnectionOptions {
  /** How long the first connection may take before start fails (default 10 000 ms). */
  connectTimeoutMs?: number;
}

/** A connected client and how to close it. */
export interface QueueConnection {
  /** The connected client. */
  client: RedisClientLike;
  /** Closes the client if it was created here (a `client` you passed stays open). */
  close(): Promise<void>;
}

const DEFAULT_URL = 'redis://localhost:6379';

/** Connects (or adopts `options.client`); rejects with {@link QueueRedisError} when Redis is unreachable. */
export async function connectQueue(options: QueueConnectionOptions, what: string): Promise<QueueConnection> {
  const url = options.url ?? (options.clientOptions?.url as string | undefined) ?? DEFAULT_URL;
  if (options.client) {
    const client = options.client;
    if (!client.isOpen) await client.connect();
    return { client, close: async () => undefined };
  }
  let createClient: Awaited<ReturnType<typeof loadCreateClient>>;
  try {
    createClient = await loadCreateClient();
  } catch (error) {
    throw new QueueRedisError(`${what}: the "redis" package is needed (npm install redis)`, url, error);
  }
  let connected = false;
  const startedAt = Date.now();
  const timeoutMs = options.connectTimeoutMs ?? 10_000;
  const userSocket = (options.clientOptions?.socket ?? {}) as Record<string, unknown>;
  const clientOptions: Record<string, unknown> = {
    ...options.clientOptions,
    url,
    socket: {
      // Before the first connection: fail (a wrong URL is an error, not a wait). After: retry
      // forever with a short capped delay, so a restarted Redis is found again quickly.
      // A connection timeout (a busy or just restarted server) is retried until connectTimeoutMs.
      reconnectStrategy: (retries: number, cause: unknown) => {
        if (connected) return Math.min(50 * 2 ** retries, 1000);
        const timedOut = /timeout/i.test(`${(cause as Error)?.name} ${(cause as Error)?.message}`);
        return timedOut && Date.now() - startedAt < timeoutMs ? 100 : cause;
      },
      ...userSocket,
    },
  };
  let client: RedisClientLike;
  try {
    client = createClient(clientOptions);
  } catch (error) {
    throw new QueueRedisError(`${what}: invalid Redis options`, url, error);
  }
  let lastWarn = 0;
  client.on('error', (error: unknown) => {
    if (!connected) return; // the start fails with it below
    // One line per second at most while Redis is away.
    if (Date.now() - lastWarn > 1000) {
      lastWarn = Date.now();
      logger.warn(`${what}: Redis connection error (reconnecting):`, error instanceof Error ? error.message : error);
    }
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      client.connect(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no connection within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    try {
      await (client.destroy ? client.destroy() : client.disconnect?.());
    } catch {
      /* already closed */
    }
    throw new QueueRedisError(`${what} could not connect to Redis`, url, error);
  } finally {
    clearTimeout(timer);
  }
  connected = true;
  return {
    client,
    close: async () => {
      if (!client.isOpen) return;
      try {
        await (client.close ? client.close() : client.quit?.());
      } catch {
        try {
          await (client.destroy ? client.destroy() : client.disconnect?.());
        } catch {
          /* closed */
        }
      }
    },
  };
}

/** Sends a command; the reply as node-redis gives it (strings, numbers, arrays, null). */
export function send(client: RedisClientLike, args: string[]): Promise<unknown> {
  return client.sendCommand(args);
}
