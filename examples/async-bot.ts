/**
 * AsyncBotte, for code written after the Python library's `AsyncTeleBot`: the same bot as
 * `Botte` (every call already returns a Promise), with `polling()` retrying forever by default.
 * Handlers are async and run concurrently across chats (in order within one chat): `/weather`
 * fetches two things at once with `Promise.all` while the "typing…" indicator shows.
 *
 * Run: BOT_TOKEN=123:abc node --import tsx examples/async-bot.ts
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AsyncBotte } from '../src/async.js';
import type { BotteOptions } from '../src/index.js';
import { isMain, tokenFromEnv } from './run-main.js';

/** Pretend web services: each answers after `ms` milliseconds. */
async function fetchTemperature(city: string, ms: number): Promise<number> {
  await sleep(ms);
  return city.length + 15;
}
async function fetchForecast(city: string, ms: number): Promise<string> {
  await sleep(ms);
  return city.length % 2 === 0 ? 'sunny' : 'cloudy';
}

/** Builds the bot; `latencyMs` is how long the pretend services take. */
export function createBot(token: string, options: BotteOptions = {}, latencyMs = 500): AsyncBotte {
  const bot = new AsyncBotte(token, options);

  bot.handleMsg({ commands: ['start'] }, async (message) => {
    await bot.replyTo(message, 'Send /weather <city>.');
  });

  bot.handleMsg({ commands: ['weather'] }, async (message) => {
    const city = message.text.split(' ').slice(1).join(' ') || 'Paris';
    await bot.sendChatAction(message.chat.id, 'typing');
    const [temperature, forecast] = await Promise.all([
      fetchTemperature(city, latencyMs),
      fetchForecast(city, latencyMs),
    ]);
    await bot.replyTo(message, `${city}: ${temperature} °C, ${forecast}.`);
  });

  return bot;
}

if (isMain(import.meta.url)) {
  const bot = createBot(tokenFromEnv());
  process.once('SIGINT', () => void bot.stopBot());
  await bot.polling(); // AsyncBotte: nonStop by default
}
