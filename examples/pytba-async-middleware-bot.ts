/**
 * pyTelegramBotAPI's `asynchronous_telebot/middleware/flooding_middleware.py`, translated to
 * Botte by the naming rule: an `AsyncBotte` (class middlewares need no flag) with a middleware
 * that cancels messages a user sends less than `limit` seconds after the previous one.
 *
 * `BOT_TOKEN=... node --import tsx examples/pytba-async-middleware-bot.ts` runs it against
 * Telegram; test/example-pytba-bots.test.ts plays a conversation with it on the emulator.
 */
import { AsyncBotte, asyncioHandlerBackends, type BotteOptions, type Message } from '../src/async.js';

/** Rejects messages that come too fast. */
class SimpleMiddleware extends asyncioHandlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  private readonly lastTime = new Map<number, number>();

  constructor(
    private readonly bot: AsyncBotte,
    private readonly limit: number,
  ) {
    super();
  }

  override async preProcess(message: Message): Promise<asyncioHandlerBackends.CancelUpdate | undefined> {
    const userId = message.from_user!.id;
    const last = this.lastTime.get(userId);
    if (last === undefined) {
      this.lastTime.set(userId, message.date);
      return undefined;
    }
    if (message.date - last < this.limit) {
      await this.bot.sendMessage(message.chat.id, 'You are making request too often');
      return new asyncioHandlerBackends.CancelUpdate();
    }
    this.lastTime.set(userId, message.date);
    return undefined;
  }

  override async postProcess(): Promise<void> {}
}

/** The bot, with a 2-second limit as in the Python example. */
export function createFloodingBot(token: string, options: BotteOptions = {}): AsyncBotte {
  const bot = new AsyncBotte(token, options);
  bot.setupMiddleware(new SimpleMiddleware(bot, 2));
  bot.handleMsg({ commands: ['start'] }, async (message) => {
    await bot.sendMessage(message.chat.id, 'Hello!');
  });
  return bot;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.BOT_TOKEN;
  if (!token) console.log('Set BOT_TOKEN to run this bot; npm test plays it on the emulator.');
  else await createFloodingBot(token).polling();
}
