/**
 * Commands with arguments, and the command menu: `/add 2 3` answers `5`, `/say hello world`
 * repeats its arguments; at startup `setupCommands` publishes the menu with `setMyCommands` —
 * one list for everybody, a German one for users whose app is in German, and an extra
 * `/stats` command shown only to the administrators of groups (a command scope).
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/commands-bot.ts
 */
import { Botte, types, util, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot: its handlers only; call {@link setupCommands} once to publish the menu. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ commands: ['add'] }, async (message) => {
    // extractArguments('/add 2 3') → '2 3'; message.text is a string in a { commands } handler.
    const numbers = (util.extractArguments(message.text) ?? '').split(/\s+/).filter(Boolean).map(Number);
    if (numbers.length === 0 || numbers.some(Number.isNaN)) {
      await bot.replyTo(message, 'Usage: /add 2 3 4');
      return;
    }
    await bot.replyTo(message, String(numbers.reduce((a, b) => a + b, 0)));
  });

  bot.handleMsg({ commands: ['say'] }, async (message) => {
    const args = util.extractArguments(message.text);
    await bot.sendMessage(message.chat.id, args || 'Say what? Try /say hello');
  });

  bot.handleMsg({ commands: ['stats'], chatTypes: ['group', 'supergroup'] }, async (message) => {
    await bot.replyTo(message, `This group has ${await bot.getChatMemberCount(message.chat.id)} members.`);
  });

  return bot;
}

/** Publishes the command menu: a default list, a German one and one for group administrators. */
export async function setupCommands(bot: Botte): Promise<void> {
  await bot.setMyCommands([
    new types.BotCommand('add', 'Add numbers: /add 2 3'),
    new types.BotCommand('say', 'Repeat a text: /say hello'),
  ]);
  await bot.setMyCommands(
    [
      new types.BotCommand('add', 'Zahlen addieren: /add 2 3'),
      new types.BotCommand('say', 'Text wiederholen: /say hallo'),
    ],
    { language_code: 'de' },
  );
  await bot.setMyCommands([new types.BotCommand('stats', 'How many members this group has')], {
    scope: new types.BotCommandScopeAllChatAdministrators(),
  });
}

if (isMain(import.meta.url)) {
  const bot = createBot(tokenFromEnv());
  await setupCommands(bot);
  await bot.runthebot({ handleSignals: true });
}
