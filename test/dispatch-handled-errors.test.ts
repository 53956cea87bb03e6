// An exceptionHandler answering true marks an error handled: `bot.reportError` resolves true, and
// `polling()` (without nonStop, which stops at the first unhandled error) keeps polling.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte } from '../src/runner/botte.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { stopQuietly, waitFor } from './helpers.js';
import { logger } from '../src/logger.js';

test('bot.reportError resolves true when the exceptionHandler answers true, false otherwise', async () => {
  const level = logger.getLevel();
  logger.setLevel('silent');
  try {
    const answers = [
      [() => true, true],
      [async () => true, true],
      [{ handle: () => true }, true],
      [() => false, false],
      [() => undefined, false],
    ] as const;
    for (const [exceptionHandler, handled] of answers) {
      const bot = new Dispatcher('1:x', { exceptionHandler });
      assert.equal(await bot.reportError(new Error('boom')), handled, String(exceptionHandler));
    }
    assert.equal(await new Dispatcher('1:x').reportError(new Error('boom')), false);
  } finally {
    logger.setLevel(level);
  }
});

test('polling() goes on after a failed poll that the exceptionHandler handled', async () => {
  const emu = await BotApiEmulator.start();
  const handledErrors: unknown[] = [];
  const bot = new Botte(emu.token, {
    apiUrl: emu.apiUrl,
    retry: false,
    exceptionHandler: (error) => {
      handledErrors.push(error);
      return true;
    },
  });
  bot.handleMsg({}, (message) => void bot.replyTo(message, `echo ${message.text}`));
  let failure: unknown;
  const running = bot.polling({ longPollingTimeout: 1, backoff: { initialMs: 1 } }).catch((error: unknown) => {
    failure = error;
  });
  try {
    emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
    emu.pushMessage('hi');
    await waitFor(() => failure !== undefined || emu.callsOf('sendMessage').length > 0, {
      message: 'polling neither answered nor ended',
    });
    assert.equal(failure, undefined, 'polling ended at an error the exceptionHandler handled');
    assert.equal(emu.callsOf('sendMessage')[0]!.params.text, 'echo hi');
    assert.equal(handledErrors.length, 1);
  } finally {
    await stopQuietly(bot);
    await running;
    await emu.stop();
  }
});
