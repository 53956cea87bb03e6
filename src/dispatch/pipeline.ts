/**
 * The handling of one update, in this order:
 * 1. enrich it (`content_type`, `from_user`);
 * 2. function middlewares (they may change the update, so everything after sees their changes);
 * 3. update listeners (`message` updates only, each called with `[message]`);
 * 4. next-step handlers of the chat: if any waits, the message goes to them ONLY, and stops here;
 * 5. reply handlers of the message replied to (the message goes on to the handlers too);
 * 6. class middlewares' `preProcess`, the first matching handler (more with `ContinueHandling`),
 *    class middlewares' `postProcess`.
 *
 * Every error is caught and reported; the returned promise never rejects.
 * @module
 */
import type { UserFromGetMe } from '@grammyjs/types';
import { enrichUpdate } from '../types/message.js';
import { logger } from '../logger.js';
import type { DispatchState } from './dispatch-state.js';
import { callbackDataPasses, messageBuiltinsPass, predicatesPass } from './filters.js';
import { isContinueHandling, type HandlerData } from './handler-backends.js';
import { CandidateCursor, parseCommand, type HandlerTable } from './handler-table.js';
import { FILTER_KIND, type FilterKind } from './registrars.js';

/** What the pipeline needs from the bot. */
export interface PipelineHost {
  /** getMe's answer once known. */
  botInfo?: UserFromGetMe;
  /** getMe, asked once and cached. */
  readonly user: Promise<UserFromGetMe>;
  /** `options.suppressMiddlewareExceptions`. */
  readonly options: { suppressMiddlewareExceptions?: boolean };
  /** The bot's error sink (never throws). */
  reportError(error: unknown): Promise<boolean>;
}

/** Update types whose messages next-step and reply handlers wait for (new messages, not edits). */
const STEP_TYPES: ReadonlySet<string> = new Set(['message', 'channel_post', 'business_message', 'guest_message']);

const NO_MIDDLEWARES: readonly never[] = [];

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return value !== null && typeof value === 'object' && typeof (value as PromiseLike<unknown>).then === 'function';
}

/** The update type of `update`: its one field besides `update_id`. */
export function updateTypeOf(update: object): string | undefined {
  for (const key in update) {
    if (key !== 'update_id' && (update as Record<string, unknown>)[key] !== undefined) return key;
  }
  return undefined;
}

/** Runs the whole handling of one update (see the module comment). Never rejects. */
export async function runUpdate(bot: PipelineHost, state: DispatchState, update: object): Promise<void> {
  try {
    enrichUpdate(update);
    if (!state.started) {
      for (const error of state.start()) await bot.reportError(error);
    }
    const updateType = updateTypeOf(update);
    if (updateType === undefined) return;
    const obj = (update as Record<string, any>)[updateType];

    const functionMiddlewares = state.functionMiddlewares;
    if (functionMiddlewares !== undefined && !functionMiddlewares.empty) {
      try {
        await functionMiddlewares.run(bot, update, updateType, obj);
      } catch (error) {
        // A middleware that failed may have left the update half-changed: skip it either way.
        if (bot.options.suppressMiddlewareExceptions) logger.warn('A function middleware failed; update skipped', error);
        else await bot.reportError(error);
        return;
      }
    }

    if (updateType === 'message' && state.listeners.length > 0) {
      const batch = [obj];
      for (const listener of state.listeners) {
        try {
          const result = listener(batch);
          if (isThenable(result)) await result;
        } catch (error) {
          await bot.reportError(error);
        }
      }
    }

    if (STEP_TYPES.has(updateType)) {
      const nextSteps = await state.steps.takeNext(obj);
      if (nextSteps.length > 0) {
        for (const entry of nextSteps) await runCallback(bot, entry.callback, obj, entry.args);
        return;
      }
      const replies = await state.steps.takeReply(obj);
      for (const entry of replies) await runCallback(bot, entry.callback, obj, entry.args);
    }

    await runHandlers(bot, state, updateType, obj);
  } catch (error) {
    await bot.reportError(error);
  } finally {
    if (state.pendingKeyErrors.length > 0) {
      for (const error of state.pendingKeyErrors.splice(0)) await bot.reportError(error);
    }
  }
}

async function runCallback(bot: PipelineHost, callback: (...args: any[]) => unknown, obj: unknown, args: unknown[]): Promise<void> {
  try {
    const result = callback(obj, ...args);
    if (isThenable(result)) await result;
  } catch (error) {
    await bot.reportError(error);
  }
}

async function runHandlers(bot: PipelineHost, state: DispatchState, updateType: string, obj: any): Promise<void> {
  const table = state.tables.get(updateType);
  const middlewares = state.classMiddlewares;
  const listening = middlewares === undefined || middlewares.empty ? NO_MIDDLEWARES : middlewares.for(updateType);
  const data: HandlerData = {};
  if (listening.length === 0) {
    if (table !== undefined) await dispatchToHandlers(bot, state, table, FILTER_KIND[updateType] ?? 'plain', obj, data);
    return;
  }
  const outcome = await middlewares!.pre(listening, updateType, obj, data);
  if (outcome === 'cancel') return;
  let exception: unknown;
  if (outcome === 'handle' && table !== undefined) {
    try {
      await dispatchToHandlers(bot, state, table, FILTER_KIND[updateType] ?? 'plain', obj, data);
    } catch (error) {
      exception = error;
      await bot.reportError(error);
    }
  }
  await middlewares!.post(listening, updateType, obj, data, exception, (error) => bot.reportError(error));
}

/** The bot's username, lower-cased; undefined when getMe fails (the failure is reported). */
async function ownUsername(bot: PipelineHost): Promise<string | undefined> {
  try {
    return (await bot.user).username?.toLowerCase();
  } catch (error) {
    await bot.reportError(error);
    return undefined;
  }
}

/**
 * Tests the candidates in declaration order and runs the first that passes (and the next ones
 * while handlers return `ContinueHandling`). Errors of filters and handlers propagate.
 */
async function dispatchToHandlers(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable,
  kind: FilterKind,
  obj: any,
  data: HandlerData,
): Promise<void> {
  let command: string | undefined;
  let textOrCaption: string | undefined;
  if (kind === 'message') {
    textOrCaption = obj.text ?? obj.caption;
    if (table.hasCommands) {
      const parsed = parseCommand(textOrCaption);
      if (parsed !== undefined) {
        if (parsed.target === undefined) command = parsed.name;
        else {
          // Known after the first getMe (polling asks it at start): no call per update.
          const me = bot.botInfo?.username?.toLowerCase() ?? (await ownUsername(bot));
          if (me === parsed.target) command = parsed.name;
        }
      }
    }
  }
  const cursor = new CandidateCursor().reset(table, command);
  for (let entry = cursor.next(); entry !== undefined; entry = cursor.next()) {
    if (kind === 'message') {
      if (!messageBuiltinsPass(entry, obj, textOrCaption)) continue;
    } else if (kind === 'callback' && !callbackDataPasses(entry, obj)) continue;
    let passes = predicatesPass(entry, obj, state);
    if (passes !== true && passes !== false) passes = await passes;
    if (!passes) continue;
    let result = entry.handler(obj, data);
    if (isThenable(result)) result = await result;
    if (!isContinueHandling(result)) return;
  }
}
