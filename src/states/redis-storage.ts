/**
 * States in Redis, for bots that run several processes or must survive restarts and deploys.
 *
 * The `redis` package (node-redis) is an optional peer dependency: it is imported the first time
 * a storage needs a connection, so `import 'botte'` never loads it and bots that keep states
 * elsewhere need not install it.
 *
 * Layout: one Redis hash per {@link StateKey} (its key built by {@link stateKeyToString}, like the
 * other storages), with the field `state` holding the state name and one field `data:<name>` per
 * top-level data field, holding that value as JSON. Keeping fields apart (rather than one JSON
 * blob) is what makes `setData` a plain `HSET`: concurrent updates of one conversation that set
 * different fields can't lose each other's fields, and no read-modify-write is needed. The
 * operations that replace or clear the data run as small Lua scripts, so they are atomic too.
 * @module
 */
import { logger } from '../logger.js';
import { stateKeyToString, type StorageKeyOptions } from './key.js';
import type { StateData, StateKey, StateStorage } from './storage.js';

/**
 * The part of a node-redis client (v4 and later, `createClient()` from `redis`) the Redis
 * storages use. Declared here rather than imported, so that Botte's type declarations don't
 * require `redis` to be installed; a `RedisClientType` fits it.
 */
export interface RedisClientLike {
  /** Sends a raw command (`['HGET', key, field]`). */
  sendCommand(args: string[]): Promise<unknown>;
  /** Opens the connection. */
  connect(): Promise<unknown>;
  /** True while the client is connected (or connecting). */
  readonly isOpen: boolean;
  /** Closes the connection gracefully (node-redis v5+). */
  close?(): Promise<unknown>;
  /** Closes the connection gracefully (node-redis v4). */
  quit?(): Promise<unknown>;
  /** Closes the connection at once (node-redis v5+; v4 calls it `disconnect`). */
  destroy?(): unknown;
  /** Closes the connection at once (node-redis v4). */
  disconnect?(): Promise<unknown>;
  /** Listens to client events (`'error'`). */
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** How a Redis storage gets its connection: a `client` you own, or a `url` it connects to. */
export interface RedisConnectionOptions {
  /**
   * Where to connect (`redis://user:password@host:6379/0`, `rediss://` for TLS) when no `client`
   * is given. Default: node-redis's default, `redis://localhost:6379`.
   */
  url?: string;
  /**
   * Extra options for `createClient` (socket, password, reconnect strategy…) when the storage
   * creates its own client. `url` wins over a `url` given here.
   */
  clientOptions?: Record<string, unknown>;
  /**
   * A client you created and connected yourself (`createClient()` from `redis`). It is used as
   * is and never closed: `close()` leaves it open.
   */
  client?: RedisClientLike;
}

/** Options of {@link StateRedisStorage}. */
export interface StateRedisStorageOptions extends StorageKeyOptions, RedisConnectionOptions {
  /**
   * First part of every key. Default `'botte:state'`, so keys look like
   * `botte:state:<botId>:<businessConnectionId>:<threadId>:<chatId>:<userId>`. A trailing
   * separator is dropped (`'botte:state:'` means the same).
   */
  prefix?: string;
  /**
   * Forget a conversation this many seconds after its last change (Redis `EXPIRE`, renewed by
   * every write). Default: conversations are kept until deleted.
   */
  ttlSeconds?: number;
}

/** The hash field holding the state name. */
const STATE_FIELD = 'state';
/** The prefix of the hash fields holding data, one per top-level data field. */
const DATA_FIELD = 'data:';

// Lua, so that each change (with its EXPIRE) is atomic. ARGV[1] is the ttl in seconds ('0': none).
const EXPIRE = `if tonumber(ARGV[1]) > 0 and redis.call('EXISTS', KEYS[1]) == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end`;
// In chunks: Lua's unpack() can't spread thousands of values at once.
const HSET_ARGS = `for i = 2, #ARGV, 1000 do redis.call('HSET', KEYS[1], unpack(ARGV, i, math.min(i + 999, #ARGV))) end`;
/** ARGV[2..]: field, value, field, value… to set. */
const SET_FIELDS = `${HSET_ARGS}
${EXPIRE}
return 1`;
/** Removes every data field, then sets ARGV[2..] (field, value…): saveData / resetData. */
const REPLACE_DATA = `local fields = redis.call('HKEYS', KEYS[1])
local old = {}
for _, field in ipairs(fields) do
  if string.sub(field, 1, ${DATA_FIELD.length}) == '${DATA_FIELD}' then old[#old + 1] = field end
end
for i = 1, #old, 1000 do redis.call('HDEL', KEYS[1], unpack(old, i, math.min(i + 999, #old))) end
${HSET_ARGS}
${EXPIRE}
return 1`;
/** The whole hash as a flat array, whatever protocol (RESP2/RESP3) the client speaks. */
const GET_ALL = `return redis.call('HGETALL', KEYS[1])`;

/** A reply string: node-redis gives strings, or Buffers when a type mapping asks for them. */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** Validates a `ttlSeconds` option; 0 means none. */
export function checkTtl(ttl: number | undefined): number {
  if (ttl !== undefined && !(Number.isInteger(ttl) && ttl > 0)) {
    throw new RangeError(`ttlSeconds must be a positive whole number of seconds, got ${ttl}`);
  }
  return ttl ?? 0;
}

/** `data` as hash fields and JSON values; undefined values are left out, as JSON does. */
function dataFields(data: StateData): string[] {
  const args: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    const json = JSON.stringify(value);
    if (json !== undefined) args.push(DATA_FIELD + name, json);
  }
  return args;
}

