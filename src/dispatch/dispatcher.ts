/**
 * `Dispatcher`: the bot as a handler of updates. It adds to {@link ApiClient} the registrars
 * (made from one table in `registrars.ts`, linked in the class's static block), custom filters, middlewares, next-step and
 * reply handlers, update listeners and FSM state methods. The runner layer (`Botte`) builds on
 * it with polling, webhooks and concurrent scheduling.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { ApiClient } from '../api/client.js';
import { apihelper } from '../api/settings.js';
import type { DispatcherOptions } from './options.js';
import type { Message } from '../types/message.js';
import { BotStates, type DataCallback } from '../states/bot-states.js';
import { StateMemoryStorage } from '../states/memory-storage.js';
import type { StateData, StateStorage } from '../states/storage.js';
import type { State } from '../states/state.js';
import { linkMethodLayer } from '../util/method-layer.js';
import type { CustomFilter } from './custom-filters/base.js';
import type { UserFunction } from './filters.js';
import { DispatchState, type UpdateListener } from './dispatch-state.js';
import type { BaseMiddleware } from './handler-backends.js';
import type { MaybeAsync } from './maybe-async.js';
import { UpdatePipeline } from './pipeline.js';
import { registrarLayer, type DispatchRegistrars } from './registrars.js';
import { reportError } from './report-error.js';
import { disableSave, enableSave, loadSaved, type LoadStepsOptions, type SaveStepsOptions } from './saved-steps.js';
import { guardUnobservedApiErrors, observed } from '../api/unobserved-errors.js';
import type {
  FunctionMiddleware,
  MiddlewareFilters,
  TypedMiddleware,
  UpdateType,
  WholeUpdateMiddleware,
} from './types.js';

type Id = number | string;

/** What {@link Dispatcher.handleUpdate} returns for an update handled synchronously. */
const SETTLED: Promise<void> = Promise.resolve();

/**
 * A bot that dispatches updates to handlers. See docs/handlers-and-filters.md and docs/middleware.md for the registrars
 * (`handleMsg`, `callbackQueryHandler`, ... and their `register…` twins, typed through the
 * merged {@link DispatchRegistrars} interface).
 */
export class Dispatcher extends ApiClient {
  /** Everything registered for dispatch (handlers, filters, middlewares, ...). Internal. */
  readonly dispatchState: DispatchState;
  /**
   * The FSM state methods, on `options.stateStorage` (default: a new in-memory storage per bot,
   * never one shared between bots). `bot.setState(...)` etc. delegate here.
   */
  readonly botStates: BotStates;
  private readonly pipeline: UpdatePipeline;
  /** The options the bot was built with. */
  declare readonly options: DispatcherOptions;

  /**
   * @param token the token BotFather gave
   * @param options see `BotteOptions`; dispatch reads `useMiddleware` (else
   *   `apihelper.ENABLE_MIDDLEWARE` at this moment), `useClassMiddlewares`, `exceptionHandler`,
   *   `suppressMiddlewareExceptions`, `stateStorage`, `nextStepBackend`, `replyBackend`
   */
  constructor(token: string, options: DispatcherOptions = {}) {
    super(token, options);
    this.dispatchState = new DispatchState({
      functionMiddlewares: options.useMiddleware ?? apihelper.ENABLE_MIDDLEWARE,
      classMiddlewares: options.useClassMiddlewares === true,
      nextStepBackend: options.nextStepBackend,
      replyBackend: options.replyBackend,
    });
    this.pipeline = new UpdatePipeline(this, this.dispatchState);
    this.botStates = new BotStates(
      (options.stateStorage as StateStorage | undefined) ?? new StateMemoryStorage(),
      this.botId,
    );
  }

  /**
   * Runs the whole handling of one update: enrich (`content_type`/`from_user`), function
   * middlewares, update listeners, next-step/reply handlers, class middlewares and the first
   * matching handler (`ContinueHandling` continues). Never rejects: errors go to
   * {@link reportError}. Resolves when every handler it started has finished.
   */
  handleUpdate(update: Update): Promise<void> {
    return this.runUpdate(update) ?? SETTLED;
  }

  /**
   * {@link handleUpdate} for the runners, without its promise for an update handled synchronously
   * (see {@link MaybeAsync}); a promise it returns never rejects.
   */
  protected runUpdate(update: Update): MaybeAsync {
    guardUnobservedApiErrors();
    return this.pipeline.run(update);
  }

