/**
 * FSM states and their storages.
 *
 * Storages: {@link StateMemoryStorage} (default), {@link StateFileStorage} (JSON file). A Redis
 * storage (`StateRedisStorage`, one hash per key with `state` and JSON `data`, as in
 * pyTelegramBotAPI) belongs in `./redis-storage.ts`, implementing {@link StateStorage} on top
 * of {@link stateKeyToString}; it is not written yet (the `redis` package is not a dependency).
 * Any object implementing {@link StateStorage} works meanwhile.
 * @module
 */
export type { StateKey, StateData, StateStorage } from './storage.js';
export { State, StatesGroup, CreatedStatesGroup, isStatesGroup, stateName } from './state.js';
export type { StatesGroupLike, StatesGroupObject } from './state.js';
export { stateKeyToString } from './key.js';
export type { StorageKeyOptions } from './key.js';
export { StateMemoryStorage, RecordMapStorage } from './memory-storage.js';
export type { StateRecord } from './memory-storage.js';
export { StateFileStorage } from './file-storage.js';
export { resolveStateContext } from './context.js';
export type { UpdateStateContext } from './context.js';
export { BotStates, StateContext } from './bot-states.js';
export type { DataCallback, Id, StateMethods } from './bot-states.js';
export { MemoryHandlerBackend, FileHandlerBackend, HandlerRegistry, stepHandlers } from './step-backends.js';
export type { HandlerBackend, StepEntry } from './step-backends.js';
