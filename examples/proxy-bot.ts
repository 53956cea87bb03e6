/**
 * Reaching Telegram through a proxy: `proxy` takes an `http://`, `https://` or `socks5://`
 * URL (with `user:password@` when needed), for every call of this bot; `apihelper.proxy` sets
 * it for all bots. `{ https: url }` is used for https targets (Telegram), `{ http: url }` for
 * plain-http ones (a local Bot API server); a string is used for both.
 *
 * Run: PROXY_URL=socks5://user:pass@127.0.0.1:1080 BOT_TOKEN=123:abc node --import tsx examples/proxy-bot.ts
 */
import { Botte, type BotteOptions, type ProxySetting } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** The proxy setting from PROXY_URL, or none. */
export function proxyFromEnv(env: NodeJS.ProcessEnv = process.env): ProxySetting | undefined {
  return env.PROXY_URL ? env.PROXY_URL : undefined;
}

/** Builds the bot; pass `{ proxy }` in `options`. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'This answer travelled through the proxy.'));
  return bot;
}

if (isMain(import.meta.url)) {
  const bot = createBot(tokenFromEnv(), { proxy: proxyFromEnv() });
  const me = await bot.getMe(); // fails fast when the proxy is unreachable
  console.log(`Connected as @${me.username} ${process.env.PROXY_URL ? 'through the proxy' : 'directly'}.`);
  await bot.runthebot({ handleSignals: true });
}
