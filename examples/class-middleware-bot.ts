/**
 * Class middlewares (`useClassMiddlewares: true`): `preProcess` runs before the handlers and
 * `postProcess` after them, with a `data` object the handler receives as its second argument.
 * - `TimingMiddleware` measures how long the handlers took (postProcess runs even if one threw);
 * - `I18nMiddleware` puts a translator for the sender's language into `data.t`;
 * - `AntiFloodMiddleware` answers "slow down" and skips the handlers (`SkipHandler`) when one
 *   user writes again within `limitMs` (`CancelUpdate` would also skip the postProcess steps).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/class-middleware-bot.ts
 */
import { Botte, handlerBackends, logger, type BotteOptions, type Message } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const TEXTS: Record<string, Record<string, string>> = {
  en: { welcome: 'Welcome!', slow: 'You are too fast, please wait a moment.' },
  es: { welcome: '¡Bienvenido!', slow: 'Demasiado rápido, espera un momento.' },
};
const translator = (language: string | undefined) => (key: string) =>
  (TEXTS[language?.slice(0, 2) ?? ''] ?? TEXTS.en!)[key] ?? key;

/** Logs how long the handlers of each message took; `durations` collects them. */
export class TimingMiddleware extends handlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  constructor(readonly durations: number[] = []) {
    super();
  }
  override preProcess(_message: Message, data: handlerBackends.HandlerData) {
    data.startedAt = performance.now();
  }
  override postProcess(message: Message, data: handlerBackends.HandlerData, exception: unknown) {
    const ms = performance.now() - (data.startedAt as number);
    this.durations.push(ms);
    logger.debug(`message ${message.message_id} handled in ${ms.toFixed(1)} ms${exception ? ' (it failed)' : ''}`);
  }
}

/** Gives the handlers `data.t(key)` in the sender's language. */
export class I18nMiddleware extends handlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  override preProcess(message: Message, data: handlerBackends.HandlerData) {
    data.t = translator(message.from?.language_code);
  }
}

/** Skips the handlers for a user who writes again within `limitMs`, after a warning. */
export class AntiFloodMiddleware extends handlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  private readonly last = new Map<number, number>();
  constructor(
    private readonly bot: Botte,
    private readonly limitMs: number,
  ) {
    super();
  }
  override async preProcess(message: Message) {
    const userId = message.from?.id;
    if (userId === undefined) return undefined;
    const now = Date.now();
    const previous = this.last.get(userId);
    this.last.set(userId, now);
    if (previous !== undefined && now - previous < this.limitMs) {
      await this.bot.sendMessage(message.chat.id, translator(message.from?.language_code)('slow'));
      return new handlerBackends.SkipHandler();
    }
    return undefined;
  }
}

/** Builds the bot; `limitMs` is the anti-flood window. */
export function createBot(token: string, options: BotteOptions = {}, limitMs = 1000, durations: number[] = []): Botte {
  const bot = new Botte(token, { ...options, useClassMiddlewares: true });
  bot.setupMiddleware(new AntiFloodMiddleware(bot, limitMs)); // first: a flooder gets no further
  bot.setupMiddleware(new TimingMiddleware(durations));
  bot.setupMiddleware(new I18nMiddleware());

  bot.handleMsg({ commands: ['start'] }, async (message, data) => {
    await bot.replyTo(message, (data.t as (key: string) => string)('welcome'));
  });
  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