/** `createClient` of the `redis` package, imported on demand (it is an optional peer dependency). */
export async function loadCreateClient(): Promise<(options?: Record<string, unknown>) => RedisClientLike> {
  type Module = { createClient?: (options?: Record<string, unknown>) => RedisClientLike };
  let mod: Module & { default?: Module };
  try {
    // A variable specifier, so that bundlers don't try to include the package at build time.
    const name = 'redis';
    mod = await import(name);
  } catch (error) {
    throw new Error('The Redis storages need the "redis" package (node-redis): npm install redis', { cause: error });
  }
  const createClient = mod.createClient ?? mod.default?.createClient;
  if (typeof createClient !== 'function')
    throw new Error('The "redis" package has no createClient(): node-redis v4 or later is needed');
  return createClient;
}

/**
 * One lazily opened Redis connection, shared by the methods of a Redis storage: the client given
 * by the user, or one created (and later closed) from a url at the first call.
 */
export class RedisConnection {
  private connecting?: Promise<RedisClientLike>;

  /** @param options a client you own, or where to connect */
  constructor(private readonly options: RedisConnectionOptions = {}) {
    if (options.client) this.connecting = Promise.resolve(options.client);
  }

  /** True when the client was created here (and is closed by {@link RedisConnection.close}). */
  get ownsClient(): boolean {
    return this.options.client === undefined;
  }

  /** The client, connected; a failed connection is tried again at the next call. */
  client(): Promise<RedisClientLike> {
    this.connecting ??= this.connect().catch((error: unknown) => {
      this.connecting = undefined;
      throw error;
    });
    return this.connecting;
  }

  private async connect(): Promise<RedisClientLike> {
    const createClient = await loadCreateClient();
    const options = { ...this.options.clientOptions };
    if (this.options.url !== undefined) options.url = this.options.url;
    const client = createClient(options);
    // node-redis emits 'error' on every failed (re)connection; unheard, that would crash the process.
    client.on('error', (error: unknown) => logger.warn('Redis storage:', error));
    try {
      await client.connect();
    } catch (error) {
      // Stop any reconnection attempts of a client nobody will use: the next call makes a new one.
      try {
        await (client.destroy ? client.destroy() : client.disconnect?.());
      } catch {
        /* already closed */
      }
      throw error;
    }
    return client;
  }

  /** Sends one command. */
  async send(args: string[]): Promise<unknown> {
    return (await this.client()).sendCommand(args);
  }

