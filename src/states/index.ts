/**
 * FSM states and their storages.
 *
 * Storages: {@link StateMemoryStorage} (default), {@link StateFileStorage} (JSON file),
 * {@link StateRedisStorage} (Redis: one hash per key, with `state` and one JSON field per data
 * field; the optional `redis` package is imported only when a Redis storage first connects).
 * Any object implementing {@link StateStorage} works too.
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
export { StateRedisStorage } from './redis-storage.js';
export type { StateRedisStorageOptions, RedisConnectionOptions, RedisClientLike } from './redis-storage.js';
export { resolveStateContext } from './context.js';
export type { UpdateStateContext } from './context.js';
export { StateContext } from './bot-states.js';
export type { DataCallback, Id, StateMethods } from './bot-states.js';
export { MemoryHandlerBackend, FileHandlerBackend, stepHandlers } from './step-backends.js';
export type { HandlerBackend, StepEntry } from './step-backends.js';
export { RedisHandlerBackend } from './redis-step-backend.js';
export type { RedisHandlerBackendOptions } from './redis-step-backend.js';
export { StateMiddleware } from '../dispatch/state-middleware.js';
export type { StateHandlerData } from '../dispatch/state-middleware.js';
