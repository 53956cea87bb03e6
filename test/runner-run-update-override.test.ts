// A bot that overrides runUpdate (botte/advanced documents it as the hook around every update):
// when the override throws or rejects, the error reaches the exceptionHandler with the others and
// polling goes on with the next updates, as it does for a failing handler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import type { MaybeAsync } from '../src/dispatch/maybe-async.js';
import { recordErrorMessages, stopQuietly, waitFor } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

class GuardedBot extends Botte {
  protected override runUpdate(update: Update): MaybeAsync {
    const text = update.message?.text;
    if (text === 'throw') throw new Error('runUpdate threw');
    if (text === 'reject') return Promise.reject(new Error('runUpdate rejected'));
    return super.runUpdate(update);
  }
}

test('an overridden runUpdate that throws or rejects: reported, and the next updates are handled', async () => {
  await withEmulator(async (emu) => {
    const { messages, exceptionHandler } = recordErrorMessages();
    const bot = new GuardedBot(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    const handled: string[] = [];
    bot.handleMsg({}, (message) => {
      handled.push(message.text);
    });
    try {
      const running = bot.runthebot({ longPollingTimeout: 1 });
      for (const text of ['throw', 'one', 'reject', 'two']) emu.pushMessage(text, { chatId: 5, userId: 5 });
      await waitFor(() => handled.length === 2 && messages.length === 2, {
        message: () => `handled ${JSON.stringify(handled)}, reported ${JSON.stringify(messages)}`,
      });
      assert.deepEqual(handled, ['one', 'two']);
      assert.deepEqual(messages.sort(), ['runUpdate rejected', 'runUpdate threw']);
      await bot.stopBot();
      await running;
    } finally {
      await stopQuietly(bot);
    }
  });
});
