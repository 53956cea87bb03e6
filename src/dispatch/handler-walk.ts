/**
 * The walk over the candidate handlers of one update: tests them in declaration order, runs the
 * first that passes, and the next ones while handlers return `ContinueHandling`. Synchronous as
 * long as filters and handlers are; at the first promise it continues asynchronously from where
 * it stopped.
 *
 * The state of a walk is a plain object literal, not a class instance: V8 keeps the hidden class
 * of a literal alive with the code that creates it, whereas the hidden class a constructor builds
 * field by field is dropped by a full GC when no instance is alive at that moment, and the
 * optimized code using it is thrown away with it (seen as a 3x slower first second after an
 * idle GC).
 * @module
 */
import { isThenable } from './is-thenable.js';
import { callbackDataPasses, messageBuiltinsPass, predicatesPass, type FilterContext, type HandlerEntry } from './filters.js';
import { isContinueHandling, type HandlerData } from './handler-backends.js';
import type { HandlerTable } from './handler-table.js';
import type { FilterKind } from './registrars.js';

/**
 * How a walk ends when it is the last step of an update (the pipeline's fast path). With one,
 * the promise a walk returns never rejects and has already run `settled` or `failed`, so the
 * pipeline adds no promise of its own.
 */
export interface WalkEnd {
  /** The handlers finished. Must not throw. */
  readonly settled: () => void | Promise<void>;
  /** A filter or handler failed: reports `error`. Never rejects. */
  readonly failed: (error: unknown) => Promise<void>;
}

/** One walk: where it is in the two candidate lists, and what the filters test. */
interface Walk {
  /** The general handlers (narrowed by content type for messages), in declaration order. */
  readonly general: readonly HandlerEntry[];
  /** The handlers of the update's command, in declaration order; undefined: no command. */
  readonly commandHandlers: readonly HandlerEntry[] | undefined;
  /** Next index in `general`. */
  i: number;
  /** Next index in `commandHandlers`. */
  j: number;
  /** Whether the last candidate came from `general`, whose content types are then known to pass. */
  fromGeneral: boolean;
  /** Whether `general` was narrowed by content type. */
  readonly contentTypeChecked: boolean;
  readonly filters: FilterContext;
  readonly kind: FilterKind;
  readonly obj: any;
  readonly textOrCaption: string | undefined;
  readonly data: HandlerData;
  /** Set on the pipeline's fast path: see {@link WalkEnd}. */
  readonly end: WalkEnd | undefined;
}

/**
 * Walks the handlers of `table` for `obj` (of filter kind `kind`). `command` is the update's
 * lower-cased command when it is addressed to this bot. Returns undefined when everything ran
 * synchronously, else a promise of the rest. Errors thrown synchronously propagate; later ones
 * reject the promise, or, with `end`, go to `end.failed`.
 */
export function walkHandlers(
  filters: FilterContext,
  table: HandlerTable,
  kind: FilterKind,
  obj: any,
  textOrCaption: string | undefined,
  data: HandlerData,
  command: string | undefined,
  end?: WalkEnd,
): void | Promise<void> {
  const contentType: string | undefined = kind === 'message' ? obj.content_type : undefined;
  const walk: Walk = {
    general: contentType === undefined ? table.general : table.generalFor(contentType),
    commandHandlers: command === undefined ? undefined : table.byCommand.get(command),
    i: 0,
    j: 0,
    fromGeneral: true,
    contentTypeChecked: contentType !== undefined,
    filters,
    kind,
    obj,
    textOrCaption,
    data,
    end,
  };
  return resume(walk);
}

/** The next candidate in declaration order (the two sorted lists merged), or undefined. */
function next(walk: Walk): HandlerEntry | undefined {
  const general = walk.general;
  const byCommand = walk.commandHandlers;
  if (byCommand !== undefined && walk.j < byCommand.length) {
    const fromCommand = byCommand[walk.j]!;
    if (walk.i >= general.length || fromCommand.order < general[walk.i]!.order) {
      walk.j++;
      walk.fromGeneral = false;
      return fromCommand;
    }
  }
  walk.fromGeneral = true;
  return walk.i < general.length ? general[walk.i++] : undefined;
}

