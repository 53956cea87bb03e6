/**
 * Where next-step and reply handlers wait (`bot.registerNextStepHandler(...)`,
 * `bot.registerForReply(...)`): in memory, or in a file that survives restarts.
 *
 * Persisting functions: a function can't be written to a file, so {@link FileHandlerBackend}
 * writes the handler's NAME and its arguments (JSON) and, when the entry is taken, looks the name
 * up in a {@link HandlerRegistry}. A named function (`function askAge(message) {}`) is put in the
 * registry under its own name automatically at registration; after a restart, the same code
 * defines the same function again, and it must be registered again (`stepHandlers.add(askAge)`)
 * before saved entries for it can run, since nothing else has seen it yet. Entries whose callback
 * has no usable name (an inline arrow) are kept in memory only, with a warning; entries whose name
 * is unknown when taken are dropped with a warning. Arguments must be JSON-serialisable.
 * @module
 */
import { logger } from '../logger.js';
import { readJsonFile, AtomicJsonWriter, loadOnce } from './json-file.js';

/** One registered next-step or reply handler (the same shape as the dispatcher's). */
export interface StepEntry {
  /** The function to call with the message and then `args`. */
  callback: (message: any, ...args: any[]) => unknown;
  /** Extra arguments given at registration. */
  args: unknown[];
  /** For reply handlers: the chat of the message replied to, when known. */
  chatId?: number | string;
}

/** Storage of one-shot handlers by key (a chat id for next steps, a message id for replies). */
export interface HandlerBackend {
  /** Adds `entry` under `key`; several entries may share a key, they all run in order. */
  register(key: string, entry: StepEntry): Promise<void>;
  /** Removes and returns every entry of `key` (an empty array when none). */
  take(key: string): Promise<StepEntry[]>;
  /** Removes every entry of `key`. */
  clear(key: string): Promise<void>;
  /**
   * Optional hint, read before every message: how many keys have entries, known at once and
   * exactly (0 lets dispatch skip {@link HandlerBackend.take}). Leave it out, or give undefined,
   * when entries may exist that this object doesn't know of (a file not read yet, a shared
   * store): such backends are always asked.
   */
  readonly size?: number | undefined;
}

/** The default backend: a Map in memory. Use one per bot and per kind (next step, reply). */
export class MemoryHandlerBackend implements HandlerBackend {
  private readonly entries = new Map<string, StepEntry[]>();

  /** How many keys have handlers waiting (see {@link HandlerBackend.size}). */
  get size(): number {
    return this.entries.size;
  }

  /** See {@link HandlerBackend.register}. */
  async register(key: string, entry: StepEntry): Promise<void> {
    const list = this.entries.get(key);
    if (list) list.push(entry);
    else this.entries.set(key, [entry]);
  }

  /** See {@link HandlerBackend.take}. */
  async take(key: string): Promise<StepEntry[]> {
    const list = this.entries.get(key) ?? [];
    this.entries.delete(key);
    return list;
  }

  /** See {@link HandlerBackend.clear}. */
  async clear(key: string): Promise<void> {
    this.entries.delete(key);
  }

  /**
   * Removes and returns every entry, by key (what {@link HandlerBackend.take} does for one key):
   * lets the entries move to another backend, as `bot.enableSaveNextStepHandlers()` does.
   */
  takeAll(): Map<string, StepEntry[]> {
    const all = new Map(this.entries);
    this.entries.clear();
    return all;
  }
}

/** Names ↔ functions, so that persisted handlers can be found again after a restart. */
export class HandlerRegistry {
  private readonly byName = new Map<string, StepEntry['callback']>();
  private readonly byFunction = new Map<StepEntry['callback'], string>();

  /** Registers `fn` under `name` (default: the function's own name); returns `fn`. */
  add<F extends StepEntry['callback']>(fn: F, name: string = fn.name): F {
    if (!name) throw new TypeError('A step handler needs a name to be persisted: pass one, or use a named function');
    const previous = this.byName.get(name);
    if (previous && previous !== fn) this.byFunction.delete(previous);
    this.byName.set(name, fn);
    this.byFunction.set(fn, name);
    return fn;
  }

  /** The function registered as `name`. */
  get(name: string): StepEntry['callback'] | undefined {
    return this.byName.get(name);
  }

  /**
   * The name of `fn`: the one it was registered with, else its own name, which is then
   * registered (unless another function holds it already, or it has none).
   */
  nameOf(fn: StepEntry['callback']): string | undefined {
    const known = this.byFunction.get(fn);
    if (known) return known;
    const own = fn.name;
    if (!own || own === 'anonymous' || own.startsWith('bound ') || this.byName.has(own)) return undefined;
    this.add(fn, own);
    return own;
  }
}

/** The registry {@link FileHandlerBackend} uses unless given another: `stepHandlers.add(fn)`. */
export const stepHandlers = new HandlerRegistry();

/** How an entry is written to a file or to Redis: the handler's registered name instead of the function. */
export interface SavedEntry {
  /** The name the handler is registered under in a {@link HandlerRegistry}. */
  name: string;
  /** The extra arguments given at registration, as JSON. */
  args: unknown[];
  /** The chat the entry was registered for, when known. */
  chatId?: number | string;
}

/**
 * Turns a saved entry back into a live one through `registry`; undefined (with a warning) when
 * its handler is not registered in this process.
 */
