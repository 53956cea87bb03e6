/**
 * A timer/reminder bot: `/remind 10 tea` answers "⏰ tea" ten seconds later, `/reminders`
 * lists what is pending and `/cancel` drops the chat's reminders. Timers live in memory, so
 * they are lost on restart (store them, e.g. in a state storage, to survive one); `stopBot`
 * clears them so the process can exit.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/reminder-bot.ts
 */
import { Botte, util, type BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

interface Reminder {
  text: string;
  due: number;
  timer: NodeJS.Timeout;
}

/** A Botte that clears its pending timers when it stops, so that nothing fires afterwards. */
class ReminderBot extends Botte {
  readonly reminders = new Map<number, Set<Reminder>>(); // chat id → pending reminders
  override async stopBot(): Promise<void> {
    for (const pending of this.reminders.values()) for (const reminder of pending) clearTimeout(reminder.timer);
    this.reminders.clear();
    await super.stopBot();
  }
}

/** Builds the bot; `secondMs` is how long a "second" lasts (tests make it short). */
export function createBot(token: string, options: BotteOptions = {}, secondMs = 1000): Botte {
  const bot = new ReminderBot(token, options);
  const { reminders } = bot;

  bot.handleMsg({ commands: ['remind'] }, async (message) => {
    const match = /^(\d{1,6})\s+(.+)$/s.exec(util.extractArguments(message.text) ?? '');
    if (!match) return void (await bot.replyTo(message, 'Usage: /remind <seconds> <text>, e.g. /remind 60 tea'));
    const seconds = Number(match[1]);
    const text = match[2]!;
    const chatId = message.chat.id;
    const pending = reminders.get(chatId) ?? new Set<Reminder>();
    reminders.set(chatId, pending);
    const reminder: Reminder = {
      text,
      due: Date.now() + seconds * secondMs,
      timer: setTimeout(() => {
        pending.delete(reminder);
        bot.sendMessage(chatId, `⏰ ${text}`).catch((error: unknown) => bot.reportError(error));
      }, seconds * secondMs),
    };
    pending.add(reminder);
    await bot.replyTo(message, `Okay, I will remind you in ${seconds} s.`);
  });

  bot.handleMsg({ commands: ['reminders'] }, async (message) => {
    const pending = [...(reminders.get(message.chat.id) ?? [])].sort((a, b) => a.due - b.due);
    const lines = pending.map((r) => `• ${r.text} (in ${Math.ceil((r.due - Date.now()) / secondMs)} s)`);
    await bot.replyTo(message, lines.length > 0 ? lines.join('\n') : 'Nothing pending.');
  });

  bot.handleMsg({ commands: ['cancel'] }, async (message) => {
    const pending = reminders.get(message.chat.id) ?? new Set<Reminder>();
    for (const reminder of pending) clearTimeout(reminder.timer);
    reminders.delete(message.chat.id);
    await bot.replyTo(message, `Cancelled ${pending.size} reminder(s).`);
  });

  return bot;
}

if (isMain(import.meta.url)) await createBot(tokenFromEnv()).runthebot({ handleSignals: true });
