// infinityPolling is the pyTelegramBotAPI name of runthebot: it polls (through errors) until stopBot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { stopQuietly, waitFor } from './helpers.js';

test('infinityPolling answers messages, keeps going after a failed poll, and ends with stopBot', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: false });
  bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, `echo ${message.text}`));
  let ended = false;
  const running = bot.infinityPolling({ longPollingTimeout: 1, backoff: { initialMs: 1 } }).then(() => (ended = true));
  try {
    emu.injectFault({ method: 'getUpdates', kind: 'http-500' });
    emu.pushMessage('hi');
    await waitFor(() => emu.callsOf('sendMessage').length > 0, { message: 'infinityPolling never answered' });
    assert.equal(emu.callsOf('sendMessage')[0]!.params.text, 'echo hi');
    assert.equal(ended, false, 'still polling until stopBot');
  } finally {
    await stopQuietly(bot);
  }
  await running;
  assert.equal(ended, true);
  await emu.stop();
});
