/**
 * `botte/scale`: running one bot as several processes on Redis.
 * @module
 */
export {
  RedisFloodControl, FloodControlUnavailableError, limiterKeys,
  type RedisFloodControlOptions, type RedisFloodControlStats,
} from './limiter.js';
export type { FloodLimiter } from '../api/flood-limiter.js';
export { FloodControl } from '../api/flood-control.js';
