/** Telegraf 4.x: bot.command / bot.hears / Composer.optional / bot.on(message('text')). */
import { TOKEN, BOT_USER, COMMANDS, REGEXPS, PREDICATES } from '../lib/logic.mjs';

export const label = 'Telegraf';

export async function construct(apiRoot = 'http://127.0.0.1:9') {
  const { Telegraf } = await import('telegraf');
  // webhookReply: false so that webhook answers go out as real sendMessage calls.
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = BOT_USER;
  return bot;
}

async function registered(apiRoot) {
  const bot = await construct(apiRoot);
  const { Composer } = await import('telegraf');
  const { message } = await import('telegraf/filters');
  for (const c of COMMANDS) bot.command(c.name, (ctx) => ctx.reply(c.reply));
  for (const r of REGEXPS) bot.hears(r.re, (ctx) => ctx.reply(r.reply));
  for (const p of PREDICATES)
    bot.use(
      Composer.optional(
        (ctx) => p.test(ctx.message?.text),
        (ctx) => ctx.reply(p.reply),
      ),
    );
  bot.on(message('text'), (ctx) => ctx.reply(ctx.message.text));
  bot.catch((err) => {
    console.error('Telegraf handler error', err);
  });
  return bot;
}

/**
 * In-process: `bot.handleUpdate` with `callApi` stubbed. Telegraf builds a new `Telegram`
 * per update (ctx.telegram), so the stub goes on the prototype.
 */
export async function dispatch(send) {
  const bot = await registered();
  const { Telegram } = await import('telegraf');
  Telegram.prototype.callApi = (method, payload) =>
    method === 'sendMessage' ? send(payload.chat_id, payload.text) : Promise.resolve(true);
  return (batch) => Promise.all(batch.map((u) => bot.handleUpdate(u)));
}

/** Long polling with `bot.launch()` (each batch handled with Promise.all). */
export async function polling(apiRoot) {
  const bot = await registered(apiRoot);
  return {
    start: () => {
      bot.launch().catch((e) => console.error(e));
    },
  };
}

/** Webhook: `bot.webhookCallback(path)` on a node:http server. */
export async function webhook(apiRoot, port) {
  const http = await import('node:http');
  const bot = await registered(apiRoot);
  const server = http.createServer(bot.webhookCallback('/hook'));
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { close: () => server.close() };
}