  /**
   * Webhook/manual path: resolves when all handlers of these updates finished. Here: one after
   * another in order (the runner layer overrides it with concurrency and per-chat order).
   */
  async processNewUpdates(updates: readonly Update[]): Promise<void> {
    for (const update of updates) await this.handleUpdate(update);
  }

  /** Handles bare messages (pyTelegramBotAPI's webhook recipe) as `message` updates. */
  processNewMessages(messages: readonly Message[]): Promise<void> {
    return this.processNewUpdates(messages.map((message) => ({ update_id: 0, message }) as Update));
  }

  /**
   * Gives an error to `options.exceptionHandler` (a function, or an object with `handle()`;
   * answering `true` means handled) and logs unhandled ones with `logger.error` (token-free).
   * Never throws.
   */
  reportError(error: unknown): Promise<boolean> {
    return reportError(this.options.exceptionHandler, error);
  }

  /**
   * Adds a listener called with `[message]` for every `message` update, before next-step
   * handlers and handlers (pyTelegramBotAPI's `set_update_listener`). May be called several times: every
   * listener runs, in order. A listener's error is reported and does not stop the update.
   */
  setUpdateListener(listener: (messages: Message[]) => unknown): void {
    if (typeof listener !== 'function') throw new TypeError('setUpdateListener: the listener must be a function');
    this.dispatchState.listeners.push(listener as UpdateListener);
  }

  /** @internal Called by the installed registrars. */
  addHandler(
    updateType: UpdateType,
    filters: Record<string, unknown> | undefined,
    handler: UserFunction,
    fromRegister: boolean,
  ): void {
    this.dispatchState.addHandler(updateType, filters, handler, fromRegister);
  }

  /**
   * Adds a custom filter; its `key` becomes a filter key of every registrar
   * (`bot.handleMsg({ isChatAdmin: true }, ...)`). A filter with the key of an earlier one
   * replaces it.
   *
   * Handlers may use a key before its filter is added (pyTelegramBotAPI's examples add filters
   * after declaring handlers). A key still unknown when the first update arrives is reported once
   * through {@link reportError} as an `UnknownFilterKeyError` naming the key, and handlers using it
   * never match; once updates flow, registering a handler with an unknown key throws at once.
   * {@link checkCustomFilters} throws for unknown keys on demand.
   */
  addCustomFilter(filter: CustomFilter): void {
    this.dispatchState.addCustomFilter(filter);
  }

  /** Throws an `UnknownFilterKeyError` for the first filter key used by a handler that no custom filter has. */
  checkCustomFilters(): void {
    const [first] = this.dispatchState.unknownKeys();
    if (first !== undefined) throw first;
  }

  /**
   * Registers a function middleware `(botInstance, obj)` for `updateTypes` (without them it
   * receives every whole Update). `(filters)` alone returns a decorator. Requires
   * `apihelper.ENABLE_MIDDLEWARE = true` before creating the bot, or `{ useMiddleware: true }`.
   * A middleware's error is reported and its update skipped (silently, with a warning in the log,
   * when `suppressMiddlewareExceptions` is set).
   */
  middlewareHandler<U extends UpdateType, F extends TypedMiddleware<this, U>>(
    filters: { updateTypes: readonly U[] },
    middleware: F,
  ): F;
  middlewareHandler<F extends WholeUpdateMiddleware<this>>(
    filters: { updateTypes?: undefined } | undefined,
    middleware: F,
  ): F;
  middlewareHandler<F extends WholeUpdateMiddleware<this>>(middleware: F): F;
  middlewareHandler<U extends UpdateType>(filters: {
    updateTypes: readonly U[];
  }): <F extends TypedMiddleware<this, U>>(middleware: F) => F;
  middlewareHandler(filters?: { updateTypes?: undefined }): <F extends WholeUpdateMiddleware<this>>(middleware: F) => F;
  middlewareHandler(filters?: MiddlewareFilters | FunctionMiddleware, middleware?: FunctionMiddleware): unknown {
    if (typeof filters === 'function') return this.registerMiddlewareHandler(filters);
    if (middleware !== undefined) return this.registerMiddlewareHandler(middleware, filters);
    this.functionMiddlewares(); // fail at declaration, not at the first update
    return (fn: FunctionMiddleware) => this.registerMiddlewareHandler(fn, filters);
  }