export function reviveEntry(saved: SavedEntry, registry: HandlerRegistry): StepEntry | undefined {
  const callback = registry.get(saved.name);
  if (!callback) {
    logger.warn(`Saved step handler "${saved.name}" is not registered (stepHandlers.add(fn)); dropped`);
    return undefined;
  }
  const entry: StepEntry = { callback, args: saved.args ?? [] };
  if (saved.chatId !== undefined) entry.chatId = saved.chatId;
  return entry;
}

/** An entry in memory: the live one when we have it, the saved form when it came from the file. */
type HeldEntry = { live?: StepEntry; saved?: SavedEntry };

/**
 * Next-step / reply handlers kept in a JSON file (pyTelegramBotAPI's `FileHandlerBackend`, with
 * names instead of pickled functions; see the module comment). The file is read at the first
 * call and written `delay` seconds after a change (0: at once, awaited), atomically.
 */
export class FileHandlerBackend implements HandlerBackend {
  private entries?: Map<string, HeldEntry[]>;
  private readonly writer: AtomicJsonWriter;
  private timer?: NodeJS.Timeout;

  /**
   * @param filePath the JSON file
   * @param delay seconds to wait after a change before writing (batches bursts); 0 writes at once
   * @param registry where handler names are looked up
   */
  constructor(
    readonly filePath = './.handler-saves/step.json',
    readonly delay = 120,
    readonly registry: HandlerRegistry = stepHandlers,
  ) {
    this.writer = new AtomicJsonWriter(filePath, () => this.snapshot());
  }

  /**
   * How many keys have handlers waiting, once the file has been read (see
   * {@link HandlerBackend.size}); undefined before, as the file may hold some.
   */
  get size(): number | undefined {
    return this.entries?.size;
  }

  /** Reads the file (the first call does it anyway). */
  async load(): Promise<void> {
    await this.map();
  }

  // The entries, read from the file at the first call.
  private readonly map = loadOnce(async () => {
    const content = (await readJsonFile(this.filePath)) as { entries?: Record<string, SavedEntry[]> } | undefined;
    const map = new Map<string, HeldEntry[]>();
    for (const [key, list] of Object.entries(content?.entries ?? {})) {
      map.set(
        key,
        list.map((saved) => ({ saved })),
      );
    }
    this.entries = map;
    return map;
  });

  private snapshot(): { version: 1; entries: Record<string, SavedEntry[]> } {
    const entries: Record<string, SavedEntry[]> = {};
    for (const [key, list] of this.entries ?? []) {
      const saved = list.map((held) => held.saved).filter((entry): entry is SavedEntry => entry !== undefined);
      if (saved.length > 0) entries[key] = saved;
    }
    return { version: 1, entries };
  }

  private async changed(): Promise<void> {
    if (this.delay <= 0) return this.writer.write();
    this.writer.markDirty();
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.writer
        .write()
        .catch((error: unknown) => logger.error(`Could not save step handlers to ${this.filePath}`, error));
    }, this.delay * 1000);
    // A pending save must not keep the process alive; call flush() before exiting to be sure.
    this.timer.unref();
  }

  /** Writes pending changes now; resolves once the file holds them. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.writer.flush();
  }

  /** See {@link HandlerBackend.register}. */
  async register(key: string, entry: StepEntry): Promise<void> {
    const map = await this.map();
    const name = this.registry.nameOf(entry.callback);
    const held: HeldEntry = { live: entry };
    if (name) {
      held.saved = { name, args: entry.args };
      if (entry.chatId !== undefined) held.saved.chatId = entry.chatId;
    } else {
      logger.warn(
        `The step handler for ${key} has no name, so it is kept in memory only (not saved to ${this.filePath})`,
      );
    }
    const list = map.get(key);
    if (list) list.push(held);
    else map.set(key, [held]);
    if (held.saved) await this.changed();
  }

  /** See {@link HandlerBackend.take}. */
  async take(key: string): Promise<StepEntry[]> {
    const map = await this.map();
    const list = map.get(key);
    if (!list) return [];
    map.delete(key);
    const result: StepEntry[] = [];
    for (const held of list) {
      if (held.live) {
        result.push(held.live);
        continue;
      }
      const entry = reviveEntry(held.saved!, this.registry);
      if (entry) result.push(entry);
    }
    if (list.some((held) => held.saved)) await this.changed();
    return result;
  }

  /** See {@link HandlerBackend.clear}. */
  async clear(key: string): Promise<void> {
    const map = await this.map();
    const list = map.get(key);
    if (!list) return;
    map.delete(key);
    if (list.some((held) => held.saved)) await this.changed();
  }

  /**
   * The entries waiting now, by key, as far as known (none of the file before it was read), with
   * saved ones looked up in the registry; nothing is removed and the file is left as it is. What
   * `bot.disableSaveNextStepHandlers()` keeps in memory.
   */
  waiting(): Map<string, StepEntry[]> {
    const all = new Map<string, StepEntry[]>();
    for (const [key, list] of this.entries ?? []) {
      const entries: StepEntry[] = [];
      for (const held of list) {
        const entry = held.live ?? reviveEntry(held.saved!, this.registry);
        if (entry) entries.push(entry);
      }
      if (entries.length > 0) all.set(key, entries);
    }
    return all;
  }
}
