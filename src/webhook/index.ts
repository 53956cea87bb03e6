/**
 * Webhooks: endpoints for node:http, Express, Fastify, Hono, Web-standard runtimes and AWS Lambda, and the
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
export { lambdaHandler, type LambdaEvent, type LambdaResult } from './lambda.js';
export { startWebhookServer, type RunWebhooksOptions, type WebhookServer, type WebhookServerBot } from './server.js';
