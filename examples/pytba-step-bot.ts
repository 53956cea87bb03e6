/**
 * pyTelegramBotAPI's `step_example.py`, translated to Botte by the naming rule: a three-step
 * form (name, age, gender) with next-step handlers that are saved to a file and loaded again, so
 * that a conversation survives a restart of the bot.
 *
 * One difference with the Python example: it keeps the answers in a dict in memory, which a
 * restart loses; here they travel as the step's arguments, which are saved with it (as JSON).
 * Saved steps are found again by the handler's name: after a restart the functions are handed to
 * `loadNextStepHandlers({ handlers })`, pyTelegramBotAPI's re-import of the pickled reference.
 *
 * `BOT_TOKEN=... node --import tsx examples/pytba-step-bot.ts` runs it against Telegram;
 * test/example-pytba-bots.test.ts plays a conversation with it on the emulator, restart included.
 */
import { Botte, types, type BotteOptions, type Message, type SaveStepsOptions } from '../src/index.js';

/** What the form has collected so far. */
interface Answers {
  name?: string;
  age?: string;
}

/** The step bot, saving its steps as `save` says; resolves once the saved steps are loaded. */
export async function createStepBot(
  token: string,
  options: BotteOptions = {},
  save: SaveStepsOptions = {},
): Promise<Botte> {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['help', 'start'] }, async (message) => {
    const msg = await bot.replyTo(message, "Hi there, I am Example bot.\nWhat's your name?");
    await bot.registerNextStepHandler(msg, processNameStep, {});
  });

  async function processNameStep(message: Message, answers: Answers): Promise<void> {
    try {
      const msg = await bot.replyTo(message, 'How old are you?');
      await bot.registerNextStepHandler(msg, processAgeStep, { ...answers, name: message.text });
    } catch {
      await bot.replyTo(message, 'oooops');
    }
  }

  async function processAgeStep(message: Message, answers: Answers): Promise<void> {
    try {
      const age = message.text ?? '';
      if (!/^\d+$/.test(age)) {
        const msg = await bot.replyTo(message, 'Age should be a number. How old are you?');
        await bot.registerNextStepHandler(msg, processAgeStep, answers);
        return;
      }
      const markup = new types.ReplyKeyboardMarkup({ one_time_keyboard: true });
      markup.add('Male', 'Female');
      const msg = await bot.replyTo(message, 'What is your gender', { reply_markup: markup });
      await bot.registerNextStepHandler(msg, processSexStep, { ...answers, age });
    } catch {
      await bot.replyTo(message, 'oooops');
    }
  }

  async function processSexStep(message: Message, answers: Answers): Promise<void> {
    try {
      const sex = message.text;
      if (sex !== 'Male' && sex !== 'Female') throw new Error('Unknown sex');
      await bot.sendMessage(message.chat.id, `Nice to meet you ${answers.name}\n Age:${answers.age}\n Sex:${sex}`);
    } catch {
      await bot.replyTo(message, 'oooops');
    }
  }

  // `bot.enable_save_next_step_handlers(delay=2)` and `bot.load_next_step_handlers()`.
  bot.enableSaveNextStepHandlers({ delay: 2, ...save });
  await bot.loadNextStepHandlers({ handlers: [processNameStep, processAgeStep, processSexStep] });
  return bot;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.BOT_TOKEN;
  if (!token) console.log('Set BOT_TOKEN to run this bot; npm test plays it on the emulator.');
  else await (await createStepBot(token)).runthebot({ handleSignals: true });
}
