// A `null` in getUpdates' result (a broken proxy or server) is reported as a malformed update and
// skipped; polling goes on and the valid updates around it are handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { MalformedUpdateError } from '../src/index.js';
import { stopQuietly, waitFor, recordErrors } from './helpers.js';

test('a null update from getUpdates is reported and skipped, polling goes on', async () => {
  const emu = await BotApiEmulator.start();
  const { errors: reported, exceptionHandler } = recordErrors();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, `echo ${message.text}`));
  let once = true;
  const restore = emu.onMethod('getUpdates', async (_params, _call, fallback) => {
    const updates = (await fallback()) as unknown[];
    if (once && updates.length) {
      once = false;
      return [null, ...updates];
    }
    return updates;
  });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    emu.pushMessage('hi');
    await waitFor(() => emu.callsOf('sendMessage').length > 0, { message: 'the valid update was not handled' });
  } finally {
    await stopQuietly(bot);
    restore();
  }
  await running;
  assert.equal(reported.filter((error) => error instanceof MalformedUpdateError).length, 1);
  await emu.stop();
});
