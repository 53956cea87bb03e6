/**
 * The code of docs/first-hour.md as one program: `npm test` type-checks it, checks that every
 * line of the page's code blocks is here (test/docs-first-hour.test.ts), and runs
 * {@link testingExample} against the emulator.
 */
import express from 'express';
// The page's blocks import from 'botte' and 'botte/testing'; here they are the sources.
import {
  Botte,
  ApiTelegramException,
  StateFileStorage,
  StateRedisStorage,
  expressHandler,
  types,
} from '../src/index.js';
import { BotApiEmulator, TelegramError } from '../src/testing/index.js';

const TOKEN = process.env.BOT_TOKEN ?? '123456:TEST-token';

/** Which messages a handler sees. */
export function contentTypesExample(bot: Botte): void {
  bot.handleMsg({ contentTypes: ['photo', 'video'] }, (message) => message.content_type);
  bot.handleMsg({ contentTypes: types.contentTypes }, (message) => message.content_type);
  bot.registerMessageHandler((message) => message.content_type);
}

/** Where states live. */
export function storageExample(): Botte[] {
  const persistent = new Botte(TOKEN, { stateStorage: new StateFileStorage('./.state-save/states.json') });
  const shared = new Botte(TOKEN, {
    stateStorage: new StateRedisStorage({ url: 'redis://localhost:6379', ttlSeconds: 24 * 3600 }),
  });
  return [persistent, shared];
}

/** Polling timeouts. */
export async function pollingExample(bot: Botte): Promise<void> {
  await bot.runthebot({ longPollingTimeout: 50, timeout: 60 });
}

/** Express with a body parser in front. */
export function expressExample(bot: Botte): void {
  const app = express();
  app.post('/telegram', express.json({ limit: '1mb' }), expressHandler(bot, { secretToken: 'my-secret' }));
  app.listen(8443);
}

/** Testing with the emulator; `log` receives what the page prints (the test checks it). */
export async function testingExample(log: (...parts: unknown[]) => void = console.log): Promise<void> {
  const console = { log };
  const emu = await BotApiEmulator.start();
  const tested = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  const running = tested.runthebot({ longPollingTimeout: 1 });
  try {
    // A button press.
    tested.callbackQueryHandler({ callbackData: /^vote:/ }, (call) => tested.answerCallbackQuery(call.id, call.data));
    const sent = await tested.sendMessage(1001, 'Vote', {
      reply_markup: { inline_keyboard: [[{ text: 'Yes', callback_data: 'vote:yes' }]] },
    });
    emu.pushCallbackQuery('vote:yes', { message: sent.message_id });

    // A Telegram error.
    const restore = emu.onMethod('sendMessage', () => {
      throw new TelegramError(403, 'Forbidden: bot was blocked by the user');
    });
    try {
      await tested.sendMessage(1001, 'hello?');
    } catch (error) {
      if (error instanceof ApiTelegramException && error.errorCode === 403) console.log('blocked');
    }
    restore();

    // A broken network.
    emu.injectFault({ method: 'getMe', kind: 'http-502', times: 2 });
    await tested.getMe(); // retried: getMe is safe to repeat, so the third attempt answers

    // Waiting for a call.
    const call = await emu.waitForCall('answerCallbackQuery');
    console.log(call.params.text, call.response?.ok);
  } finally {
    await tested.stopBot();
    await running;
    await tested.closeSession();
    await emu.stop();
  }
}
