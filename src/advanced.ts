/**
 * `botte/advanced`: the parts a `Botte` is built from, for code that builds on Botte itself
 * (a bot class of its own, a webhook receiver for another server, a custom handler backend).
 * Bots need none of it: `botte` has everything a bot uses. These names may change between minor
 * versions more readily than the main entry's.
 * @module
 */
export { Dispatcher } from './dispatch/dispatcher.js';
export type { DispatcherOptions, DispatchOptions } from './dispatch/options.js';
export type { ApiOptions } from './api/options.js';
export { WebhookCore } from './webhook/core.js';
export { BotStates } from './states/bot-states.js';
export { HandlerRegistry } from './states/step-backends.js';
export type { MaybeAsync } from './dispatch/maybe-async.js';
