/**
 * pyTelegramBotAPI's `custom_states.py` (and its asyncio twin), translated to Botte by the
 * naming rule: a four-question form whose handlers get the conversation's state as `data.state`
 * from `states.StateMiddleware`, filtered by `state`, `isDigit` and `text`.
 *
 * `BOT_TOKEN=... node --import tsx examples/pytba-custom-states-bot.ts` runs it against Telegram;
 * test/example-pytba-bots.test.ts plays a conversation with it on the emulator, sync and async.
 */
import { Botte, customFilters, states, StatesGroup, types, type BotteOptions } from '../src/index.js';
import { AsyncBotte } from '../src/async.js';

/** `class MyStates(StatesGroup): name = State() ...`; `override` because every class has a `name`. */
export class MyStates extends StatesGroup {
  static override name = this.state();
  static age = this.state();
  static color = this.state();
  static hobby = this.state();
}

const HOBBIES = ['Reading', 'Traveling', 'Gaming', 'Cooking'];

/** The form bot: a `Botte` with `useClassMiddlewares` (as the Python example), or an `AsyncBotte`. */
export function createCustomStatesBot(
  token: string,
  options: BotteOptions = {},
  flavour: 'sync' | 'async' = 'sync',
): Botte {
  const bot =
    flavour === 'async'
      ? new AsyncBotte(token, { stateStorage: new states.StateMemoryStorage(), ...options })
      : new Botte(token, { stateStorage: new states.StateMemoryStorage(), useClassMiddlewares: true, ...options });

  bot.handleMsg({ commands: ['start'] }, async (message, { state }) => {
    await state.set(MyStates.name);
    await bot.replyTo(message, 'What is your name?');
  });

  bot.handleMsg({ state: '*', commands: ['cancel'] }, async (message, { state }) => {
    await state.delete();
    await bot.replyTo(message, 'Your information has been cleared. Type /start to begin again.');
  });

  bot.handleMsg({ state: MyStates.name }, async (message, { state }) => {
    await state.set(MyStates.age);
    await bot.replyTo(message, 'How old are you?');
    await state.addData({ name: message.text });
  });

  bot.handleMsg({ state: MyStates.age, isDigit: true }, async (message, { state }) => {
    await state.set(MyStates.color);
    await state.addData({ age: message.text });
    const keyboard = new types.ReplyKeyboardMarkup({ rowWidth: 2 });
    keyboard.add(
      ...['Red', 'Green', 'Blue', 'Yellow', 'Purple', 'Orange', 'Other'].map(
        (color) => new types.KeyboardButton(color),
      ),
    );
    await bot.replyTo(message, 'What is your favorite color? Choose from the options below.', {
      reply_markup: keyboard,
    });
  });

  bot.handleMsg({ state: MyStates.color }, async (message, { state }) => {
    await state.set(MyStates.hobby);
    await state.addData({ color: message.text });
    const keyboard = new types.ReplyKeyboardMarkup({ rowWidth: 2 });
    keyboard.add(...HOBBIES.map((hobby) => new types.KeyboardButton(hobby)));
    await bot.replyTo(message, 'What is one of your hobbies? Choose from the options below.', {
      reply_markup: keyboard,
    });
  });

  bot.handleMsg({ state: MyStates.hobby, text: HOBBIES }, async (message, { state }) => {
    // Python's `with state.data() as data:` is the callback form; reading needs no callback.
    const data = await state.data();
    const summary =
      'Thank you for sharing! Here is a summary of your information:\n' +
      `First Name: ${data.name}\nAge: ${data.age}\nFavorite Color: ${data.color}\nHobby: ${message.text}`;
    await bot.replyTo(message, summary, { parse_mode: 'html' });
    await state.delete();
  });

  bot.handleMsg({ state: MyStates.age, isDigit: false }, async (message) => {
    await bot.replyTo(message, 'Please enter a valid number for age.');
  });

  bot.addCustomFilter(new customFilters.StateFilter(bot));
  bot.addCustomFilter(new customFilters.IsDigitFilter());
  bot.addCustomFilter(new customFilters.TextMatchFilter());
  bot.setupMiddleware(new states.StateMiddleware(bot));
  return bot;
}

const isMain = import.meta.url === `file://${process.argv[1]}`;
if (isMain) {
  const token = process.env.BOT_TOKEN;
  if (!token) console.log('Set BOT_TOKEN to run this bot; npm test plays it on the emulator.');
  else await createCustomStatesBot(token).runthebot({ handleSignals: true });
}
