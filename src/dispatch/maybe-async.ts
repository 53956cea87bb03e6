/**
 * The "maybe synchronous" return of the dispatch hot path, named once here.
 * @module
 */

/**
 * What the handling of an update (and each part of it: the handler walk, the pipeline,
 * `Dispatcher.runUpdate`) returns: `undefined` when it finished synchronously, else a promise of
 * the rest. Most updates meet only synchronous filters and handlers; returning a promise for them
 * all would cost a promise and a microtask per update. Callers test for `undefined` (or wrap it:
 * `runUpdate(update) ?? SETTLED`). Whether the promise may reject is said by the function returning it.
 */
export type MaybeAsync = Promise<void> | undefined;
