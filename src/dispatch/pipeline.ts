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
 * Steps 2-6 are declared once, in {@link PIPELINE_STEPS}; the fast path of {@link UpdatePipeline.run}
 * is taken when none of them takes part in an update, so a step added there cannot be skipped.
 *
 * Hot path: with synchronous filters and handlers and nothing but handlers registered, dispatch
 * creates no promise and allocates one small object per update (the walk's state); an
 * asynchronous handler adds no promise of the pipeline's own (the walk ends the update).
 * @module
 */
import { isThenable } from './is-thenable.js';
import type { UserFromGetMe } from '../api/generated/telegram-types.js';
import { isOwnUsername } from './own-usernames.js';
import { enrichUpdate } from '../types/message.js';
import { logger } from '../logger.js';
import type { DispatchState } from './dispatch-state.js';
import type { HandlerData } from './handler-backends.js';
import { parseCommand, type HandlerTable, type ParsedCommand } from './handler-table.js';
import { walkHandlers, walkMessageHandlers, type WalkEnd } from './handler-walk.js';
import type { MaybeAsync } from './maybe-async.js';
import { FILTER_KIND } from './registrars.js';
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

/** One step of the handling of an update besides the plain handler walk (steps 2-6 of the module comment). */
interface PipelineStep {
  /**
   * Whether the step takes part in this update: cheap and synchronous, asked for every update.
   * When it says false, running the step would change nothing.
   */
  takesPart(state: DispatchState, updateType: string, obj: any): boolean;
  /** Runs the step (its errors are its own to report); resolves true when the update's handling ends here. */
  run(
    bot: PipelineHost,
    state: DispatchState,
    update: object,
    updateType: string,
    obj: any,
    end: WalkEnd,
  ): Promise<boolean>;
}

/**
 * Every step, in order. The fast path runs only when no step takes part; otherwise
 * {@link runFullPipeline} runs those that do, then the handlers (unless a step ended the update).
 */
const PIPELINE_STEPS: readonly PipelineStep[] = [
  {
    // 2. Function middlewares: they may change the update, so everything after sees their changes.
    takesPart: (state) => state.functionMiddlewares !== undefined && !state.functionMiddlewares.empty,
    async run(bot, state, update, updateType, obj) {
      try {
        await state.functionMiddlewares!.run(bot, update, updateType, obj);
        return false;
      } catch (error) {
        // A middleware that failed may have left the update half-changed: skip it either way.
        if (bot.options.suppressMiddlewareExceptions)
          logger.warn('A function middleware failed; update skipped', error);
        else await bot.reportError(error);
        return true;
      }
    },
  },
  {
    // 3. Update listeners, each called with `[message]`.
    takesPart: (state, updateType) => updateType === 'message' && state.listeners.length > 0,
    async run(bot, state, _update, _updateType, obj) {
      const batch = [obj];
      for (const listener of state.listeners) {
        try {
          const result = listener(batch);
          if (isThenable(result)) await result;
        } catch (error) {
          await bot.reportError(error);
        }
      }
      return false;
    },
  },
  {
    // 4-5. Next-step handlers of the chat (they alone get the message), else reply handlers.
    takesPart: (state, updateType, obj) => STEP_TYPES.has(updateType) && state.steps.mayWaitFor(obj),
    async run(bot, state, _update, _updateType, obj) {
      const nextSteps = await state.steps.takeNext(obj);
      if (nextSteps.length > 0) {
        for (const entry of nextSteps) await runCallback(bot, entry.callback, obj, entry.args);
        return true;
      }
      const replies = await state.steps.takeReply(obj);
      for (const entry of replies) await runCallback(bot, entry.callback, obj, entry.args);
      return false;
    },
  },
  {
    // 6. Class middlewares around the handlers: preProcess, the handler walk, postProcess.
    takesPart: (state, updateType) => {
      const middlewares = state.classMiddlewares;
      return middlewares !== undefined && !middlewares.empty && middlewares.for(updateType).length > 0;
    },
    async run(bot, state, _update, updateType, obj) {
      const middlewares = state.classMiddlewares!;
      const listening = middlewares.for(updateType);
      const data = {} as HandlerData;
      const outcome = await middlewares.pre(listening, updateType, obj, data);
      if (outcome === 'cancel') return true;
      let exception: unknown;
      const table = state.tables.get(updateType);
      if (outcome === 'handle' && table !== undefined) {
        const end: WalkEnd = {
          settled: () => undefined,
          failed: async (error) => {
            exception = error;
            await bot.reportError(error);
          },
        };
        try {
          const running = dispatchToHandlers(bot, state, table, updateType, obj, data, end);
          if (running !== undefined) await running;
        } catch (error) {
          await end.failed(error);
        }
      }
      await middlewares.post(listening, updateType, obj, data, exception, (error) => bot.reportError(error));
      return true;
    },
  },
];

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
  readonly settled: () => MaybeAsync;
  /** Ends an update whose handlers failed: reports the error (the update is done after that). */
  readonly failed: (error: unknown) => Promise<void>;

  /** @param bot the bot (error sink, getMe) @param state what the bot registered */
  constructor(
    private readonly bot: PipelineHost,
    private readonly state: DispatchState,
  ) {
    this.settled = () => (state.pendingKeyErrors.length > 0 ? reportKeyErrors(bot, state) : undefined);
    this.failed = (error) => reportThenKeyErrors(bot, state, error);
  }

  /** Handles one update; a promise it returns never rejects (errors go to the bot's exception handler). */
  run(update: object): MaybeAsync {
    const { bot, state } = this;
    try {
      // A malformed update is reported once and skipped (see malformed-update.ts).
      const problem = updateProblem(update);
      if (problem !== undefined) return this.failed(new MalformedUpdateError(problem, update));
      enrichUpdate(update);
      const updateType = updateTypeOf(update);
      if (!state.started || updateType === undefined) return runFullPipeline(bot, state, update, updateType, this);
      const obj = (update as Record<string, any>)[updateType];
      for (let i = 0; i < PIPELINE_STEPS.length; i++) {
        if (PIPELINE_STEPS[i]!.takesPart(state, updateType, obj))
          return runFullPipeline(bot, state, update, updateType, this);
      }
      // The common case: no step takes part, so only the handlers run, and a synchronous
      // handler makes no promise at all. The walk is the update's last step: its promise comes
      // back already ended (see WalkEnd).
      const table = state.tables.get(updateType);
      const running =
        table === undefined
          ? undefined
          : dispatchToHandlers(bot, state, table, updateType, obj, {} as HandlerData, this);
      return running !== undefined ? running : this.settled();
    } catch (error) {
      return this.failed(error);
    }
  }
}

