/**
 * `states.StateMiddleware`: pyTelegramBotAPI's `StateMiddleware`, a class-based middleware that
 * gives every handler the state of its conversation as `data.state` (a {@link StateContext}).
 * ```ts
 * bot.setupMiddleware(new states.StateMiddleware(bot));
 * bot.handleMsg({ commands: ['start'] }, async (message, data) => {
 *   await data.state.set(MyStates.name);
 * });
 * ```
 * @module
 */
import { BaseMiddleware, type HandlerData } from './handler-backends.js';
import { updateTypes } from '../util/constants.js';
import { StateContext, type StateMethods } from '../states/bot-states.js';
import { resolveStateContext } from '../states/context.js';

/**
 * The `data` of handlers on a bot with a {@link StateMiddleware}: the handlers' own `data` type,
 * which already declares `state` and `stateContext` (see `HandlerData` in
 * `src/dispatch/handler-backends.ts`). Kept as a name for code that casts to it.
 */
export type StateHandlerData = HandlerData;

/**
 * Puts a {@link StateContext} at `data.state` (and, as pyTelegramBotAPI also does, at
 * `data.stateContext`) for every update that belongs to a user: messages, callback queries,
 * inline queries, business messages, chat member updates, ... (see `resolveStateContext`).
 * Keys follow the update: the chat and the user, the forum topic of a topic message and the
 * business connection of a business update. Updates without a user (a Poll, anonymous reaction
 * counts) get no `state`.
 *
 * `AsyncBotte` takes it as it is; a `Botte` needs `{ useClassMiddlewares: true }`, as in
 * pyTelegramBotAPI. Works with every state storage: it goes through the bot's state methods.
 */
export class StateMiddleware extends BaseMiddleware {
  /** Every update type. */
  updateTypes: string[] = [...updateTypes];

  /** @param bot the bot (or a `BotStates`) whose state storage the contexts use */
  constructor(private readonly bot: StateMethods) {
    super();
    const methods = bot as Partial<StateMethods> | null | undefined;
    if (typeof methods?.setState !== 'function' || typeof methods.retrieveData !== 'function') {
      throw new TypeError('new states.StateMiddleware(bot): pass the bot (anything with setState, getState, ... )');
    }
  }

  /** Adds `data.state` and `data.stateContext` when the update has a user. */
  override preProcess(obj: unknown, data: HandlerData): void {
    if (resolveStateContext(obj) === undefined) return;
    const context = new StateContext(obj, this.bot);
    data.state = context;
    data.stateContext = context;
  }
}
