/**
 * Contract suites for the pluggable parts of a bot: state storages and handler backends.
 * @module
 */
export { runStateStorageContract, type MakeStateStorage } from './state-storage.js';
export { runHandlerBackendContract, type MakeHandlerBackend } from './handler-backend.js';
