/**
 * `botte/scale`: run one bot on several processes through Redis. Ingress processes (webhook
 * servers, or long polling by one elected leader) append updates to an {@link UpdateQueue};
 * {@link QueueWorker}s run the bot's handlers on them, each chat in order, nothing lost, finished
 * work never run twice. See docs/scaling-out.md.
 * @module
 */
// Update queue, workers and ingress (src/scale/ without limiter*).
export { UpdateQueue, ENTRY_FIELD, type UpdateQueueOptions } from './queue.js';
export { QueueWorker, type QueueWorkerBot, type QueueWorkerOptions } from './worker.js';
export { LeaderPolling, type LeaderPollingBot, type LeaderPollingOptions } from './leader-polling.js';
export { startWebhookIngress, type WebhookIngressBot } from './ingress.js';
export { QueueKeys, CONSUMER_GROUP } from './keys.js';
export { partitionOf, queueLaneOf, hashLane, preferredPartitions } from './partitions.js';
export { QueueRedisError, MalformedQueueEntryError, redactRedisUrl } from './errors.js';
export type { QueueStats, WorkerStats } from './stats.js';
export type { QueueConnectionOptions } from './connection.js';
// Shared flood control (src/scale/limiter*.ts).
export {
  RedisFloodControl,
  FloodControlUnavailableError,
  limiterKeys,
  type RedisFloodControlOptions,
  type RedisFloodControlStats,
} from './limiter.js';
export { FloodControl } from '../api/flood-control.js';
