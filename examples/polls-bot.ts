/**
 * Polls and quizzes: `/poll` sends a regular, non-anonymous poll (so that the bot receives
 * each vote as a `poll_answer`), `/quiz` sends a quiz with its correct option and an
 * explanation, and `/close` closes the last poll with `stopPoll`. `pollAnswerHandler` tells
 * quiz takers privately whether they were right; `pollHandler` sees the poll's new state.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/polls-bot.ts
 */
import { Botte, types, logger, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  const quizzes = new Map<string, number>(); // poll id → correct option
  let lastPoll: { chatId: number; messageId: number } | undefined;

  bot.handleMsg({ commands: ['poll'] }, async (message) => {
    const sent = await bot.sendPoll(
      message.chat.id,
      'Tabs or spaces?',
      [new types.InputPollOption('Tabs'), new types.InputPollOption('Spaces')],
      {
        is_anonymous: false,
      },
    );
    lastPoll = { chatId: sent.chat.id, messageId: sent.message_id };
  });

  bot.handleMsg({ commands: ['quiz'] }, async (message) => {
    const sent = await bot.sendPoll(
      message.chat.id,
      'Which planet is the largest?',
      ['Mars', 'Jupiter', 'Venus'].map((o) => new types.InputPollOption(o)),
      {
        type: 'quiz',
        correct_option_ids: [1],
        is_anonymous: false,
        explanation: 'Jupiter is more than twice as massive as all other planets together.',
      },
    );
    quizzes.set(sent.poll!.id, 1);
    lastPoll = { chatId: sent.chat.id, messageId: sent.message_id };
  });

  bot.handleMsg({ commands: ['close'] }, async (message) => {
    if (!lastPoll) return void (await bot.replyTo(message, 'There is no poll to close.'));
    const poll = await bot.stopPoll(lastPoll.chatId, lastPoll.messageId);
    lastPoll = undefined;
    await bot.replyTo(message, `Closed "${poll.question}" with ${poll.total_voter_count} votes.`);
  });

  bot.pollAnswerHandler(undefined, async (answer) => {
    const correct = quizzes.get(answer.poll_id);
    if (correct === undefined || !answer.user) return;
    const right = answer.option_ids.includes(correct);
    await bot.sendMessage(answer.user.id, right ? 'Correct! 🎉' : 'Not quite — it is Jupiter.');
  });

  bot.pollHandler(undefined, (poll) =>
    logger.info(`poll ${poll.id}: ${poll.total_voter_count} votes, closed: ${poll.is_closed}`),
  );

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