/**
 * Goes on with the next candidates. The loop creates no closure: a closure capturing the loop's
 * `entry` would make V8 allocate a context for every candidate tested, so the continuations
 * live in {@link afterFilter} and {@link afterHandler}.
 */
function resume(walk: Walk): void | Promise<void> {
  // Most updates are not commands of this bot: then only the general list is walked, with the
  // index in a local variable (stored back only when the walk stops or goes asynchronous).
  if (walk.commandHandlers === undefined) return resumeGeneral(walk);
  const { kind, obj } = walk;
  for (let entry = next(walk); entry !== undefined; entry = next(walk)) {
    if (kind === 'message') {
      if (!messageBuiltinsPass(entry, obj, walk.textOrCaption, walk.contentTypeChecked && walk.fromGeneral)) continue;
    } else if (kind === 'callback' && !callbackDataPasses(entry, obj)) continue;
    if (entry.hasPredicates) {
      const passes = predicatesPass(entry, obj, walk.filters);
      if (passes === false) continue;
      if (passes !== true) return afterFilter(walk, passes, entry);
    }
    const result = entry.handler(obj, walk.data);
    if (isThenable(result)) return afterHandler(walk, result);
    if (!isContinueHandling(result)) return undefined;
  }
  return undefined;
}

/**
 * {@link resume} over the general list only. The loop body repeats resume's on purpose: this
 * loop made dispatch about 5 % faster per update than walking through next(), and moving the
 * shared filter checks into a helper function cost 5-15 % again (measured, pinned to one core).
 */
function resumeGeneral(walk: Walk): void | Promise<void> {
  const { kind, obj, general, textOrCaption } = walk;
  const contentTypeChecked = walk.contentTypeChecked;
  const count = general.length;
  for (let i = walk.i; i < count; i++) {
    const entry = general[i]!;
    if (kind === 'message') {
      if (!messageBuiltinsPass(entry, obj, textOrCaption, contentTypeChecked)) continue;
    } else if (kind === 'callback' && !callbackDataPasses(entry, obj)) continue;
    if (entry.hasPredicates) {
      const passes = predicatesPass(entry, obj, walk.filters);
      if (passes === false) continue;
      if (passes !== true) {
        walk.i = i + 1;
        return afterFilter(walk, passes, entry);
      }
    }
    const result = entry.handler(obj, walk.data);
    if (isThenable(result)) {
      walk.i = i + 1;
      return afterHandler(walk, result);
    }
    if (!isContinueHandling(result)) return undefined;
  }
  return undefined;
}

/** An asynchronous filter answered: run `entry`, or go on with the next candidates. */
function afterFilter(walk: Walk, passes: Promise<boolean>, entry: HandlerEntry): Promise<void> {
  const end = walk.end;
  if (end === undefined) return passes.then((ok) => (ok ? runEntry(walk, entry) : resume(walk)));
  return passes.then((ok) => continueToEnd(walk, ok ? entry : undefined), end.failed);
}

function runEntry(walk: Walk, entry: HandlerEntry): void | Promise<void> {
  const result = entry.handler(walk.obj, walk.data);
  if (isThenable(result)) return afterHandler(walk, result);
  return isContinueHandling(result) ? resume(walk) : undefined;
}

/** An asynchronous handler finished: go on only when it returned `ContinueHandling`. */
function afterHandler(walk: Walk, result: PromiseLike<unknown>): Promise<void> {
  const end = walk.end;
  if (end === undefined) return Promise.resolve(result).then((value) => (isContinueHandling(value) ? resume(walk) : undefined));
  return Promise.resolve(result).then((value) => (isContinueHandling(value) ? continueToEnd(walk, undefined) : end.settled()), end.failed);
}

/**
 * Goes on asynchronously with `walk.end` set: runs `entry` (else the next candidates) and ends
 * the walk. A promise coming back from {@link resume} is already ended (its own continuations
 * were made with `end`).
 */
function continueToEnd(walk: Walk, entry: HandlerEntry | undefined): void | Promise<void> {
  const end = walk.end!;
  try {
    const rest = entry === undefined ? resume(walk) : runEntry(walk, entry);
    return rest === undefined ? end.settled() : rest;
  } catch (error) {
    return end.failed(error);
  }
}
