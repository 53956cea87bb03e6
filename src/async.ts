/**
 * `botte/async`: the seed document's `from Botte.async_Botte import AsyncBotte`.
 * AsyncBotte is Botte: every call already returns a Promise.
 * @module
 */
export { AsyncBotte } from './runner/async-botte.js';
export * from './index.js';
