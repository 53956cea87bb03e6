/**
 * A webhook bot inside an Express app: `expressHandler` is an ordinary route handler, so the
 * bot lives next to the app's other routes (here a status page). It works with or without
 * `express.json()` in front of it. The secret token set with `setWebhook` is checked on every
 * request; behind a reverse proxy, forward the `X-Telegram-Bot-Api-Secret-Token` header as is.
 *
 * Run: WEBHOOK_URL=https://your.domain/telegram WEBHOOK_SECRET=long-random PORT=3000 \
 *      BOT_TOKEN=123:abc node --import tsx examples/webhook-express.ts
 */
import express, { type Express } from 'express';
import { Botte, expressHandler, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Hello from an Express webhook!'));
  return bot;
}

/** The Express app: the webhook on POST /telegram and a status page on GET /. */
export function createApp(bot: Botte, secretToken: string): Express {
  const app = express();
  app.post('/telegram', expressHandler(bot, { secretToken }));
  app.get('/', (_req, res) => void res.send('The bot is running.'));
  return app;
}

if (isMain(import.meta.url)) {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT = '3000' } = process.env;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error('Set WEBHOOK_URL (https://.../telegram) and WEBHOOK_SECRET');
  const bot = createBot(tokenFromEnv());
  const server = createApp(bot, WEBHOOK_SECRET).listen(Number(PORT), () => console.log(`Listening on :${PORT}`));
  await bot.setWebhook(WEBHOOK_URL, { secret_token: WEBHOOK_SECRET });
  const stop = () => server.close(() => void bot.stopBot());
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
