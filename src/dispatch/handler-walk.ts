/**
 * The walk over the candidate handlers of one update: tests them in declaration order, runs the
 * first that passes, and the next ones while handlers return `ContinueHandling`. Synchronous as
 * long as filters and handlers are; at the first promise it continues asynchronously from where
 * it stopped (see {@link MaybeAsync}).
 *
 * The state of a walk is a plain object literal, not a class instance: V8 keeps the hidden class
 * of a literal alive with the code that creates it, whereas the hidden class a constructor builds
 * field by field is dropped by a full GC when no instance is alive at that moment, and the
 * optimized code using it is thrown away with it (seen as a 3x slower first second after an
 * idle GC).
 * @module
 */
import { isThenable } from './is-thenable.js';
import {
  callbackDataPasses,
  messageBuiltinsPass,
  predicatesPass,
  type FilterContext,
  type HandlerEntry,
} from './filters.js';
import { isContinueHandling, type HandlerData } from './handler-backends.js';
import type { HandlerTable } from './handler-table.js';
import type { MaybeAsync } from './maybe-async.js';
import type { FilterKind } from './registrars.js';

/**
 * How a walk ends once it went asynchronous: the promise a walk returns never rejects and has
 * already run `settled` or `failed`, so the caller adds no promise of its own. A walk that finished
 * synchronously returns undefined and calls neither (the caller goes on itself).
 */
export interface WalkEnd {
  /** The handlers finished. Must not throw. */
  readonly settled: () => MaybeAsync;
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
  readonly end: WalkEnd;
}

/**
 * Walks the handlers of `table` for a message-like update `message` (with `content_type`).
 * `command` is its lower-cased command when it is addressed to this bot. Errors thrown
 * synchronously propagate; later ones go to `end.failed` (see {@link WalkEnd}).
 */
export function walkMessageHandlers(
  filters: FilterContext,
  table: HandlerTable,
  message: any,
  command: string | undefined,
  data: HandlerData,
  end: WalkEnd,
): MaybeAsync {
  const contentType: string | undefined = message.content_type;
  return resume({
    general: contentType === undefined ? table.general : table.generalFor(contentType),
    commandHandlers: command === undefined ? undefined : table.byCommand.get(command),
    i: 0,
    j: 0,
    fromGeneral: true,
    contentTypeChecked: contentType !== undefined,
    filters,
    kind: 'message',
    obj: message,
    textOrCaption: message.text ?? message.caption,
    data,
    end,
  });
}

/** {@link walkMessageHandlers} for the other update types (`kind` 'callback' or 'plain'). */
export function walkHandlers(
  filters: FilterContext,
  table: HandlerTable,
  kind: Exclude<FilterKind, 'message'>,
  obj: any,
  data: HandlerData,
  end: WalkEnd,
): MaybeAsync {
  return resume({
    general: table.general,
    commandHandlers: undefined,
    i: 0,
    j: 0,
    fromGeneral: true,
    contentTypeChecked: false,
    filters,
    kind,
    obj,
    textOrCaption: undefined,
    data,
    end,
  });
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
function resume(walk: Walk): MaybeAsync {
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

/** An asynchronous filter answered: run `entry`, or go on with the next candidates. */
function afterFilter(walk: Walk, passes: Promise<boolean>, entry: HandlerEntry): Promise<void> {
  return passes.then((ok) => continueToEnd(walk, ok ? entry : undefined), walk.end.failed);
}

/** An asynchronous handler finished: go on only when it returned `ContinueHandling`. */
function afterHandler(walk: Walk, result: PromiseLike<unknown>): Promise<void> {
  const end = walk.end;
  return Promise.resolve(result).then(
    (value) => (isContinueHandling(value) ? continueToEnd(walk, undefined) : end.settled()),
    end.failed,
  );
}

/**
 * Goes on asynchronously: runs `entry` (else the next candidates) and ends the walk. A promise
 * coming back from {@link resume} is already ended (its own continuations end it).
 */
function continueToEnd(walk: Walk, entry: HandlerEntry | undefined): MaybeAsync {
  const end = walk.end;
  try {
    let rest: MaybeAsync;
    if (entry === undefined) rest = resume(walk);
    else {
      const result = entry.handler(walk.obj, walk.data);
      rest = isThenable(result) ? afterHandler(walk, result) : isContinueHandling(result) ? resume(walk) : undefined;
    }
    return rest === undefined ? end.settled() : rest;
  } catch (error) {
    return end.failed(error);
  }
}
