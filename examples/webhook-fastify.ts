/**
 * A webhook bot inside a Fastify app: `fastifyHandler` is a route handler; Fastify's own JSON
 * parser may run first, Botte accepts the parsed body. The secret token is checked on every
 * request (wrong or missing → 401).
 *
 * Run: WEBHOOK_URL=https://your.domain/telegram WEBHOOK_SECRET=long-random PORT=3000 \
 *      BOT_TOKEN=123:abc node --import tsx examples/webhook-fastify.ts
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { Botte, fastifyHandler, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Hello from a Fastify webhook!'));
  return bot;
}

/** The Fastify app: the webhook on POST /telegram; closing the app stops the bot too. */
export function createApp(bot: Botte, secretToken: string): FastifyInstance {
  const app = Fastify();
  app.post('/telegram', fastifyHandler(bot, { secretToken }));
  app.addHook('onClose', async () => bot.stopBot());
  return app;
}

if (isMain(import.meta.url)) {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT = '3000' } = process.env;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error('Set WEBHOOK_URL (https://.../telegram) and WEBHOOK_SECRET');
  const bot = createBot(tokenFromEnv());
  const app = createApp(bot, WEBHOOK_SECRET);
  await app.listen({ port: Number(PORT), host: '0.0.0.0' });
  await bot.setWebhook(WEBHOOK_URL, { secret_token: WEBHOOK_SECRET });
  const stop = () => void app.close();
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
