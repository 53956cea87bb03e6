// AsyncBotte.setupMiddleware works without the useClassMiddlewares flag (pyTelegramBotAPI's
// AsyncTeleBot always has class middlewares), and `false` still turns them off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { AsyncBotte, handlerBackends } from '../src/async.js';

class Counter extends handlerBackends.BaseMiddleware {
  updateTypes = ['message'];
  override preProcess(_message: unknown, data: Record<string, unknown>) {
    data.greeting = 'Hello';
  }
}

test('AsyncBotte: setupMiddleware needs no flag and the handler gets the data', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  try {
    bot.setupMiddleware(new Counter());
    bot.handleMsg({}, (message, data) => bot.replyTo(message, `${data.greeting} ${message.text}`));
    emu.pushMessage('there');
    const updates = await bot.getUpdates();
    await bot.processNewUpdates(updates);
    assert.equal(emu.callsOf('sendMessage')[0]?.params.text, 'Hello there');
    const off = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl, useClassMiddlewares: false });
    assert.throws(() => off.setupMiddleware(new Counter()), /not enabled/);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
