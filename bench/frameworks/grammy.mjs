/** grammY 1.x: bot.command / bot.hears / bot.filter / bot.on('message:text'). */
import { TOKEN, BOT_USER, COMMANDS, REGEXPS, PREDICATES } from '../lib/logic.mjs';

export const label = 'grammY';

/** Constructs the bot (also what cold start measures); `apiRoot` is the fake server. */
export async function construct(apiRoot = 'http://127.0.0.1:9') {
  const { Bot } = await import('grammy');
  return new Bot(TOKEN, { botInfo: BOT_USER, client: { apiRoot } });
}

/** A bot with the 40 rules + echo registered. */
export async function registered(apiRoot) {
  return register(await construct(apiRoot));
}

function register(bot) {
  for (const c of COMMANDS) bot.command(c.name, (ctx) => ctx.reply(c.reply));
  for (const r of REGEXPS) bot.hears(r.re, (ctx) => ctx.reply(r.reply));
  for (const p of PREDICATES)
    bot.filter(
      (ctx) => p.test(ctx.message?.text),
      (ctx) => ctx.reply(p.reply),
    );
  bot.on('message:text', (ctx) => ctx.reply(ctx.message.text));
  bot.catch((err) => {
    console.error('grammY handler error', err.error ?? err);
  });
  return bot;
}

/** In-process: `bot.handleUpdate` with an API transformer answering every call locally. */
export async function dispatch(send) {
  const bot = register(await construct());
  bot.api.config.use((_prev, method, payload) =>
    method === 'sendMessage'
      ? send(payload.chat_id, payload.text).then((result) => ({ ok: true, result }))
      : Promise.resolve({ ok: true, result: true }),
  );
  return (batch) => Promise.all(batch.map((u) => bot.handleUpdate(u)));
}

/** Long polling with the built-in `bot.start()` (one update at a time). */
export async function polling(apiRoot) {
  const bot = register(await construct(apiRoot));
  return {
    start: () => {
      bot.start({ drop_pending_updates: false });
    },
  };
}

/** Webhook: `webhookCallback(bot, 'http')` on a node:http server. */
export async function webhook(apiRoot, port) {
  const { webhookCallback } = await import('grammy');
  const http = await import('node:http');
  const bot = register(await construct(apiRoot));
  const server = http.createServer(webhookCallback(bot, 'http'));
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { close: () => server.close() };
}
