/**
 * `RedisFloodControl`: one flood limiter shared by every process of a bot, kept in Redis.
 *
 * Each process that runs `new Botte(token, { floodControl: new RedisFloodControl({ url }) })`
 * asks Redis before each message, through one atomic Lua script (src/scale/limiter-script.ts),
 * so N processes together stay within Telegram's limits instead of sending N times as much. A
 * 429 that one process gets pauses that chat (or the whole bot) for all of them.
 *
 * Redis down: a call fails with {@link FloodControlUnavailableError} after `timeoutMs` and is
 * not sent, unless a `fallback` limiter is given (then the process goes on alone with it).
 * @module
 */
import type { FloodControlOptions } from '../api/options.js';
import type { FloodLimiter } from '../api/flood-limiter.js';
import { isPrivateChat, sendsMessage } from '../api/flood-control.js';
import { sleep } from '../util/sleep.js';
import { logger } from '../logger.js';
import { loadCreateClient, RedisConnection, type RedisConnectionOptions } from '../states/redis-storage.js';
import { brandError } from '../util/error-brand.js';
import { LIMITER_SCRIPT, LIMITER_SCRIPT_SHA, VERDICT } from './limiter-script.js';

/** Options of {@link RedisFloodControl}: the limits, the Redis connection and what to do when Redis is down. */
export interface RedisFloodControlOptions extends FloodControlOptions, RedisConnectionOptions {
  /**
   * First part of every key (default `'botte:flood'`). Keys look like
   * `botte:flood:{<botId>}:bot` and `botte:flood:{<botId>}:chat:<chatId>`: the `{<botId>}` hash
   * tag keeps all keys of one bot in one Redis Cluster slot, as the script needs.
   */
  prefix?: string;
  /** How long a Redis call may take before the limiter gives up on it, in ms (default 5000). */
  timeoutMs?: number;
  /**
   * Used while Redis can't be reached, e.g. `new FloodControl({ globalPerSecond: 10 })` with a
   * share of the limits: the process then limits itself alone (logged once per outage). Without
   * it, a message that can't get a slot fails with {@link FloodControlUnavailableError} and is
   * not sent.
   */
  fallback?: FloodLimiter;
  /** The bot id used in keys when the caller gives none (Botte always gives its own). Default 0. */
  botId?: number;
}

/** Counters of one {@link RedisFloodControl}, since it was created (this process only). */
export interface RedisFloodControlStats {
  /** Messages let through (by Redis or by the fallback). */
  acquired: number;
  /** How many of them had to wait. */
  waits: number;
  /** Total time they waited, in ms. */
  waitedMs: number;
  /** 429 pauses this process shared with the others. */
  pauses: number;
  /** Redis calls that failed or timed out. */
  redisErrors: number;
  /** Messages let through by the `fallback` limiter while Redis was down. */
  fallbacks: number;
}

/**
 * The shared limiter could not reach Redis (connection refused, timeout, script error) and has
 * no `fallback`: the message was not sent. `cause` holds Redis's error.
 */
