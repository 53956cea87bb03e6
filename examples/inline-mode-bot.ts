/**
 * Inline mode (turn it on with @BotFather's /setinline): typing `@yourbot cats` in any chat
 * shows an article (a text message), a photo, a location and a contact; an empty query
 * shows a button that opens the bot ("switch to private chat"). `chosenInlineHandler`
 * sees which result was picked (turn on /setinlinefeedback).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/inline-mode-bot.ts
 */
import { Botte, types, logger, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const PHOTO_URL = 'https://telegram.org/img/t_logo.png';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.inlineHandler(
    (query) => query.query === '',
    async (query) => {
      await bot.answerInlineQuery(query.id, [], {
        button: new types.InlineQueryResultsButton('Open the bot to learn more', { start_parameter: 'inline-help' }),
        cache_time: 0,
      });
    },
  );

  bot.inlineHandler(
    (query) => query.query.length > 0,
    async (query) => {
      const text = query.query;
      const results = [
        new types.InlineQueryResultArticle(
          'article',
          `Say "${text}"`,
          new types.InputTextMessageContent(`<b>${text}</b>`, { parse_mode: 'HTML' }),
          {
            description: 'Sends your text in bold',
          },
        ),
        new types.InlineQueryResultPhoto('photo', PHOTO_URL, PHOTO_URL, { caption: text }),
        new types.InlineQueryResultLocation('location', 48.8584, 2.2945, 'The Eiffel Tower'),
        new types.InlineQueryResultContact('contact', '+10000000000', 'Botte'),
      ];
      await bot.answerInlineQuery(query.id, results, { cache_time: 10, is_personal: true });
    },
  );

  bot.chosenInlineHandler(undefined, (chosen) => {
    logger.info(`user ${chosen.from.id} chose ${chosen.result_id} for "${chosen.query}"`);
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
