/**
 * The `handlerBackends` namespace (docs/middleware.md): the base class of class-based middlewares and
 * the three marker objects that steer dispatch (`SkipHandler`, `CancelUpdate`, `ContinueHandling`).
 * @module
 */
import type { StateContext } from '../states/bot-states.js';

/**
 * The `data` object a handler receives as its second argument. Class-based middlewares fill it
 * in `preProcess`; it is a fresh empty object per update when no middleware touches it. Keys a
 * middleware of your own writes are `unknown`: narrow them, or cast to the shape it writes.
 */
export interface HandlerData {
  /**
   * The conversation state of the update's user, put here by `states.StateMiddleware`
   * (pyTelegramBotAPI's `state: StateContext` argument). Without that middleware, or for an
   * update without a user, it is `undefined`.
   */
  state: StateContext;
  /** The same object as {@link HandlerData.state} (pyTelegramBotAPI's `state_context`). */
  stateContext: StateContext;
  /** Whatever other middlewares put here. */
  [key: string]: unknown;
}

/**
 * Returned from a middleware's `preProcess`: the handlers are skipped for this update, but the
 * remaining `preProcess` calls and every `postProcess` still run (so cleanup stays symmetric).
 */
export class SkipHandler {
  /** Lets `instanceof`-free code (other realms, duplicated packages) recognise the marker. */
  readonly botteMarker = 'SkipHandler' as const;
}

/**
 * Returned from a middleware's `preProcess`: the update is dropped at once: no later
 * middleware, no handler and no `postProcess` runs.
 */
export class CancelUpdate {
  /** See {@link SkipHandler.botteMarker}. */
  readonly botteMarker = 'CancelUpdate' as const;
}

/**
 * Returned from a handler: dispatch goes on to the next handler whose filters pass, instead of
 * stopping at the first match.
 */
export class ContinueHandling {
  /** See {@link SkipHandler.botteMarker}. */
  readonly botteMarker = 'ContinueHandling' as const;
}

/**
 * A class-based middleware (`new Botte(token, { useClassMiddlewares: true })`, then
 * `bot.setupMiddleware(new MyMiddleware())`). For every update whose type is listed in
 * `updateTypes`, `preProcess` runs before the handlers and `postProcess` after them, in the
 * order the middlewares were set up.
 *
 * With `updateSensitive = true`, per-type methods are called instead: `preProcessMessage`,
 * `postProcessCallbackQuery`, ... (the camelCase of pyTelegramBotAPI's `pre_process_<update_type>`).
 */
export abstract class BaseMiddleware {
  /** The update types (Telegram's names: `'message'`, `'callback_query'`, ...) this middleware sees. */
  abstract updateTypes: string[];
  /** When true, `preProcess<UpdateType>` / `postProcess<UpdateType>` methods are used instead. */
  updateSensitive?: boolean;

  /**
   * Runs before the handlers. Fill `data` for them; return a {@link SkipHandler} or a
   * {@link CancelUpdate} to stop the handlers (see each class for what else stops).
   */
  preProcess(obj: any, data: HandlerData): unknown {
    void obj;
    void data;
    return undefined;
  }

  /**
   * Runs after the handlers (also when none matched), with the error the handler threw, if any.
   * It runs even when the handler threw, so resources opened in `preProcess` can be released.
   */
  postProcess(obj: any, data: HandlerData, exception: unknown): unknown {
    void obj;
    void data;
    void exception;
    return undefined;
  }
}

/** Whether `value` is a {@link SkipHandler} (also across duplicated copies of Botte). */
export function isSkipHandler(value: unknown): value is SkipHandler {
  return value instanceof SkipHandler || (value as SkipHandler | null)?.botteMarker === 'SkipHandler';
}

/** Whether `value` is a {@link CancelUpdate}. */
export function isCancelUpdate(value: unknown): value is CancelUpdate {
  return value instanceof CancelUpdate || (value as CancelUpdate | null)?.botteMarker === 'CancelUpdate';
}

/** Whether `value` is a {@link ContinueHandling}. */
export function isContinueHandling(value: unknown): value is ContinueHandling {
  return value instanceof ContinueHandling || (value as ContinueHandling | null)?.botteMarker === 'ContinueHandling';
}

// The Python library's `handler_backends` module also exposes the FSM classes.
export { State, StatesGroup } from '../states/state.js';