  /** pyTelegramBotAPI's `register_middleware_handler(callback, update_types)`: see {@link middlewareHandler}. */
  registerMiddlewareHandler<F extends FunctionMiddleware>(
    middleware: F,
    filters?: MiddlewareFilters | readonly string[],
  ): F {
    const updateTypes = Array.isArray(filters) ? filters : (filters as MiddlewareFilters | undefined)?.updateTypes;
    this.functionMiddlewares().add(middleware, updateTypes);
    return middleware;
  }

  private functionMiddlewares() {
    const middlewares = this.dispatchState.functionMiddlewares;
    if (middlewares === undefined) {
      throw new Error(
        'Function middlewares are not enabled: set apihelper.ENABLE_MIDDLEWARE = true before creating the bot, ' +
          'or pass { useMiddleware: true } to its constructor',
      );
    }
    return middlewares;
  }

  /**
   * Sets up a class-based middleware (see `handlerBackends.BaseMiddleware`). Requires
   * `{ useClassMiddlewares: true }`. Middlewares run in setup order.
   */
  setupMiddleware(middleware: BaseMiddleware): void {
    const middlewares = this.dispatchState.classMiddlewares;
    if (middlewares === undefined) {
      throw new Error(
        'Class-based middlewares are not enabled: pass { useClassMiddlewares: true } to the bot constructor',
      );
    }
    middlewares.add(middleware);
  }

  /**
   * Sends the next message of `message`'s chat to `callback(message, ...args)` instead of the
   * handlers (one-shot). Keyed by chat, as in pyTelegramBotAPI: in a group, the next message of
   * anyone there triggers it.
   */
  registerNextStepHandler<A extends unknown[]>(
    message: { chat: { id: Id } },
    callback: (message: Message, ...args: A) => unknown,
    ...args: A
  ): Promise<void> {
    return observed(this.dispatchState.steps.registerNext(message.chat.id, callback, args), this);
  }

  /** {@link registerNextStepHandler} by chat id. */
  registerNextStepHandlerByChatId<A extends unknown[]>(
    chatId: Id,
    callback: (message: Message, ...args: A) => unknown,
    ...args: A
  ): Promise<void> {
    return observed(this.dispatchState.steps.registerNext(chatId, callback, args), this);
  }

  /** Forgets the next-step handlers waiting in `message`'s chat. */
  clearStepHandler(message: { chat: { id: Id } }): Promise<void> {
    return observed(this.dispatchState.steps.clearNext(message.chat.id), this);
  }

  /** Forgets the next-step handlers waiting in chat `chatId`. */
  clearStepHandlerByChatId(chatId: Id): Promise<void> {
    return observed(this.dispatchState.steps.clearNext(chatId), this);
  }

  /**
   * Calls `callback(reply, ...args)` for the next reply to `message` (one-shot). The reply still
   * reaches the normal handlers. Only replies in `message`'s chat count.
   */
  registerForReply<A extends unknown[]>(
    message: { message_id: number; chat: { id: Id } },
    callback: (message: Message, ...args: A) => unknown,
    ...args: A
  ): Promise<void> {
    return observed(this.dispatchState.steps.registerReply(message.message_id, message.chat.id, callback, args), this);
  }

  /** {@link registerForReply} by message id (any chat, since the chat is not known). */
  registerForReplyByMessageId<A extends unknown[]>(
    messageId: number,
    callback: (message: Message, ...args: A) => unknown,
    ...args: A
  ): Promise<void> {
    return observed(this.dispatchState.steps.registerReply(messageId, undefined, callback, args), this);
  }

  /** Forgets the reply handlers waiting for replies to `message`. */
  clearReplyHandlers(message: { message_id: number }): Promise<void> {
    return observed(this.dispatchState.steps.clearReply(message.message_id), this);
  }

  /** Forgets the reply handlers waiting for replies to message `messageId`. */
  clearReplyHandlersByMessageId(messageId: number): Promise<void> {
    return observed(this.dispatchState.steps.clearReply(messageId), this);
  }

