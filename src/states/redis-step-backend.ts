/**
 * Next-step and reply handlers kept in Redis, so that they survive restarts and can be taken by
 * whichever process receives the next message. Same design as {@link FileHandlerBackend}: a
 * function can't be stored, so each entry is stored as the handler's NAME and its arguments
 * (JSON), and the name is looked up in a {@link HandlerRegistry} when the entry is taken.
 * Entries whose callback has no usable name stay in this process's memory only, with a warning.
 * Arguments must be JSON-serialisable, and are handed back as copies.
 *
 * Layout: one Redis list per handler key (`<prefix>:<key>`), one JSON item per entry, in
 * registration order. `take` reads and deletes the list in one Lua script, so an entry runs once
 * even when several processes race for it.
 * @module
 */
import { logger } from '../logger.js';
import { checkTtl, RedisConnection, type RedisClientLike, type RedisConnectionOptions } from './redis-storage.js';
import {
  reviveEntry,
  stepHandlers,
  type HandlerBackend,
  type HandlerRegistry,
  type SavedEntry,
  type StepEntry,
} from './step-backends.js';

/** Options of {@link RedisHandlerBackend}. */
export interface RedisHandlerBackendOptions extends RedisConnectionOptions {
  /**
   * First part of every key (`<prefix>:<key>`). Required, because one bot has two backends whose
   * keys look alike (chat ids for next steps, message ids for replies) and several bots may share
   * one Redis: e.g. `'mybot:next'` and `'mybot:reply'`.
   */
  prefix: string;
  /** Where handler names are looked up. Default: {@link stepHandlers}. */
  registry?: HandlerRegistry;
  /** Forget waiting handlers this many seconds after the last registration for their key. */
  ttlSeconds?: number;
}

/** How an entry is stored in Redis. */
interface RedisSavedEntry extends SavedEntry {
  /** The backend instance that stored it, and its registration number there: for ordering. */
  by: string;
  order: number;
}

/** RPUSH the entries (ARGV[2..]) and renew the expiry (ARGV[1] seconds, '0': none). */
const PUSH = `redis.call('RPUSH', KEYS[1], unpack(ARGV, 2))
if tonumber(ARGV[1]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return 1`;
/** Every entry of the list, which is deleted in the same step. */
const TAKE = `local items = redis.call('LRANGE', KEYS[1], 0, -1)
redis.call('DEL', KEYS[1])
return items`;

let instances = 0;

/**
 * A {@link HandlerBackend} in Redis (see the module comment). Use one per bot and per kind:
 *
 * ```ts
 * new Botte(token, {
 *   nextStepBackend: new RedisHandlerBackend({ url, prefix: 'mybot:next' }),
 *   replyBackend: new RedisHandlerBackend({ url, prefix: 'mybot:reply' }),
 * });
 * ```
 *
 * After a restart, handlers must be registered again (`stepHandlers.add(askAge)`) before saved
 * entries for them can run; entries whose name is unknown when taken are dropped with a warning.
 */
export class RedisHandlerBackend implements HandlerBackend {
  private readonly connection: RedisConnection;
  private readonly prefix: string;
  private readonly ttl: number;
  /** The registry names are looked up in. */
  readonly registry: HandlerRegistry;
  /** Tells this instance's entries apart from those stored by other processes or before a restart. */
  private readonly instance = `${process.pid}.${Date.now().toString(36)}.${++instances}`;
  /** Entries without a name, kept in memory only, by key. */
  private readonly unsaved = new Map<string, { entry: StepEntry; order: number }[]>();
  private order = 0;

  /** @param options where to connect, key prefix, registry, expiry */
  constructor(options: RedisHandlerBackendOptions) {
    if (!options?.prefix) throw new TypeError('RedisHandlerBackend needs a prefix, e.g. "mybot:next"');
    this.prefix = options.prefix;
    this.registry = options.registry ?? stepHandlers;
    this.ttl = checkTtl(options.ttlSeconds);
    this.connection = new RedisConnection(options);
  }

  /** The Redis key of the handler key `key`. */
  keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }

  /** The connected client (connecting at the first call). */
  client(): Promise<RedisClientLike> {
    return this.connection.client();
  }

  /** Disconnects the client the backend created (a `client` you passed stays open). */
  close(): Promise<void> {
    return this.connection.close();
  }

  /** See {@link HandlerBackend.register}. */
  async register(key: string, entry: StepEntry): Promise<void> {
    const order = ++this.order;
    const name = this.registry.nameOf(entry.callback);
    if (!name) {
      logger.warn(`The step handler for ${key} has no name, so it is kept in memory only (not saved to Redis)`);
      const list = this.unsaved.get(key);
      if (list) list.push({ entry, order });
      else this.unsaved.set(key, [{ entry, order }]);
      return;
    }
    const saved: RedisSavedEntry = { by: this.instance, order, name, args: entry.args };
    if (entry.chatId !== undefined) saved.chatId = entry.chatId;
    await this.connection.send(['EVAL', PUSH, '1', this.keyOf(key), String(this.ttl), JSON.stringify(saved)]);
  }

  /** See {@link HandlerBackend.take}. */
  async take(key: string): Promise<StepEntry[]> {
    const reply = await this.connection.send(['EVAL', TAKE, '1', this.keyOf(key)]);
    const found: { entry: StepEntry; order: number }[] = [];
    for (const item of Array.isArray(reply) ? reply : []) {
      const saved = JSON.parse(String(item)) as RedisSavedEntry;
      const entry = reviveEntry(saved, this.registry);
      if (!entry) continue;
      // Entries stored elsewhere (another process, or before a restart) come before this one's
      // memory-only entries; the sort is stable, so the list's own order is kept among them.
      found.push({ entry, order: saved.by === this.instance ? saved.order : 0 });
    }
    found.push(...(this.unsaved.get(key) ?? []));
    this.unsaved.delete(key);
    return found.sort((a, b) => a.order - b.order).map((held) => held.entry);
  }

  /** See {@link HandlerBackend.clear}. */
  async clear(key: string): Promise<void> {
    this.unsaved.delete(key);
    await this.connection.send(['DEL', this.keyOf(key)]);
  }
}
