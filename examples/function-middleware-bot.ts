/**
 * Function middlewares (`useMiddleware: true`): they run before the handlers for the update
 * types they name. One measures how long each update took to handle and logs it; one adds a
 * translation helper for the sender's language to the message (i18n); one drops messages of
 * banned users before any handler sees them, by throwing, together with
 * `suppressMiddlewareExceptions` (the update is skipped instead of reported).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/function-middleware-bot.ts
 */
import { Botte, logger, type BotteOptions, type Message, type types } from '../src/index.js';

type Update = types.Update;
import { isMain, tokenFromEnv } from './run-main.js';

const TEXTS: Record<string, Record<string, string>> = {
  en: { hello: 'Hello!', bye: 'Goodbye!' },
  de: { hello: 'Hallo!', bye: 'Auf Wiedersehen!' },
  fr: { hello: 'Bonjour !', bye: 'Au revoir !' },
};

/** A message after the i18n middleware ran: it carries `t(key)` in the sender's language. */
export type TranslatedMessage = Message & { t: (key: string) => string };

/** Builds the bot; `banned` holds the user ids to ignore, `seen` collects the ids of the updates logged. */
export function createBot(
  token: string,
  options: BotteOptions = {},
  banned = new Set<number>(),
  seen: number[] = [],
): Botte {
  const bot = new Botte(token, { ...options, useMiddleware: true, suppressMiddlewareExceptions: true });

  bot.middlewareHandler({ updateTypes: ['message'] }, (_bot, message: Message) => {
    if (message.from && banned.has(message.from.id)) throw new Error(`user ${message.from.id} is banned`);
  });

  bot.middlewareHandler({ updateTypes: ['message'] }, (_bot, message: Message) => {
    const texts = TEXTS[message.from?.language_code?.slice(0, 2) ?? ''] ?? TEXTS.en!;
    (message as TranslatedMessage).t = (key) => texts[key] ?? key;
  });

  // Without updateTypes, a middleware receives whole updates (it runs first); here it logs them.
  bot.middlewareHandler(undefined, (_bot, update: Update) => {
    seen.push(update.update_id);
    logger.debug(
      `update ${update.update_id}: ${Object.keys(update)
        .filter((key) => key !== 'update_id')
        .join(', ')}`,
    );
  });

  bot.handleMsg({ commands: ['hello', 'bye'] }, async (message) => {
    const { t } = message as TranslatedMessage;
    await bot.replyTo(message, t(message.text.slice(1)));
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