  /**
   * Saves next-step handlers to a JSON file (`filename`, default `./.handler-saves/step.json`),
   * `delay` seconds after a change (default 120), so that they survive a restart. Handlers are
   * saved by name: see `saved-steps.ts` and {@link loadNextStepHandlers}. A Redis or custom
   * `nextStepBackend` already persists and is kept. Handlers already waiting move to the file.
   */
  enableSaveNextStepHandlers(options?: SaveStepsOptions): void {
    enableSave(this.dispatchState.steps, 'nextStep', options);
  }

  /** {@link enableSaveNextStepHandlers} for reply handlers (default file `./.handler-saves/reply.json`). */
  enableSaveReplyHandlers(options?: SaveStepsOptions): void {
    enableSave(this.dispatchState.steps, 'reply', options);
  }

  /** Stops saving next-step handlers (back to memory, keeping those waiting; the file is left alone). */
  disableSaveNextStepHandlers(): void {
    disableSave(this.dispatchState.steps, 'nextStep');
  }

  /** Stops saving reply handlers. */
  disableSaveReplyHandlers(): void {
    disableSave(this.dispatchState.steps, 'reply');
  }

  /**
   * Loads the next-step handlers a previous run saved. After a restart, pass the functions they
   * name: `await bot.loadNextStepHandlers({ handlers: [processNameStep, processAgeStep] })`.
   * Resolves with how many chats have a handler waiting (when the backend can tell).
   */
  loadNextStepHandlers(options?: LoadStepsOptions): Promise<number | undefined> {
    return loadSaved(this.dispatchState.steps, 'nextStep', options);
  }

  /** {@link loadNextStepHandlers} for reply handlers. */
  loadReplyHandlers(options?: LoadStepsOptions): Promise<number | undefined> {
    return loadSaved(this.dispatchState.steps, 'reply', options);
  }

  // The state methods: BotStates (states/bot-states.ts) on this bot's storage. Observed, because a
  // storage that is down must not end the process when the handler forgot to await.

  /** Sets the state of a user in a chat (a State or its name); see {@link BotStates.setState}. */
  setState(
    userId: Id,
    state: State | string,
    chatId?: Id,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<void> {
    return observed(this.botStates.setState(userId, state, chatId, threadId, businessConnectionId), this);
  }

  /** The state name of a user in a chat, or undefined; see {@link BotStates.getState}. */
  getState(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<string | undefined> {
    return observed(this.botStates.getState(userId, chatId, threadId, businessConnectionId), this);
  }

  /** Removes the state and its data; true if there was one. See {@link BotStates.deleteState}. */
  deleteState(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<boolean> {
    return observed(this.botStates.deleteState(userId, chatId, threadId, businessConnectionId), this);
  }

  /** Merges `data` into the conversation's data; see {@link BotStates.addData}. */
  addData(
    userId: Id,
    chatId: Id | undefined,
    data: StateData,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<void> {
    return observed(this.botStates.addData(userId, chatId, data, threadId, businessConnectionId), this);
  }

  /** Empties the conversation's data and keeps its state; see {@link BotStates.resetData}. */
  resetData(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<void> {
    return observed(this.botStates.resetData(userId, chatId, threadId, businessConnectionId), this);
  }

  /**
   * The conversation's data (a copy), or, with a callback, changes it in place and saves what the
   * callback leaves; see {@link BotStates.retrieveData}.
   */
  retrieveData(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<StateData>;
  retrieveData(
    userId: Id,
    chatId: Id | undefined,
    fn: DataCallback,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<StateData>;
  retrieveData(userId: Id, fn: DataCallback): Promise<StateData>;
  retrieveData(userId: Id, ...rest: unknown[]): Promise<StateData> {
    const retrieve = this.botStates.retrieveData as (userId: Id, ...rest: unknown[]) => Promise<StateData>;
    return observed(retrieve.call(this.botStates, userId, ...rest), this);
  }

  static {
    // The registrars, `bot.handleMsg(filters, handler)` and the others (see docs/CONTRIBUTING.md,
    // "How a Botte is assembled").
    linkMethodLayer(Dispatcher, registrarLayer());
  }
}

/**
 * The registrars' signatures (one per update type, derived from the `REGISTRARS` table:
 * `handleMsg`, `callbackQueryHandler`, ... and their `register…` twins), merged into the class;
 * their code is in registrars.ts, linked by the static block of the class.
 */
export interface Dispatcher extends DispatchRegistrars {}
