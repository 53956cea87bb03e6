/** node-telegram-bot-api 2.x: bot.command / bot.hears / bot.use / bot.on('message'). */
import { TOKEN, COMMANDS, REGEXPS, PREDICATES } from '../lib/logic.mjs';

export const label = 'ntba 2.x';

export async function construct(apiRoot = 'http://127.0.0.1:9') {
  const { Bot } = await import('node-telegram-bot-api');
  return new Bot(TOKEN, { apiRoot });
}

async function registered(apiRoot) {
  const bot = await construct(apiRoot);
  for (const c of COMMANDS) bot.command(c.name, (ctx) => ctx.reply(c.reply));
  for (const r of REGEXPS) bot.hears(r.re, (ctx) => ctx.reply(r.reply));
  for (const p of PREDICATES) bot.use((ctx, next) => (p.test(ctx.message?.text) ? ctx.reply(p.reply) : next()));
  bot.on('message', (ctx) => (typeof ctx.message.text === 'string' ? ctx.reply(ctx.message.text) : undefined));
  bot.catch((err) => {
    console.error('ntba handler error', err);
  });
  return bot;
}

/** In-process: `bot.handleUpdate` with the transport's `request` stubbed (v1's `_request`). */
export async function dispatch(send) {
  const bot = await registered();
  bot.api.transport.request = (method, params) =>
    method === 'sendMessage' ? send(params.chat_id, params.text) : Promise.resolve(true);
  return (batch) => Promise.all(batch.map((u) => bot.handleUpdate(u)));
}

/** Long polling with `bot.startPolling()` (one update at a time). */
export async function polling(apiRoot) {
  const bot = await registered(apiRoot);
  return {
    start: () => {
      bot.startPolling().catch((e) => console.error(e));
    },
  };
}

/** Webhook: `createWebhookServer(bot, { path })` from 'node-telegram-bot-api/node'. */
export async function webhook(apiRoot, port) {
  const { createWebhookServer } = await import('node-telegram-bot-api/node');
  const bot = await registered(apiRoot);
  const server = createWebhookServer(bot, { path: '/hook', allowUnauthenticated: true });
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { close: () => server.close() };
}
