/**
 * Saved next-step and reply handlers (pyTelegramBotAPI's `enable_save_next_step_handlers`,
 * `load_next_step_handlers`, and the reply twins): swaps a bot's in-memory backend for a
 * {@link FileHandlerBackend} and loads what a previous run saved.
 *
 * Functions can't be written to a file, so a saved entry holds the handler's NAME and its
 * arguments (JSON). Where pyTelegramBotAPI pickles a reference that Python re-imports on load,
 * Botte looks the name up in a {@link HandlerRegistry}: a named function is put there under its
 * own name when it is registered as a step, and after a restart (when nothing has registered it
 * yet) it is given to `loadNextStepHandlers({ handlers: [processNameStep, ...] })`. Inline arrows
 * have no usable name: they are kept in memory only, with a warning.
 * @module
 */
import { logger } from '../logger.js';
import {
  FileHandlerBackend,
  MemoryHandlerBackend,
  stepHandlers,
  type HandlerBackend,
  type HandlerRegistry,
  type StepEntry,
} from '../states/step-backends.js';

/** Options of `bot.enableSaveNextStepHandlers(...)` / `bot.enableSaveReplyHandlers(...)`. */
export interface SaveStepsOptions {
  /** Seconds between a change and the write (batches bursts; 0 writes at once). Default 120, as pyTelegramBotAPI. */
  delay?: number;
  /** The JSON file. Default `./.handler-saves/step.json` (next steps) or `./.handler-saves/reply.json`. */
  filename?: string;
  /** Where handler names are looked up (default: the shared `stepHandlers`). */
  registry?: HandlerRegistry;
}

/** A step callback, as registered. */
type StepCallback = StepEntry['callback'];

/** Options of `bot.loadNextStepHandlers(...)` / `bot.loadReplyHandlers(...)`. */
export interface LoadStepsOptions {
  /** The file to load (default: the file saving was enabled with, else the default file). */
  filename?: string;
  /**
   * The functions saved entries may name: named functions (registered under `fn.name`), or an
   * object `{ name: fn }`. Needed after a restart, before any of them was registered again.
   */
  handlers?: readonly StepCallback[] | Readonly<Record<string, StepCallback>>;
}

/** Which of a bot's two backends. */
export type StepKind = 'nextStep' | 'reply';

/** The default file of each kind. */
export const DEFAULT_STEP_FILES: Readonly<Record<StepKind, string>> = {
  nextStep: './.handler-saves/step.json',
  reply: './.handler-saves/reply.json',
};

/** Where the two backends live (the bot's `StepHandlers`). */
export type StepBackends = Record<StepKind, HandlerBackend>;

/** Whether `backend` keeps entries only in this process (so saving means replacing it). */
function inMemory(backend: HandlerBackend): boolean {
  return backend instanceof MemoryHandlerBackend;
}

/**
 * Starts saving `kind` handlers to a file. A backend that already persists (a FileHandlerBackend
 * on the same file, a RedisHandlerBackend or your own `nextStepBackend`) is kept as it is; the
 * handlers waiting in a memory backend move to the file backend.
 */
export function enableSave(backends: StepBackends, kind: StepKind, options: SaveStepsOptions = {}): void {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`enableSave${label(kind)}Handlers(options): options must be an object ({ delay, filename })`);
  const { delay = 120, filename = DEFAULT_STEP_FILES[kind], registry } = options;
  const current = backends[kind];
  if (current instanceof FileHandlerBackend) {
    if (
      current.filePath === filename &&
      current.delay === delay &&
      (registry === undefined || registry === current.registry)
    )
      return;
  } else if (!inMemory(current)) {
    logger.info(
      `enableSave${label(kind)}Handlers: the configured ${current.constructor.name} already keeps them; kept`,
    );
    return;
  }
  const saving = new FileHandlerBackend(filename, delay, registry ?? stepHandlers);
  backends[kind] = saving;
  moveEntries(current, saving);
}

/**
 * Moves the handlers waiting in a memory backend to the file backend that replaces it (saved
 * when named), so that none registered before saving was enabled is lost: pyTelegramBotAPI
 * likewise hands its handler dict to the new FileHandlerBackend. A failed move is logged.
 */
function moveEntries(from: HandlerBackend, to: FileHandlerBackend): void {
  if (!(from instanceof MemoryHandlerBackend) || from.size === 0) return;
  for (const [key, entries] of from.takeAll()) {
    for (const entry of entries) {
      to.register(key, entry).catch((error: unknown) =>
        logger.error(`Could not save step handlers to ${to.filePath}`, error),
      );
    }
  }
}

/**
 * Stops saving `kind` handlers: back to a memory backend, which keeps the handlers waiting (as
 * pyTelegramBotAPI does); the file is left as it is.
 */
export function disableSave(backends: StepBackends, kind: StepKind): void {
  const current = backends[kind];
  if (!(current instanceof FileHandlerBackend)) return;
  const memory = new MemoryHandlerBackend();
  // MemoryHandlerBackend.register stores at once (nothing awaited before), so no message can
  // come between the switch and the move.
  for (const [key, entries] of current.waiting()) for (const entry of entries) void memory.register(key, entry);
  backends[kind] = memory;
}

/**
 * Loads saved `kind` handlers: registers `handlers` in the backend's registry and reads the file
 * (switching to a FileHandlerBackend on `filename` when the bot was not saving there yet).
 * Resolves with how many keys (chats, messages) have handlers waiting when known.
 */
export async function loadSaved(
  backends: StepBackends,
  kind: StepKind,
  options: LoadStepsOptions = {},
): Promise<number | undefined> {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`load${label(kind)}Handlers(options): options must be an object ({ filename, handlers })`);
  let backend = backends[kind];
  const wanted = options.filename;
  if (backend instanceof FileHandlerBackend) {
    if (wanted !== undefined && wanted !== backend.filePath) {
      backend = backends[kind] = new FileHandlerBackend(wanted, backend.delay, backend.registry);
    }
  } else if (inMemory(backend)) {
    const saving = new FileHandlerBackend(wanted ?? DEFAULT_STEP_FILES[kind], 120, stepHandlers);
    moveEntries(backend, saving);
    backend = backends[kind] = saving;
  }
  const registry = (backend as { registry?: HandlerRegistry }).registry;
  const handlers = options.handlers;
  if (handlers !== undefined) {
    if (!registry)
      throw new TypeError(
        `load${label(kind)}Handlers: the configured ${backend.constructor.name} has no registry to put handlers in`,
      );
    const named: [string | undefined, unknown][] = Array.isArray(handlers)
      ? handlers.map((fn) => [undefined, fn])
      : Object.entries(handlers as Record<string, unknown>);
    for (const [name, fn] of named) {
      if (typeof fn !== 'function') throw new TypeError(`load${label(kind)}Handlers: handlers must be functions`);
      registry.add(fn as StepCallback, name ?? fn.name);
    }
  }
  if (backend instanceof FileHandlerBackend) {
    await backend.load();
    return backend.size;
  }
  return undefined;
}

function label(kind: StepKind): string {
  return kind === 'nextStep' ? 'NextStep' : 'Reply';
}
