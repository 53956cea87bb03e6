/**
 * A webhook bot on plain node:http: Telegram POSTs each update to https://your.domain/telegram,
 * `nodeHttpHandler` checks the secret token header (wrong → 401), hands the update to the bot and
 * answers 200 once the handler finished (so a crash makes Telegram deliver it again).
 * Telegram only calls HTTPS URLs on ports 443, 80, 88 or 8443: put a reverse proxy (nginx,
 * Caddy) with a certificate in front of PORT, or pass `certificate`/`certificateKey` to
 * `bot.runWebhooks`, which does all of this in one call.
 *
 * Run: WEBHOOK_URL=https://your.domain/telegram WEBHOOK_SECRET=long-random PORT=8080 \
 *      BOT_TOKEN=123:abc node --import tsx examples/webhook-node-http.ts
 */
import { createServer, type Server } from 'node:http';
import { Botte, nodeHttpHandler, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot: it answers /start and echoes text. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Hello from a node:http webhook!'));
  bot.handleMsg({ contentTypes: ['text'] }, (message) => bot.replyTo(message, message.text));
  return bot;
}

/** The HTTP server: the webhook on `/telegram`, a health check on `/healthz`, 404 elsewhere. */
export function createWebhookServer(bot: Botte, secretToken: string): Server {
  const webhook = nodeHttpHandler(bot, { secretToken });
  return createServer((req, res) => {
    if (req.url === '/telegram') return webhook(req, res);
    if (req.url === '/healthz') return void res.writeHead(200).end('ok');
    res.writeHead(404).end();
  });
}

if (isMain(import.meta.url)) {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT = '8080' } = process.env;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error('Set WEBHOOK_URL (https://.../telegram) and WEBHOOK_SECRET');
  const bot = createBot(tokenFromEnv());
  const server = createWebhookServer(bot, WEBHOOK_SECRET);
  server.listen(Number(PORT), () => console.log(`Listening on :${PORT}`));
  await bot.setWebhook(WEBHOOK_URL, { secret_token: WEBHOOK_SECRET, drop_pending_updates: false });
  const stop = () => server.close(() => void bot.stopBot());
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
