/**
 * Webhooks: endpoints for node:http, Express, Fastify, Hono and Web-standard runtimes, and the
 * server behind `bot.runWebhooks()`.
 * @module
 */
export { SECRET_HEADER, type WebhookBot, type WebhookOptions, type WebhookAnswer } from './core.js';
export {
  nodeHttpHandler,
  expressHandler,
  fastifyHandler,
  honoHandler,
  webhookHandler,
  type FastifyRequestLike,
  type FastifyReplyLike,
  type HonoContextLike,
} from './adapters.js';
export { startWebhookServer, type RunWebhooksOptions, type WebhookServer, type WebhookServerBot } from './server.js';