async function reportKeyErrors(bot: PipelineHost, state: DispatchState): Promise<void> {
  for (const error of state.pendingKeyErrors.splice(0)) await bot.reportError(error);
}

async function reportThenKeyErrors(bot: PipelineHost, state: DispatchState, error: unknown): Promise<void> {
  await bot.reportError(error);
  if (state.pendingKeyErrors.length > 0) await reportKeyErrors(bot, state);
}

/**
 * Every step of the module comment, for an update that the fast path of {@link UpdatePipeline.run}
 * cannot take: the steps of {@link PIPELINE_STEPS} that take part, then the handlers.
 */
async function runFullPipeline(
  bot: PipelineHost,
  state: DispatchState,
  update: object,
  updateType: string | undefined,
  end: WalkEnd,
): Promise<void> {
  try {
    if (!state.started) {
      for (const error of state.start()) await bot.reportError(error);
    }
    if (updateType === undefined) return;
    const obj = (update as Record<string, any>)[updateType];
    for (const step of PIPELINE_STEPS) {
      if (step.takesPart(state, updateType, obj) && (await step.run(bot, state, update, updateType, obj, end))) return;
    }
    const table = state.tables.get(updateType);
    const running =
      table === undefined ? undefined : dispatchToHandlers(bot, state, table, updateType, obj, {} as HandlerData, end);
    if (running !== undefined) await running;
  } catch (error) {
    await bot.reportError(error);
  } finally {
    if (state.pendingKeyErrors.length > 0) await reportKeyErrors(bot, state);
  }
}

async function runCallback(
  bot: PipelineHost,
  callback: (...args: any[]) => unknown,
  obj: unknown,
  args: unknown[],
): Promise<void> {
  try {
    const result = callback(obj, ...args);
    if (isThenable(result)) await result;
  } catch (error) {
    await bot.reportError(error);
  }
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
 * while handlers return `ContinueHandling`). Errors thrown synchronously propagate; a returned
 * promise is ended by `end` (see {@link WalkEnd}).
 */
function dispatchToHandlers(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable,
  updateType: string,
  obj: any,
  data: HandlerData,
  end: WalkEnd,
): MaybeAsync {
  const kind = FILTER_KIND[updateType] ?? 'plain';
  if (kind !== 'message') return walkHandlers(state, table, kind, obj, data, end);
  const parsed = table.hasCommands ? parseCommand(obj.text ?? obj.caption) : undefined;
  if (parsed === undefined || parsed.target === undefined)
    return walkMessageHandlers(state, table, obj, parsed?.name, data, end);
  // `/cmd@name`: ours only if name is one of our usernames (BotFullInfo: username and
  // active_usernames), known after the first getMe (polling asks it at start), so there is no
  // call per update.
  const known = bot.botInfo;
  if (known !== undefined)
    return walkMessageHandlers(
      state,
      table,
      obj,
      isOwnUsername(known, parsed.target) ? parsed.name : undefined,
      data,
      end,
    );
  return walkAsUsername(bot, state, table, obj, data, parsed, end);
}

/**
 * The walk of `/cmd@name` before getMe's answer is known: asks it first. Its own function: the
 * closure here, were it in dispatchToHandlers, would cost every update a context.
 */
function walkAsUsername(
  bot: PipelineHost,
  state: DispatchState,
  table: HandlerTable,
  obj: any,
  data: HandlerData,
  parsed: ParsedCommand,
  end: WalkEnd,
): Promise<void> {
  return ownInfo(bot).then((me) => {
    try {
      return (
        walkMessageHandlers(
          state,
          table,
          obj,
          isOwnUsername(me, parsed.target!) ? parsed.name : undefined,
          data,
          end,
        ) ?? end.settled()
      );
    } catch (error) {
      return end.failed(error);
    }
  });
}
