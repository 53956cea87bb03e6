/**
 * Botte: bot.handleMsg({ commands }) / ({ regexp }) / ({ func }) and a catch-all echo,
 * answering with bot.sendMessage(chat id, text) like the peers' ctx.reply (no reply_parameters).
 */
import { TOKEN, COMMANDS, REGEXPS, PREDICATES } from '../lib/logic.mjs';

export const label = 'Botte';

/** Botte is the repo root (`file:..`), built to dist/ by `npm run build` there. */
export async function unavailable(scenario) {
  let mod;
  try {
    mod = await import('botte');
  } catch (e) {
    return `cannot import botte (run \`npm run build\` at the repo root): ${String(e.message).split('\n')[0]}`;
  }
  const proto = mod.Botte?.prototype ?? {};
  const need = {
    dispatch: ['handleMsg', 'processNewUpdates'],
    polling: ['handleMsg', 'runthebot'],
    webhook: ['handleMsg', 'runWebhooks'],
    coldstart: [],
  }[scenario];
  const missing = need.filter((k) => typeof proto[k] !== 'function');
  if (!mod.Botte) return 'botte has no Botte export yet';
  if (missing.length) return `Botte has no ${missing.join('/')} yet`;
  if (scenario === 'dispatch' && typeof mod.util?.CustomRequestResponse !== 'function')
    return 'no util.CustomRequestResponse yet';
  return null;
}

export async function construct(apiRoot = 'http://127.0.0.1:9', extra = {}) {
  const { Botte } = await import('botte');
  return new Botte(TOKEN, { apiUrl: `${apiRoot}/bot{0}/{1}`, ...extra });
}

async function registered(apiRoot, extra) {
  const bot = await construct(apiRoot, extra);
  for (const c of COMMANDS) bot.handleMsg({ commands: [c.name] }, (m) => bot.sendMessage(m.chat.id, c.reply));
  for (const r of REGEXPS) bot.handleMsg({ regexp: r.re }, (m) => bot.sendMessage(m.chat.id, r.reply));
  for (const p of PREDICATES)
    bot.handleMsg({ func: (m) => p.test(m.text) }, (m) => bot.sendMessage(m.chat.id, p.reply));
  bot.handleMsg({ contentTypes: ['text'] }, (m) => bot.sendMessage(m.chat.id, m.text));
  return bot;
}

/**
 * In-process: `processNewUpdates(batch)` with `customRequestSender` answering locally with an
 * already-parsed body (`new util.CustomRequestResponse({ ok, result })`), as the peers' stubs
 * return objects.
 */
export async function dispatch(send) {
  const { util } = await import('botte');
  const okTrue = new util.CustomRequestResponse({ ok: true, result: true });
  const bot = await registered(undefined, {
    customRequestSender: (_httpMethod, url, { params }) => {
      if (!url.endsWith('/sendMessage')) return okTrue;
      return send(params.chat_id, params.text).then((result) => new util.CustomRequestResponse({ ok: true, result }));
    },
  });
  return (batch) => bot.processNewUpdates(batch);
}

/** Long polling with `bot.runthebot()` (default scheduler: 16 at once, per-chat order). */
export async function polling(apiRoot) {
  const bot = await registered(apiRoot);
  return {
    start: () => {
      bot.runthebot({ longPollingTimeout: 30, timeout: 40 }).catch((e) => console.error('botte polling', e));
    },
  };
}

/** Webhook: `bot.runWebhooks({ listen, port, urlPath })` (node:http inside). */
export async function webhook(apiRoot, port) {
  const bot = await registered(apiRoot);
  const server = await bot.runWebhooks({ listen: '127.0.0.1', port, urlPath: '/hook' });
  return { close: () => server.close() };
}
