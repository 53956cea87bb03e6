/**
 * Everything a Dispatcher has registered (handlers, custom filters, middlewares, listeners,
 * next-step/reply handlers), kept in one object so that the public class stays small and the
 * pipeline reaches it through one field.
 * @module
 */
import type { CustomFilter } from './custom-filters/base.js';
import {
  compileHandler,
  MESSAGE_ONLY_KEYS,
  resolveFilter,
  type FilterContext,
  type HandlerEntry,
  type ResolvedFilter,
  type UserFunction,
} from './filters.js';
import { HandlerTable } from './handler-table.js';
import { ClassMiddlewares, FunctionMiddlewares } from './middleware.js';
import { FILTER_KIND, REGISTRARS } from './registrars.js';
import { StepHandlers } from './step-handlers.js';
import type { UpdateType } from './types.js';
import { brandError } from '../util/error-brand.js';

const REGISTRAR_NAME: Readonly<Record<string, string>> = Object.fromEntries(
  REGISTRARS.map((row) => [row.updateType, row.name]),
);

/** A handler uses a filter key that is neither built in nor the key of an added custom filter. */
export class UnknownFilterKeyError extends TypeError {
  /**
   * @param key the unknown key
   * @param message what went wrong and how to fix it
   */
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnknownFilterKeyError';
  }
}
brandError(UnknownFilterKeyError, 'UnknownFilterKeyError');

/** A filter key's spelling-free form: `textStartsWith`, `text_startswith` and `textStartswith` meet. */
function looseKey(key: string): string {
  return key.replace(/_/g, '').toLowerCase();
}

/**
 * Custom filters by key, that also finds a filter under the spelling a user would guess
 * (`textStartsWith` for pyTelegramBotAPI's `textStartswith`, snake_case from the Python
 * examples): letter case and underscores don't count. An exact key always wins, and the loose
 * lookup only runs for keys that are not found exactly.
 */
class CustomFilterMap extends Map<string, ResolvedFilter> {
  private readonly loose = new Map<string, ResolvedFilter>();

  override set(key: string, value: ResolvedFilter): this {
    super.set(key, value);
    // Built before the fields initialise: Map's constructor calls set for its entries.
    this.loose?.set(looseKey(key), value);
    return this;
  }

  override get(key: string): ResolvedFilter | undefined {
    return super.get(key) ?? this.loose.get(looseKey(key));
  }

  override has(key: string): boolean {
    return super.has(key) || this.loose.has(looseKey(key));
  }
}

/** An update listener (`bot.setUpdateListener(fn)`). */
export type UpdateListener = (messages: any[]) => unknown;

/** The registered dispatch configuration of one bot. */
export class DispatchState implements FilterContext {
  /** Handler tables by update type (absent = no handler of that type). */
  readonly tables = new Map<string, HandlerTable>();
  /** Custom filters by key. */
  readonly customFilters: Map<string, ResolvedFilter> = new CustomFilterMap();
  /** Function middlewares, or undefined when they are not enabled. */
  readonly functionMiddlewares: FunctionMiddlewares | undefined;
  /** Class-based middlewares, or undefined when they are not enabled. */
  readonly classMiddlewares: ClassMiddlewares | undefined;
  /** Next-step and reply handlers. */
  readonly steps: StepHandlers;
  /** Update listeners, in the order they were set. */
  readonly listeners: UpdateListener[] = [];
  /** Set by the first update: from then on, an unknown custom filter key throws at registration. */
  started = false;
  private order = 0;
  private readonly reportedKeys = new Set<string>();
  /** Unknown-key errors found by {@link unknownFilterKey}, waiting to be reported. */
  readonly pendingKeyErrors: UnknownFilterKeyError[] = [];

  /**
   * @param options which middleware systems are on, and the next-step/reply backends
   */
  constructor(options: {
    functionMiddlewares: boolean;
    classMiddlewares: boolean;
    nextStepBackend: unknown;
    replyBackend: unknown;
  }) {
    this.functionMiddlewares = options.functionMiddlewares ? new FunctionMiddlewares() : undefined;
    this.classMiddlewares = options.classMiddlewares ? new ClassMiddlewares() : undefined;
    this.steps = new StepHandlers(options.nextStepBackend, options.replyBackend);
  }

  /** Compiles and registers a handler (see `HandlerSink.addHandler`). */
  addHandler(
    updateType: UpdateType,
    filters: Record<string, unknown> | undefined,
    handler: UserFunction,
    fromRegister: boolean,
  ): HandlerEntry {
    const kind = FILTER_KIND[updateType] ?? 'plain';
    const registrar = REGISTRAR_NAME[updateType] ?? updateType;
    const entry = compileHandler(handler, filters, kind, registrar, this.order++, !fromRegister);
    if (this.started) {
      for (const key of entry.customKeys) {
        if (!this.customFilters.has(key)) throw this.unknownKeyError(key, entry);
      }
    }
    let table = this.tables.get(updateType);
    if (table === undefined) {
      table = new HandlerTable();
      this.tables.set(updateType, table);
    }
    table.add(entry);
    return entry;
  }

  /** Adds (or replaces, by key) a custom filter. */
  addCustomFilter(filter: CustomFilter): void {
    const resolved = resolveFilter(filter);
    this.customFilters.set(resolved.filter.key, resolved);
  }

  /** The error for a handler using a custom filter key no filter has. */
  unknownKeyError(key: string, entry: HandlerEntry): UnknownFilterKeyError {
    const hint = MESSAGE_ONLY_KEYS.has(key)
      ? ` "${key}" is a filter of message handlers only (handleMsg, channelPostHandler, ...).`
      : ` Add the filter with bot.addCustomFilter(filter) (its "key" must be "${key}"), or fix the key's spelling.`;
    return new UnknownFilterKeyError(
      key,
      `${entry.registrar}: unknown filter key "${key}": no custom filter has this key.${hint}`,
    );
  }

  /** Every unknown custom filter key in use, as errors (one per key). */
  unknownKeys(): UnknownFilterKeyError[] {
    const errors: UnknownFilterKeyError[] = [];
    const seen = new Set<string>();
    for (const table of this.tables.values()) {
      for (const entry of table.all) {
        for (const key of entry.customKeys) {
          if (this.customFilters.has(key) || seen.has(key)) continue;
          seen.add(key);
          errors.push(this.unknownKeyError(key, entry));
        }
      }
    }
    return errors;
  }

  /**
   * Marks dispatch as started and returns the unknown-key errors to report (each key once in
   * the bot's life).
   */
  start(): UnknownFilterKeyError[] {
    this.started = true;
    const errors = this.unknownKeys().filter((error) => !this.reportedKeys.has(error.key));
    for (const error of errors) this.reportedKeys.add(error.key);
    return errors;
  }

  /** {@link FilterContext.unknownFilterKey}: queues the error once per key; the pipeline reports it. */
  unknownFilterKey(key: string, entry: HandlerEntry): void {
    if (this.reportedKeys.has(key)) return;
    this.reportedKeys.add(key);
    this.pendingKeyErrors.push(this.unknownKeyError(key, entry));
  }
}
