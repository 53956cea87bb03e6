/**
 * Message reactions: the bot reacts 👍 to messages that say thanks (`setMessageReaction`),
 * and, through `messageReactionHandler`, notices when a user reacts to a message: a 🔥 on one
 * of the bot's messages gets a "glad you like it". Reaction updates are opt-in (the bot asks
 * for `message_reaction` in `allowedUpdates`) and arrive only where the bot is an admin.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/reactions-bot.ts
 */
import { Botte, types, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** The update types this bot needs; `message_reaction` is opt-in at Telegram. */
export const ALLOWED_UPDATES = ['message', 'message_reaction'];

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);

  bot.handleMsg({ regexp: /\b(thanks|thank you)\b/i }, async (message) => {
    await bot.setMessageReaction(message.chat.id, message.message_id, {
      reaction: [new types.ReactionTypeEmoji('👍')],
    });
  });

  bot.messageReactionHandler(undefined, async (update) => {
    const added = update.new_reaction.filter(
      (reaction) => !update.old_reaction.some((old) => JSON.stringify(old) === JSON.stringify(reaction)),
    );
    const fire = added.some((reaction) => reaction.type === 'emoji' && reaction.emoji === '🔥');
    if (fire) {
      await bot.sendMessage(update.chat.id, 'Glad you like it!', {
        reply_parameters: { message_id: update.message_id },
      });
    }
  });

  return bot;
}

if (isMain(import.meta.url))
  await createBot(tokenFromEnv()).runthebot({ handleSignals: true, allowedUpdates: ALLOWED_UPDATES });
