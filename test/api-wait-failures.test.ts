// How a call fails while it waits for its flood-control turn: the limiter's own failure (a shared
// store that is down) reaches the caller as it is, nothing sent; a call aborted while waiting
// fails like one aborted during its request: ApiHTTPException ABORTED, saying so, with the
// signal's reason as its cause.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient, ApiHTTPException, type FloodLimiter } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

async function withBot(limiter: FloodLimiter, run: (bot: ApiClient, emu: BotApiEmulator) => Promise<void>) {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: limiter });
  try {
    await run(bot, emu);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
}

test("a limiter that cannot decide fails the call with the limiter's own error", async () => {
  const down = new Error('the limiter store is down');
  const limiter: FloodLimiter = { acquire: () => Promise.reject(down) };
  await withBot(limiter, async (bot, emu) => {
    const error = await bot.sendMessage(5, 'never sent').catch((e: unknown) => e);
    assert.equal(error, down);
    const withSignal = await bot
      .callApi('sendMessage', { chat_id: 5, text: 'never sent' }, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    assert.equal(withSignal, down);
    assert.equal(emu.callsOf('sendMessage').length, 0);
  });
});

test('a call aborted while it waits for its turn is ABORTED, with the reason as cause', async () => {
  const controller = new AbortController();
  const reason = new Error('the user pressed cancel');
  const limiter: FloodLimiter = {
    acquire: (_method, _chatId, signal) =>
      new Promise((_resolve, reject) => {
        signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
        controller.abort(reason);
      }),
  };
  await withBot(limiter, async (bot, emu) => {
    const error = await bot
      .callApi('sendMessage', { chat_id: 5, text: 'never sent' }, { signal: controller.signal })
      .catch((e: unknown) => e);
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ABORTED');
    assert.match(error.message, /\(method sendMessage\): the request was aborted$/);
    assert.equal(error.cause, reason);
    assert.equal(emu.callsOf('sendMessage').length, 0);
  });
});
