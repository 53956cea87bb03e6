/**
 * `botte/async`: the Python `from telebot.async_telebot import AsyncTeleBot`.
 * AsyncBotte is Botte: every call already returns a Promise.
 * @module
 */
export { AsyncBotte } from './runner/async-botte.js';
export * from './index.js';
/** pyTelegramBotAPI's `asyncio_filters`: the same filters as `customFilters` (they may all be async). */
export * as asyncioFilters from './dispatch/custom-filters/index.js';
/** pyTelegramBotAPI's `asyncio_handler_backends`: the same classes as `handlerBackends`. */
export * as asyncioHandlerBackends from './dispatch/handler-backends.js';
/** pyTelegramBotAPI's `asyncio_storage`: the same storages as `states` (they are all async). */
export * as asyncioStorage from './states/index.js';
