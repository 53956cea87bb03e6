/**
 * Using a local Bot API server (https://github.com/tdlib/telegram-bot-api): uploads up to
 * 2000 MB, downloads of any size, webhooks on any port and to plain http. Start one with
 *   telegram-bot-api --api-id=... --api-hash=... --local --http-port=8081
 * then, once, move the bot off Telegram's cloud server with `LOG_OUT=1` (`bot.logOut()`; the
 * bot can't log back in to the cloud for 10 minutes). `apiUrl`/`fileUrl` point the bot at it
 * (or set `apihelper.API_URL`/`FILE_URL` for every bot). In `--local` mode, `getFile` returns
 * an absolute path on the server's disk: the bot reads it directly when it runs on that machine.
 *
 * Run: LOCAL_BOT_API=http://localhost:8081 BOT_TOKEN=123:abc node --import tsx examples/local-api-server-bot.ts
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { Botte, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** The `apiUrl`/`fileUrl` options for a Bot API server at `baseUrl` (`{0}` is the token, `{1}` the method or path). */
export function localServerOptions(baseUrl: string): Pick<BotteOptions, 'apiUrl' | 'fileUrl'> {
  const base = baseUrl.replace(/\/+$/, '');
  return { apiUrl: `${base}/bot{0}/{1}`, fileUrl: `${base}/file/bot{0}/{1}` };
}

/** Builds the bot: it tells the size of any document, reading it from disk when it can. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ contentTypes: ['document'] }, async (message) => {
    const file = await bot.getFile(message.document.file_id);
    const path = file.file_path!;
    const bytes = isAbsolute(path) ? await readFile(path) : await bot.downloadFile(path);
    await bot.replyTo(message, `Got ${bytes.length} bytes.`);
  });
  return bot;
}

if (isMain(import.meta.url)) {
  const token = tokenFromEnv();
  if (process.env.LOG_OUT === '1') await new Botte(token).logOut(); // from the cloud server, once
  const bot = createBot(token, localServerOptions(process.env.LOCAL_BOT_API ?? 'http://localhost:8081'));
  await bot.runthebot({ handleSignals: true });
}
