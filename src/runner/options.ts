/**
 * `BotteOptions`, the options of `new Botte(token, options)`: the API client's
 * (src/api/options.ts), dispatch's (src/dispatch/options.ts) and the runners' own, below.
 * @module
 */
import type { DispatcherOptions } from '../dispatch/options.js';

/** Options of the `Botte` (and `AsyncBotte`) constructor. */
export interface BotteOptions extends DispatcherOptions {
  /** Handle updates concurrently (default true); false handles them one at a time, in order. */
  threaded?: boolean | undefined;
  /** How many updates are handled at once when `threaded` (default 100, a full getUpdates batch). Updates of one chat always run in order. */
  numThreads?: number | undefined;
  /** Drop the updates that were pending when polling starts. */
  skipPending?: boolean | undefined;
}
