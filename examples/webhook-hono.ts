/**
 * A webhook bot in a Hono app. Hono speaks Web-standard Request/Response, so the same app runs
 * on Node, Bun, Deno or Cloudflare Workers; `honoHandler` checks the secret token and answers
 * once the update was handled. On Node, `@hono/node-server`'s `serve(app)` is the usual way to
 * listen; this example bridges node:http to `app.fetch` in a few lines to need no extra package.
 *
 * Run: WEBHOOK_URL=https://your.domain/telegram WEBHOOK_SECRET=long-random PORT=3000 \
 *      BOT_TOKEN=123:abc node --import tsx examples/webhook-hono.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { Botte, honoHandler, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Hello from a Hono webhook!'));
  return bot;
}

/** The Hono app: the webhook on POST /telegram. */
export function createApp(bot: Botte, secretToken: string): Hono {
  const app = new Hono();
  app.post('/telegram', honoHandler(bot, { secretToken }));
  app.get('/', (c) => c.text('The bot is running.'));
  return app;
}

/** Bridges node:http to a Web-standard `fetch(Request) → Response` handler such as `app.fetch`. */
export function toNodeListener(fetch: (request: Request) => Response | Promise<Response>) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const response = await fetch(new Request(`http://localhost${req.url}`, { method: req.method, headers, body }));
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    res.writeHead(response.status).end(Buffer.from(await response.arrayBuffer()));
  };
}

if (isMain(import.meta.url)) {
  const { WEBHOOK_URL, WEBHOOK_SECRET, PORT = '3000' } = process.env;
  if (!WEBHOOK_URL || !WEBHOOK_SECRET) throw new Error('Set WEBHOOK_URL (https://.../telegram) and WEBHOOK_SECRET');
  const bot = createBot(tokenFromEnv());
  const app = createApp(bot, WEBHOOK_SECRET);
  const server = createServer(toNodeListener(app.fetch));
  server.listen(Number(PORT), () => console.log(`Listening on :${PORT}`));
  await bot.setWebhook(WEBHOOK_URL, { secret_token: WEBHOOK_SECRET });
  const stop = () => server.close(() => void bot.stopBot());
  process.once('SIGINT', stop).once('SIGTERM', stop);
}