export class FloodControlUnavailableError extends Error {
  /** Creates the error; `cause` is what Redis (or the timeout) reported. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FloodControlUnavailableError';
  }
}
brandError(FloodControlUnavailableError, 'FloodControlUnavailableError');

/** The Redis keys of one bot, and of one of its chats: both carry the `{<botId>}` hash tag. */
export function limiterKeys(prefix: string, botId: number, chatId?: number | string): string[] {
  const base = `${prefix}:{${botId}}`;
  return chatId === undefined ? [`${base}:bot`] : [`${base}:bot`, `${base}:chat:${chatId}`];
}

/** A number of the script's answer (node-redis gives numbers; other clients may give strings). */
function replyPair(reply: unknown): [number, number] {
  if (!Array.isArray(reply) || reply.length < 2)
    throw new Error(`unexpected answer of the limiter script: ${JSON.stringify(reply)}`);
  return [Number(reply[0]), Number(reply[1])];
}

/**
 * A flood limiter shared by every process that uses the same Redis: Telegram's limits (about 30
 * messages a second per bot, 1 a second per private chat, 20 a minute per group) hold for all of
 * them together, and a 429's `retry_after` pauses the chat (or bot) for all of them.
 *
 * ```ts
 * const bot = new Botte(token, { floodControl: new RedisFloodControl({ url: 'redis://localhost:6379' }) });
 * ```
 *
 * Calls of one process to one chat leave in the order they were made; calls of several processes
 * to one chat in the order Redis saw them ready. See docs/scaling-out-flood-control.md.
 */
export class RedisFloodControl implements FloodLimiter {
  private readonly connection: RedisConnection;
  private readonly prefix: string;
  private readonly timeoutMs: number;
  private readonly fallback?: FloodLimiter;
  private readonly botId: number;
  private readonly globalIntervalMs: number;
  private readonly privateIntervalMs: number;
  private readonly groupIntervalMs: number;
  /** The last acquire of each chat in this process, so that calls to one chat keep their order. */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly counters: RedisFloodControlStats = {
    acquired: 0,
    waits: 0,
    waitedMs: 0,
    pauses: 0,
    redisErrors: 0,
    fallbacks: 0,
  };
  /** Resolves once the `redis` package is loaded. */
  private loaded?: Promise<void>;
  /** True while Redis is failing and the fallback is used (to warn once per outage). */
  private inFallback = false;

  /** @param options limits (Telegram's by default), where Redis is, and what to do when it is down */
  constructor(options: RedisFloodControlOptions = {}) {
    const rate = (value: number | undefined, fallback: number, name: string): number => {
      const chosen = value ?? fallback;
      if (!(typeof chosen === 'number' && chosen > 0 && Number.isFinite(chosen))) {
        throw new RangeError(`RedisFloodControl: ${name} must be a positive number, got ${String(value)}`);
      }
      return chosen;
    };
    this.globalIntervalMs = 1000 / rate(options.globalPerSecond, 30, 'globalPerSecond');
    this.privateIntervalMs = 1000 / rate(options.privatePerSecond, 1, 'privatePerSecond');
    this.groupIntervalMs = 60_000 / rate(options.groupPerMinute, 20, 'groupPerMinute');
    this.timeoutMs = rate(options.timeoutMs, 5000, 'timeoutMs');
    this.prefix = options.prefix ?? 'botte:flood';
    this.fallback = options.fallback;
    this.botId = options.botId ?? 0;
    this.connection = new RedisConnection(options);
  }

  /** Waits until `method` to `chatId` may be sent (see {@link FloodLimiter.acquire}). */
  async acquire(
    method: string,
    chatId: number | string | undefined,
    signal?: AbortSignal,
    botId?: number,
  ): Promise<void> {
    if (!sendsMessage(method)) return;
    const local = `${botId ?? this.botId}:${chatId ?? ''}`;
    const previous = this.tails.get(local);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.tails.set(local, mine);
    try {
      if (previous) await previous;
      await this.acquireInOrder(method, chatId, signal, botId ?? this.botId);
    } finally {
      if (this.tails.get(local) === mine) this.tails.delete(local);
      release();
    }
  }

  private async acquireInOrder(
    method: string,
    chatId: number | string | undefined,
    signal: AbortSignal | undefined,
    botId: number,
  ): Promise<void> {
    const keys = limiterKeys(this.prefix, botId, chatId);
    const chatInterval =
      chatId === undefined ? 0 : isPrivateChat(chatId) ? this.privateIntervalMs : this.groupIntervalMs;
    const started = Date.now();
    let slept = false;
    try {
      let [verdict, waitMs] = await this.run(keys, ['take', String(this.globalIntervalMs), String(chatInterval)]);
      while (verdict !== VERDICT.go) {
        slept = true;
        await sleep(Math.max(1, waitMs), signal);
        const mode = verdict === VERDICT.slotAhead ? 'check' : 'take';
        [verdict, waitMs] = await this.run(keys, [mode, String(this.globalIntervalMs), String(chatInterval)]);
        // A pause began while this call slept until its slot: the slot is given up, a new one taken.
        if (mode === 'check' && verdict !== VERDICT.go) verdict = VERDICT.notReady;
      }
    } catch (error) {
      if (!(error instanceof FloodControlUnavailableError) || !this.fallback) throw error;
      if (!this.inFallback)
        logger.warn(
          'flood control: Redis is unreachable; this process limits itself alone until it is back:',
          error.cause,
        );
      this.inFallback = true;
      this.counters.fallbacks++;
      slept = true;
      await this.fallback.acquire(method, chatId, signal, botId);
    }
    const waited = Date.now() - started;
    this.counters.acquired++;
    if (slept) {
      this.counters.waits++;
      this.counters.waitedMs += waited;
      logger.debug(`flood control: ${method} to chat ${chatId ?? '(none)'} waited ${waited} ms`);
    }
  }

