/**
 * Next-step handlers, the pyTelegramBotAPI way to ask questions: `/order` asks for a pizza
 * size and `registerNextStepHandler` sends the chat's next message to `processSize`, which
 * asks for the address and registers the next step again. `/cancel` clears the pending step.
 * (For longer forms, states are the sturdier tool: see examples/form-states-bot.ts.)
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/next-step-bot.ts
 */
import { Botte, types, type BotteOptions, type Message } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

const SIZES = ['Small', 'Medium', 'Large'];

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['cancel'] }, async (message) => {
    await bot.clearStepHandlerByChatId(message.chat.id);
    await bot.sendMessage(message.chat.id, 'Order cancelled.', { reply_markup: new types.ReplyKeyboardRemove() });
  });

  bot.handleMsg({ commands: ['order'] }, async (message) => {
    const keyboard = new types.ReplyKeyboardMarkup({ one_time_keyboard: true, resize_keyboard: true }).row(...SIZES);
    const question = await bot.sendMessage(message.chat.id, 'Which size?', { reply_markup: keyboard });
    await bot.registerNextStepHandler(question, processSize);
  });

  async function processSize(message: Message): Promise<void> {
    if (message.text === '/cancel') return void (await bot.sendMessage(message.chat.id, 'Order cancelled.'));
    if (!SIZES.includes(message.text ?? '')) {
      const again = await bot.replyTo(message, `Please choose one of: ${SIZES.join(', ')}`);
      await bot.registerNextStepHandler(again, processSize);
      return;
    }
    const question = await bot.sendMessage(message.chat.id, 'Where should we deliver it?', {
      reply_markup: new types.ReplyKeyboardRemove(),
    });
    // Extra arguments are passed on to the next handler.
    await bot.registerNextStepHandler(question, processAddress, message.text!);
  }

  async function processAddress(message: Message, size: string): Promise<void> {
    await bot.sendMessage(message.chat.id, `A ${size.toLowerCase()} pizza is on its way to ${message.text}.`);
  }

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
