/**
 * The two middleware systems (docs/middleware.md).
 *
 * - Function middlewares (`apihelper.ENABLE_MIDDLEWARE` / `useMiddleware`): `(bot, obj)` before
 *   anything else sees the update, so they can modify it.
 * - Class-based middlewares (`useClassMiddlewares`): `preProcess` of every middleware listing the
 *   update type, in setup order, then the handlers, then every `postProcess` in the same order.
 * @module
 */
import { isThenable } from './is-thenable.js';
import { type BaseMiddleware, isCancelUpdate, isSkipHandler, type HandlerData } from './handler-backends.js';
import type { UserFunction } from './filters.js';
import type { FunctionMiddleware } from './types.js';
import { logger } from '../logger.js';
import { snakeToCamel } from '../types/internal.js';

/** Function middlewares: per update type, plus the ones that receive whole updates. */
export class FunctionMiddlewares {
  private readonly byType = new Map<string, FunctionMiddleware[]>();
  private readonly forWholeUpdates: FunctionMiddleware[] = [];

  /** Whether any is registered (dispatch skips the step otherwise). */
  get empty(): boolean {
    return this.byType.size === 0 && this.forWholeUpdates.length === 0;
  }

  /** Adds `middleware` for `updateTypes`, or for whole updates when none are given. */
  add(middleware: FunctionMiddleware, updateTypes: readonly string[] | undefined): void {
    if (typeof middleware !== 'function') throw new TypeError('middlewareHandler: the middleware must be a function');
    if (updateTypes === undefined || updateTypes.length === 0) {
      this.forWholeUpdates.push(middleware);
      return;
    }
    for (const type of updateTypes) {
      const list = this.byType.get(type);
      if (list) list.push(middleware);
      else this.byType.set(type, [middleware]);
    }
  }

  /**
   * Runs the middlewares of one update: whole-update ones first (they may change anything),
   * then those of its type, with the object. Errors propagate to the caller.
   */
  async run(bot: unknown, update: object, updateType: string, obj: unknown): Promise<void> {
    for (const middleware of this.forWholeUpdates) {
      const result = middleware(bot, update);
      if (isThenable(result)) await result;
    }
    const typed = this.byType.get(updateType);
    if (typed === undefined) return;
    for (const middleware of typed) {
      const result = middleware(bot, obj);
      if (isThenable(result)) await result;
    }
  }
}

/**
 * The outcome of the `preProcess` phase: run the handlers, skip them (every `postProcess` still
 * runs), or cancel the update (no handler and no `postProcess`).
 */
export type PreOutcome = 'handle' | 'skip' | 'cancel';

const capitalised = (name: string) => name.charAt(0).toUpperCase() + snakeToCamel(name).slice(1);

/** Class-based middlewares, in setup order, with a per-update-type cache of who listens. */
export class ClassMiddlewares {
  private readonly all: BaseMiddleware[] = [];
  private readonly cache = new Map<string, BaseMiddleware[]>();
  private readonly warnedMissing = new Set<string>();

  /** Whether any is set up. */
  get empty(): boolean {
    return this.all.length === 0;
  }

  /** Adds a middleware (see {@link BaseMiddleware}). */
  add(middleware: BaseMiddleware): void {
    if (middleware === null || typeof middleware !== 'object' || !Array.isArray(middleware.updateTypes)) {
      throw new TypeError('setupMiddleware: a middleware needs an "updateTypes" array (the update types it handles)');
    }
    this.all.push(middleware);
    this.cache.clear();
  }

  /** The middlewares listening to `updateType`, in setup order. */
  for(updateType: string): readonly BaseMiddleware[] {
    let list = this.cache.get(updateType);
    if (list === undefined) {
      list = this.all.filter((middleware) => middleware.updateTypes.includes(updateType));
      this.cache.set(updateType, list);
    }
    return list;
  }

  private method(
    middleware: BaseMiddleware,
    phase: 'preProcess' | 'postProcess',
    updateType: string,
  ): UserFunction | undefined {
    if (!middleware.updateSensitive) return middleware[phase];
    const name = phase + capitalised(updateType);
    const method = (middleware as unknown as Record<string, unknown>)[name];
    if (typeof method === 'function') return method as UserFunction;
    // The Python library logs a missing per-type method and skips it; once per name is enough.
    const warnKey = `${middleware.constructor.name}.${name}`;
    if (!this.warnedMissing.has(warnKey)) {
      this.warnedMissing.add(warnKey);
      logger.error(`${middleware.constructor.name} is updateSensitive but has no ${name} method; skipped`);
    }
    return undefined;
  }

  /**
   * Runs `preProcess` of each middleware in `list`; stops at a `CancelUpdate`, remembers a
   * `SkipHandler` but lets the remaining middlewares run. Errors propagate.
   */
  async pre(list: readonly BaseMiddleware[], updateType: string, obj: unknown, data: HandlerData): Promise<PreOutcome> {
    let outcome: PreOutcome = 'handle';
    for (const middleware of list) {
      const method = this.method(middleware, 'preProcess', updateType);
      if (method === undefined) continue;
      let result = method.call(middleware, obj, data);
      if (isThenable(result)) result = await result;
      if (isCancelUpdate(result)) return 'cancel';
      if (isSkipHandler(result)) outcome = 'skip';
    }
    return outcome;
  }

  /**
   * Runs `postProcess` of each middleware in `list` (same order as `pre`) with the handler's
   * error. An error of one `postProcess` is given to `onError` and the others still run.
   */
  async post(
    list: readonly BaseMiddleware[],
    updateType: string,
    obj: unknown,
    data: HandlerData,
    exception: unknown,
    onError: (error: unknown) => Promise<unknown>,
  ): Promise<void> {
    for (const middleware of list) {
      const method = this.method(middleware, 'postProcess', updateType);
      if (method === undefined) continue;
      try {
        const result = method.call(middleware, obj, data, exception);
        if (isThenable(result)) await result;
      } catch (error) {
        await onError(error);
      }
    }
  }
}
