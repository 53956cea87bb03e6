/**
 * {@link BotStates}: the bot's state methods (`bot.setState(userId, state, chatId?)`, ...),
 * on top of any {@link StateStorage}; and {@link StateContext}, the same methods bound to one
 * update's user and chat.
 * @module
 */
import type { StateData, StateKey, StateStorage } from './storage.js';
import { stateName, type State } from './state.js';
import { resolveStateContext, type UpdateStateContext } from './context.js';
import { stateKeyToString } from './key.js';

/** A chat or user id. */
export type Id = number | string;

/** The callback form of {@link BotStates.retrieveData}: change `data` in place. */
export type DataCallback = (data: StateData) => void | Promise<void>;

/**
 * The state methods of a bot. Every method takes the user first; the chat defaults to the
 * user's id (the private chat), as in pyTelegramBotAPI. Keys also carry the bot id, so several
 * bots can share one storage.
 *
 * Read-modify-write operations on one key are serialised inside the process, so two updates of
 * the same conversation handled at once don't lose each other's data.
 */
export class BotStates {
  private readonly locks = new Map<string, Promise<unknown>>();

  /**
   * @param storage where states live
   * @param botId the bot's id (the part of the token before `:`)
   */
  constructor(
    readonly storage: StateStorage,
    readonly botId: number,
  ) {}

  /** The storage key of a conversation. */
  key(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): StateKey {
    const key: StateKey = { chatId: chatId ?? userId, userId, botId: this.botId };
    if (threadId !== undefined && threadId !== null) key.threadId = threadId;
    if (businessConnectionId !== undefined && businessConnectionId !== null)
      key.businessConnectionId = businessConnectionId;
    return key;
  }

  /**
   * Runs `fn` after every earlier locked call on the same key has finished. Keys are compared the
   * way the built-in storages compare them, so two keys that share a record share a lock.
   */
  private locked<R>(key: StateKey, fn: () => Promise<R>): Promise<R> {
    const id = stateKeyToString(key);
    const previous = this.locks.get(id) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    this.locks.set(id, run);
    // Drop the entry once the chain is idle, so the map does not grow with every user ever seen.
    const cleanup = () => {
      if (this.locks.get(id) === run) this.locks.delete(id);
    };
    run.then(cleanup, cleanup);
    return run;
  }

  /** Sets the state of a user in a chat (a State or its name). */
  async setState(
    userId: Id,
    state: State | string,
    chatId?: Id,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<void> {
    const key = this.key(userId, chatId, threadId, businessConnectionId);
    const name = stateName(state);
    await this.locked(key, () => this.storage.setState(key, name));
  }

  /** The state name of a user in a chat, or undefined. */
  getState(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<string | undefined> {
    return this.storage.getState(this.key(userId, chatId, threadId, businessConnectionId));
  }

  /** Removes the state and its data; true if there was one. */
  deleteState(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<boolean> {
    const key = this.key(userId, chatId, threadId, businessConnectionId);
    return this.locked(key, () => this.storage.deleteState(key));
  }

  /** Merges `data` into the conversation's data (pyTelegramBotAPI's `add_data(..., **kwargs)`). */
  addData(
    userId: Id,
    chatId: Id | undefined,
    data: StateData,
    threadId?: number,
    businessConnectionId?: string,
  ): Promise<void> {
    const key = this.key(userId, chatId, threadId, businessConnectionId);
    return this.locked(key, () => this.storage.setData(key, data));
  }

  /** Empties the conversation's data and keeps its state. */
  resetData(userId: Id, chatId?: Id, threadId?: number, businessConnectionId?: string): Promise<void> {
    const key = this.key(userId, chatId, threadId, businessConnectionId);
    return this.locked(key, () => this.storage.resetData(key));
  }

  /**
   * The conversation's data: a copy, changing it changes nothing. With a callback (pyTelegramBotAPI's
   * `with bot.retrieve_data(...) as data:` block), `fn` may change `data` in place and what it
   * leaves is saved when it returns; nothing is saved if it throws. Resolves with the saved data.
   * ```ts
   * await bot.retrieveData(userId, chatId, (data) => { data.name = message.text; });
   * ```
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
  async retrieveData(userId: Id, ...rest: unknown[]): Promise<StateData> {
    if (typeof rest[0] === 'function') rest.unshift(undefined);
    const [chatId, third, fourth, fifth] = rest as [Id | undefined, unknown, unknown, unknown];
    if (typeof third !== 'function') {
      return this.storage.getData(this.key(userId, chatId, third as number | undefined, fourth as string | undefined));
    }
    const fn = third as DataCallback;
    const key = this.key(userId, chatId, fourth as number | undefined, fifth as string | undefined);
    return this.locked(key, async () => {
      const data = await this.storage.getData(key);
      await fn(data);
      await this.storage.saveData(key, data);
      return data;
    });
  }

  /** The same methods bound to the user and chat of `update` (see {@link StateContext}). */
  context(update: unknown): StateContext {
    return new StateContext(update, this);
  }
}

/**
 * The state of the conversation an update belongs to (pyTelegramBotAPI's `StateContext`):
 * `const state = new StateContext(message, bot)`, then `state.set(MyStates.name)`,
 * `state.data((d) => { d.x = 1; })`. Works with any object {@link resolveStateContext} knows.
 */
export class StateContext {
  /** Whose state this is. */
  readonly where: UpdateStateContext;

  /**
   * @param update a Message, CallbackQuery, ... (see {@link resolveStateContext})
   * @param states the bot (which has the state methods) or a {@link BotStates}
   */
  constructor(
    update: unknown,
    private readonly states: StateMethods,
  ) {
    const where = resolveStateContext(update);
    if (!where) throw new TypeError('This update has no user to keep a state for');
    this.where = where;
  }

  /** Sets the state. */
  set(state: State | string): Promise<void> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return this.states.setState(userId, state, chatId, threadId, businessConnectionId);
  }

  /** The state name, or undefined. */
  get(): Promise<string | undefined> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return this.states.getState(userId, chatId, threadId, businessConnectionId);
  }

  /** Removes the state and its data. */
  delete(): Promise<boolean> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return this.states.deleteState(userId, chatId, threadId, businessConnectionId);
  }

  /** Merges `data` into the data. */
  addData(data: StateData): Promise<void> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return this.states.addData(userId, chatId, data, threadId, businessConnectionId);
  }

  /** Empties the data. */
  resetData(): Promise<void> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return this.states.resetData(userId, chatId, threadId, businessConnectionId);
  }

  /** The same as {@link resetData} (the short name README.md uses). */
  reset(): Promise<void> {
    return this.resetData();
  }

  /** A copy of the data; with `fn`, changes `fn` makes are saved (see {@link BotStates.retrieveData}). */
  data(fn?: DataCallback): Promise<StateData> {
    const { userId, chatId, threadId, businessConnectionId } = this.where;
    return fn
      ? this.states.retrieveData(userId, chatId, fn, threadId, businessConnectionId)
      : this.states.retrieveData(userId, chatId, threadId, businessConnectionId);
  }
}

/** The state methods {@link StateContext} needs: a {@link BotStates}, or a bot that has them. */
export type StateMethods = Pick<
  BotStates,
  'setState' | 'getState' | 'deleteState' | 'addData' | 'resetData' | 'retrieveData'
>;
