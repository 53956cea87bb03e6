/**
 * The options of `new Botte(token, options)` that dispatch reads: error handling, middlewares and
 * where states and step handlers live. The whole set, `BotteOptions`, is assembled in
 * src/runner/options.ts.
 * @module
 */
import type { ApiOptions } from '../api/options.js';
import type { StateStorage } from '../states/storage.js';
import type { HandlerBackend } from '../states/step-backends.js';

/** Something that decides what happens to an error thrown by a handler or by polling. */
export type ExceptionHandler =
  | ((error: unknown) => boolean | void | Promise<boolean | void>)
  | { handle(error: unknown): boolean | void | Promise<boolean | void> };

/** The options of the `Botte` constructor that dispatch reads (see `BotteOptions`). */
export interface DispatchOptions {
  /** Receives errors of handlers and of polling; returning true marks the error handled. */
  exceptionHandler?: ExceptionHandler | undefined;
  /** Turns on class-based middlewares (`bot.setupMiddleware`) and the handler's `data` argument. */
  useClassMiddlewares?: boolean | undefined;
  /** Turns on function middlewares (`bot.middlewareHandler`), like `apihelper.ENABLE_MIDDLEWARE`. */
  useMiddleware?: boolean | undefined;
  /** When a function middleware throws, skip the update instead of reporting the error. */
  suppressMiddlewareExceptions?: boolean | undefined;
  /** Where FSM states live (default: a new in-memory storage per bot). */
  stateStorage?: StateStorage | undefined;
  /** Where next-step handlers live (default: in memory). */
  nextStepBackend?: HandlerBackend | undefined;
  /** Where reply handlers live (default: in memory). */
  replyBackend?: HandlerBackend | undefined;
}

/** The options a `Dispatcher` is built with: the API client's and dispatch's own. */
export interface DispatcherOptions extends ApiOptions, DispatchOptions {}
