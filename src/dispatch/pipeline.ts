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
 * Every error is caught and reported; the returned promise never rejects. An error thrown by a
 * filter (`func`, a custom filter) or by a class middleware's `preProcess` ends the handling of
 * that update: no later handler runs, since it is unknown whether the failed one would have
 * matched. A handler's error is given to every `postProcess` too. Other updates are not affected.
 *
 * Hot path: with synchronous filters and handlers and nothing but handlers registered, dispatch
 * creates no promise and allocates one small object per update (the walk's state); an
 * asynchronous handler adds one promise for the pipeline.
 * @module
 */
import { isThenable } from './is-thenable.js';
import type { UserFromGetMe } from '../api/generated/telegram-types.js';
import { isOwnUsername } from './own-usernames.js';
import { enrichUpdate } from '../types/message.js';
import { logger } from '../logger.js';
import type { DispatchState } from './dispatch-state.js';
import type { BaseMiddleware, HandlerData } from './handler-backends.js';
import { parseCommand, type HandlerTable, type ParsedCommand } from './handler-table.js';
import { walkHandlers, type WalkEnd } from './handler-walk.js';
import { FILTER_KIND, type FilterKind } from './registrars.js';
import { MalformedUpdateError, updateProblem } from './malformed-update.js';

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

/** The update type of `update`: its one field besides `update_id`. */
export function updateTypeOf(update: object): string | undefined {
  // Most updates are new messages: one named load instead of walking the keys.
  if ((update as { message?: unknown }).message !== undefined) return 'message';
  for (const key in update) {
    if (key !== 'update_id' && (update as Record<string, unknown>)[key] !== undefined) return key;
  }
  return undefined;
}

/**
 * The pipeline of one bot: {@link UpdatePipeline.run} handles one update (see the module
 * comment). Made once per bot, so that the callbacks ending an update are made once too.
 */
export class UpdatePipeline implements WalkEnd {
  /** Ends an update whose handlers finished: reports the unknown filter keys they met. */
  readonly settled: () => Promise<void> | undefined;
  /** Ends an update whose handlers failed: reports the error (the update is done after that). */
  readonly failed: (error: unknown) => Promise<void>;

  /** @param bot the bot (error sink, getMe) @param state what the bot registered */
  constructor(private readonly bot: PipelineHost, private readonly state: DispatchState) {
    this.settled = () => (state.pendingKeyErrors.length > 0 ? reportKeyErrors(bot, state) : undefined);
    this.failed = (error) => reportThenKeyErrors(bot, state, error);
  }

  /**
   * Handles one update. Returns undefined when everything ran synchronously, else a promise of
   * the rest; the promise never rejects (errors go to the bot's exception handler).
   */
  run(update: object): Promise<void> | undefined {
    const { bot, state } = this;
    try {
      // A malformed update is reported once and skipped (see malformed-update.ts).
      const problem = updateProblem(update);
      if (problem !== undefined) return this.failed(new MalformedUpdateError(problem, update));
      enrichUpdate(update);
      const updateType = updateTypeOf(update);
      // The common case: no middleware, listener or waiting step handler, so only the handlers
      // run, and a synchronous handler makes no promise at all.
      if (!state.started || updateType === undefined || this.needsFullPipeline(updateType, update)) {
        return runFullPipeline(bot, state, update, updateType);
      }
      const table = state.tables.get(updateType);
      // The walk is the update's last step: its promise comes back already ended (see WalkEnd).
      const running = table === undefined ? undefined : dispatchToHandlers(bot, state, table, FILTER_KIND[updateType] ?? 'plain', (update as Record<string, any>)[updateType], {} as HandlerData, this);
      return running !== undefined ? (running as Promise<void>) : this.settled();
    } catch (error) {
      return this.failed(error);
    }
  }

  /** Whether anything besides the handlers may take part in this update. */
  private needsFullPipeline(updateType: string, update: object): boolean {
    const state = this.state;
    if (state.functionMiddlewares !== undefined && !state.functionMiddlewares.empty) return true;
    if (updateType === 'message' && state.listeners.length > 0) return true;
    const middlewares = state.classMiddlewares;
    if (middlewares !== undefined && !middlewares.empty && middlewares.for(updateType).length > 0) return true;
    return STEP_TYPES.has(updateType) && state.steps.mayWaitFor((update as Record<string, any>)[updateType]);
  }
}

async function reportKeyErrors(bot: PipelineHost, state: DispatchState): Promise<void> {
  for (const error of state.pendingKeyErrors.splice(0)) await bot.reportError(error);
}

async function reportThenKeyErrors(bot: PipelineHost, state: DispatchState, error: unknown): Promise<void> {
  await bot.reportError(error);
  if (state.pendingKeyErrors.length > 0) await reportKeyErrors(bot, state);
}

/** Every step of the module comment, for an update that the fast path of {@link UpdatePipeline.run} cannot take. */
async function runFullPipeline(bot: PipelineHost, state: DispatchState, update: object, updateType: string | undefined): Promise<void> {
  try {
    if (!state.started) {
      for (const error of state.start()) await bot.reportError(error);
    }
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

    if (STEP_TYPES.has(updateType) && state.steps.mayWaitFor(obj)) {
      const nextSteps = await state.steps.takeNext(obj);
      if (nextSteps.length > 0) {
        for (const entry of nextSteps) await runCallback(bot, entry.callback, obj, entry.args);
        return;
      }
      const replies = await state.steps.takeReply(obj);
      for (const entry of replies) await runCallback(bot, entry.callback, obj, entry.args);
    }

    const running = runHandlers(bot, state, updateType, obj);
    if (running !== undefined) await running;
  } catch (error) {
    await bot.reportError(error);
  } finally {
    if (state.pendingKeyErrors.length > 0) await reportKeyErrors(bot, state);
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

function runHandlers(bot: PipelineHost, state: DispatchState, updateType: string, obj: any): void | Promise<void> {
  const table = state.tables.get(updateType);
  const middlewares = state.classMiddlewares;
  const listening = middlewares === undefined || middlewares.empty ? NO_MIDDLEWARES : middlewares.for(updateType);
  if (listening.length === 0) {
    return table === undefined ? undefined : dispatchToHandlers(bot, state, table, FILTER_KIND[updateType] ?? 'plain', obj, {} as HandlerData);
  }
  return withClassMiddlewares(bot, state, table, updateType, obj, listening);
}

async function withClassMiddlewares(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable | undefined,
  updateType: string,
  obj: any,
  listening: readonly BaseMiddleware[],
): Promise<void> {
  const middlewares = state.classMiddlewares!;
  const data = {} as HandlerData;
  const outcome = await middlewares.pre(listening, updateType, obj, data);
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
  await middlewares.post(listening, updateType, obj, data, exception, (error) => bot.reportError(error));
}

/** getMe's answer; undefined when getMe fails (the failure is reported). */
async function ownInfo(bot: PipelineHost): Promise<UserFromGetMe | undefined> {
  try {
    return await bot.user;
  } catch (error) {
    await bot.reportError(error);
    return undefined;
  }
}

/**
 * Tests the candidates in declaration order and runs the first that passes (and the next ones
 * while handlers return `ContinueHandling`). Returns undefined when everything was synchronous,
 * else a promise of the rest. Errors of filters and handlers propagate (throw or reject), except
 * that with `end` a returned promise is ended (see {@link WalkEnd}).
 */
function dispatchToHandlers(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable,
  kind: FilterKind,
  obj: any,
  data: HandlerData,
  end?: WalkEnd,
): void | Promise<void> {
  if (kind !== 'message') return walkHandlers(state, table, kind, obj, undefined, data, undefined, end);
  const textOrCaption: string | undefined = obj.text ?? obj.caption;
  const parsed = table.hasCommands ? parseCommand(textOrCaption) : undefined;
  if (parsed === undefined || parsed.target === undefined) {
    return walkHandlers(state, table, kind, obj, textOrCaption, data, parsed?.name, end);
  }
  // `/cmd@name`: ours only if name is one of our usernames (BotFullInfo: username and
  // active_usernames), known after the first getMe (polling asks it at start), so there is no
  // call per update.
  const known = bot.botInfo;
  if (known !== undefined) {
    const command = isOwnUsername(known, parsed.target) ? parsed.name : undefined;
    return walkHandlers(state, table, kind, obj, textOrCaption, data, command, end);
  }
  return walkAsUsername(bot, state, table, obj, textOrCaption, data, parsed, end);
}

/**
 * The walk of `/cmd@name` before getMe's answer is known: asks it first. Its own function: the
 * closures here, were they in dispatchToHandlers, would cost every update a context.
 */
function walkAsUsername(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable,
  obj: any,
  textOrCaption: string | undefined,
  data: HandlerData,
  parsed: ParsedCommand,
  end: WalkEnd | undefined,
): Promise<void> {
  const walkAs = (me: UserFromGetMe | undefined) =>
    walkHandlers(state, table, 'message', obj, textOrCaption, data, isOwnUsername(me, parsed.target!) ? parsed.name : undefined, end);
  if (end === undefined) return ownInfo(bot).then(walkAs);
  return ownInfo(bot).then((me) => {
    try {
      return walkAs(me) ?? end.settled();
    } catch (error) {
      return end.failed(error);
    }
  });
}
