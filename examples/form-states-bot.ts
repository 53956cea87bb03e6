/**
 * States: a multi-step form (name → age → confirm) whose progress lives in a state storage.
 * Pick the storage with STATE_STORAGE: `memory` (default; lost on restart), `file` (a JSON
 * file, survives restarts; STATE_FILE sets its path) or `redis` (shared by several bot
 * processes; REDIS_URL, and `npm install redis`). `/cancel` works in every step: the `state: '*'`
 * filter matches any state. The handlers narrow: in `{ state: Form.age, isDigit: true }` only
 * numbers arrive; the next handler catches everything else in that step.
 *
 * Run: STATE_STORAGE=file BOT_TOKEN=123:abc node --import tsx examples/form-states-bot.ts
 */
import {
  Botte,
  StatesGroup,
  StateMemoryStorage,
  StateFileStorage,
  StateRedisStorage,
  customFilters,
  types,
  type BotteOptions,
  type StateStorage,
} from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** The steps of the form. */
export const Form = StatesGroup.create('Form', ['name', 'age', 'confirm']);

/** The storage chosen by the STATE_STORAGE environment variable (`memory`, `file` or `redis`). */
export function storageFromEnv(env: NodeJS.ProcessEnv = process.env): StateStorage {
  switch (env.STATE_STORAGE ?? 'memory') {
    case 'memory':
      return new StateMemoryStorage();
    case 'file':
      return new StateFileStorage(env.STATE_FILE ?? './.state-save/form-states.json');
    case 'redis':
      return new StateRedisStorage({ url: env.REDIS_URL ?? 'redis://localhost:6379', prefix: 'form-bot' });
    default:
      throw new Error(`STATE_STORAGE must be memory, file or redis, not ${env.STATE_STORAGE}`);
  }
}

/** Builds the bot; pass `{ stateStorage }` in `options` to choose where states live. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.addCustomFilter(new customFilters.StateFilter(bot));
  bot.addCustomFilter(new customFilters.IsDigitFilter());

  bot.handleMsg({ commands: ['cancel'], state: '*' }, async (message) => {
    await bot.deleteState(message.from!.id, message.chat.id);
    await bot.sendMessage(message.chat.id, 'Form cancelled.', { reply_markup: new types.ReplyKeyboardRemove() });
  });

  bot.handleMsg({ commands: ['start', 'form'] }, async (message) => {
    await bot.setState(message.from!.id, Form.name, message.chat.id);
    await bot.sendMessage(message.chat.id, 'Hi! What is your name? (/cancel to stop)');
  });

  bot.handleMsg({ state: Form.name }, async (message) => {
    await bot.addData(message.from!.id, message.chat.id, { name: message.text });
    await bot.setState(message.from!.id, Form.age, message.chat.id);
    await bot.sendMessage(message.chat.id, `Nice to meet you, ${message.text}. How old are you?`);
  });

  bot.handleMsg({ state: Form.age, isDigit: true }, async (message) => {
    await bot.addData(message.from!.id, message.chat.id, { age: Number(message.text) });
    await bot.setState(message.from!.id, Form.confirm, message.chat.id);
    const keyboard = new types.ReplyKeyboardMarkup({ one_time_keyboard: true, resize_keyboard: true }).row('Yes', 'No');
    const data = await bot.retrieveData(message.from!.id, message.chat.id);
    await bot.sendMessage(message.chat.id, `${String(data.name)}, ${message.text} years. Is that right?`, {
      reply_markup: keyboard,
    });
  });

  bot.handleMsg({ state: Form.age }, (message) => bot.replyTo(message, 'Please send your age as a number.'));

  bot.handleMsg({ state: Form.confirm }, async (message) => {
    const data = await bot.retrieveData(message.from!.id, message.chat.id);
    await bot.deleteState(message.from!.id, message.chat.id);
    const text =
      message.text === 'Yes' ? `Saved: ${String(data.name)}, ${String(data.age)}.` : 'Okay, send /form to start again.';
    await bot.sendMessage(message.chat.id, text, { reply_markup: new types.ReplyKeyboardRemove() });
  });

  return bot;
}

if (isMain(import.meta.url)) {
  await createBot(tokenFromEnv(), { stateStorage: storageFromEnv() }).runthebot({ handleSignals: true });
}