  /** Shares a 429's pause with every process (see {@link FloodLimiter.pause}); never rejects. */
  async pause(
    method: string,
    chatId: number | string | undefined,
    retryAfterSeconds: number,
    botId?: number,
  ): Promise<void> {
    const ms = Math.max(0, retryAfterSeconds) * 1000;
    try {
      await this.run(limiterKeys(this.prefix, botId ?? this.botId, chatId), ['pause', '0', '0', String(ms)]);
      this.counters.pauses++;
      logger.debug(
        `flood control: ${method} got 429; ${chatId === undefined ? 'the bot' : `chat ${chatId}`} is paused ${retryAfterSeconds} s for every process`,
      );
    } catch (error) {
      logger.warn(`flood control: could not share the 429 pause of ${method}:`, error);
    }
  }

  /** Counters since this limiter was created: waits (count and total ms), pauses, Redis errors, fallbacks. */
  stats(): RedisFloodControlStats {
    return { ...this.counters };
  }

  /** Disconnects the Redis client the limiter created (a `client` you passed stays open). */
  close(): Promise<void> {
    return this.connection.close();
  }

  /**
   * Connects to Redis and loads the script now rather than at the first message: call it at
   * startup to fail early (with {@link FloodControlUnavailableError}) when Redis can't be reached.
   */
  async connect(): Promise<void> {
    await this.asked(async () => (await this.connection.client()).sendCommand(['SCRIPT', 'LOAD', LIMITER_SCRIPT]));
  }

  /** One run of the script, EVALSHA first (EVAL when Redis doesn't know it yet), within `timeoutMs`. */
  private async run(keys: string[], args: string[]): Promise<[number, number]> {
    return replyPair(await this.asked(() => this.evaluate(keys, args)));
  }

  /** `ask()` within `timeoutMs`; any failure becomes a {@link FloodControlUnavailableError}. */
  private async asked(ask: () => Promise<unknown>): Promise<unknown> {
    // Loading the `redis` package is not Redis being slow: the timeout starts after it (a missing
    // package fails here with its own message).
    this.loaded ??= loadCreateClient().then(() => undefined);
    await this.loaded;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const reply = await Promise.race([ask(), timeout]);
      if (this.inFallback) logger.warn('flood control: Redis is back; the limits are shared again');
      this.inFallback = false;
      return reply;
    } catch (error) {
      this.counters.redisErrors++;
      throw new FloodControlUnavailableError(
        `Shared flood control: Redis could not be asked (${error instanceof Error ? error.message : String(error)}); the message was not sent`,
        { cause: error },
      );
    } finally {
      clearTimeout(timer);
    }
  }

  private async evaluate(keys: string[], args: string[]): Promise<unknown> {
    const client = await this.connection.client();
    const tail = [String(keys.length), ...keys, ...args];
    try {
      return await client.sendCommand(['EVALSHA', LIMITER_SCRIPT_SHA, ...tail]);
    } catch (error) {
      if (!/NOSCRIPT/i.test(error instanceof Error ? error.message : String(error))) throw error;
      return client.sendCommand(['EVAL', LIMITER_SCRIPT, ...tail]);
    }
  }
}
