/**
 * Error handling: an `exceptionHandler` receives every error a handler throws (and polling
 * errors); here it logs it, tells the user something went wrong and notifies an admin chat,
 * then returns true (handled). Errors of Bot API calls are typed: `/send <chat> <text>`
 * catches `ApiTelegramException` and explains Telegram's `description` instead of crashing;
 * `/boom` throws on purpose. A failing handler never stops the bot.
 *
 * Run: ADMIN_CHAT_ID=123 BOT_TOKEN=123:abc node --import tsx examples/error-handler-bot.ts
 */
import { Botte, ApiTelegramException, logger, type BotteOptions, type Message } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** An error that knows which chat it happened in, so that the handler can apologise there. */
class ChatError extends Error {
  constructor(
    readonly chatId: number,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Builds the bot; errors are reported to `adminChatId` when it is set. */
export function createBot(
  token: string,
  options: BotteOptions = {},
  adminChatId = Number(process.env.ADMIN_CHAT_ID ?? 0),
): Botte {
  const bot: Botte = new Botte(token, {
    ...options,
    exceptionHandler: async (error) => {
      logger.error('A handler failed', error);
      if (error instanceof ChatError)
        await bot.sendMessage(error.chatId, 'Sorry, something went wrong. The admin was told.');
      if (adminChatId)
        await bot.sendMessage(adminChatId, `⚠️ ${error instanceof Error ? error.message : String(error)}`);
      return true; // handled: not logged again
    },
  });

  bot.handleMsg({ commands: ['boom'] }, (message: Message) => {
    throw new ChatError(message.chat.id, `/boom in chat ${message.chat.id}`);
  });

  bot.handleMsg({ commands: ['send'] }, async (message) => {
    const [, chatId, ...words] = message.text.split(' ');
    try {
      await bot.sendMessage(chatId ?? '', words.join(' ') || 'Hello!');
      await bot.replyTo(message, 'Sent.');
    } catch (error) {
      if (!(error instanceof ApiTelegramException)) throw error;
      // errorCode 400 "chat not found", 403 "bot was blocked by the user", 429 with retryAfter...
      await bot.replyTo(message, `Telegram said ${error.errorCode}: ${error.description}`);
    }
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
