/**
 * The storage interface behind FSM states (and data attached to a state). Small and async on
 * purpose: memory, file and Redis storages implement it, and so can a user's own database.
 * @module
 */

/** Whose state: a user in a chat, optionally in a forum topic or a business connection. */
export interface StateKey {
  /** The chat the conversation happens in. */
  chatId: number | string;
  /** The user the state belongs to. */
  userId: number | string;
  /** The forum topic (message_thread_id), when states are kept per topic. */
  threadId?: number;
  /** The business connection, for business messages. */
  businessConnectionId?: string;
  /** The bot the state belongs to, so that several bots can share one storage. */
  botId?: number;
}

/** Data kept beside a state: whatever the conversation collected so far. */
export type StateData = Record<string, unknown>;

/** Where states live. Every method is async so that remote storages fit. */
export interface StateStorage {
  /** Sets the state name of `key`. */
  setState(key: StateKey, state: string): Promise<void>;
  /** The state name of `key`, or undefined. */
  getState(key: StateKey): Promise<string | undefined>;
  /** Removes the state and its data; true if there was one. */
  deleteState(key: StateKey): Promise<boolean>;
  /** Merges `data` into the data of `key`. */
  setData(key: StateKey, data: StateData): Promise<void>;
  /** The data of `key` (an empty object when none). */
  getData(key: StateKey): Promise<StateData>;
  /** Clears the data of `key` but keeps its state. */
  resetData(key: StateKey): Promise<void>;
  /** Replaces the data of `key` by `data`. */
  saveData(key: StateKey, data: StateData): Promise<void>;
}