  /** Closes the client if it was created here; a later call connects again. */
  async close(): Promise<void> {
    if (!this.ownsClient || !this.connecting) return;
    const pending = this.connecting;
    this.connecting = undefined;
    const client = await pending.catch(() => undefined);
    if (!client?.isOpen) return;
    await (client.close ? client.close() : client.quit?.());
  }
}

/**
 * A state storage in Redis (pyTelegramBotAPI's `StateRedisStorage`), shared by every process
 * that connects to the same Redis, and surviving restarts. Data must be JSON-serialisable.
 *
 * ```ts
 * const bot = new Botte(token, { stateStorage: new StateRedisStorage({ url: 'redis://localhost:6379' }) });
 * ```
 *
 * Given a `url`, the storage loads `redis`, creates a client and connects at its first call;
 * {@link StateRedisStorage.close} disconnects it. Given a `client`, it uses yours.
 */
export class StateRedisStorage implements StateStorage {
  private readonly keyOptions: StorageKeyOptions;
  private readonly ttl: number;
  private readonly connection: RedisConnection;

  /** @param options where to connect, key prefix and separator, expiry */
  constructor(options: StateRedisStorageOptions = {}) {
    const separator = options.separator ?? ':';
    let prefix = options.prefix ?? 'botte:state';
    if (prefix.length > separator.length && prefix.endsWith(separator)) prefix = prefix.slice(0, -separator.length);
    this.keyOptions = { prefix, separator };
    this.ttl = checkTtl(options.ttlSeconds);
    this.connection = new RedisConnection(options);
  }

  /** The Redis key of `key`: {@link stateKeyToString} with this storage's prefix and separator. */
  keyOf(key: StateKey): string {
    return stateKeyToString(key, this.keyOptions);
  }

  /** The connected client (connecting at the first call), e.g. to share it with a `RedisHandlerBackend`. */
  client(): Promise<RedisClientLike> {
    return this.connection.client();
  }

  /**
   * Disconnects the client the storage created (a `client` you passed stays open). A later call
   * connects again.
   */
  close(): Promise<void> {
    return this.connection.close();
  }

  private command(args: string[]): Promise<unknown> {
    return this.connection.send(args);
  }

  private async script(script: string, key: StateKey, fields: string[]): Promise<void> {
    await this.command(['EVAL', script, '1', this.keyOf(key), String(this.ttl), ...fields]);
  }

  /** See {@link StateStorage.setState}. */
  async setState(key: StateKey, state: string): Promise<void> {
    await this.script(SET_FIELDS, key, [STATE_FIELD, String(state)]);
  }

  /** See {@link StateStorage.getState}. */
  async getState(key: StateKey): Promise<string | undefined> {
    return text(await this.command(['HGET', this.keyOf(key), STATE_FIELD]));
  }

  /** See {@link StateStorage.deleteState}. */
  async deleteState(key: StateKey): Promise<boolean> {
    return Number(await this.command(['DEL', this.keyOf(key)])) > 0;
  }

  /** See {@link StateStorage.setData}: the given fields are written atomically, the others kept. */
  async setData(key: StateKey, data: StateData): Promise<void> {
    await this.script(SET_FIELDS, key, dataFields(data));
  }

  /** See {@link StateStorage.getData}. */
  async getData(key: StateKey): Promise<StateData> {
    const reply = await this.command(['EVAL', GET_ALL, '1', this.keyOf(key)]);
    const flat = Array.isArray(reply) ? reply : [];
    const data: StateData = {};
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const field = text(flat[i])!;
      if (field.startsWith(DATA_FIELD)) data[field.slice(DATA_FIELD.length)] = JSON.parse(text(flat[i + 1])!);
    }
    return data;
  }

  /** See {@link StateStorage.resetData}. */
  async resetData(key: StateKey): Promise<void> {
    await this.script(REPLACE_DATA, key, []);
  }

  /** See {@link StateStorage.saveData}: the old data is replaced atomically. */
  async saveData(key: StateKey, data: StateData): Promise<void> {
    await this.script(REPLACE_DATA, key, dataFields(data));
  }
}
