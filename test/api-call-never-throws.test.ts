// Calls fail the way a user awaits them: a call whose parameters cannot be prepared returns a
// rejected Promise (`.catch` sees it) instead of throwing where it is made, and sends nothing; a
// token that is not a string is refused with the token message, whatever validateToken says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('a call whose parameters cannot be prepared (a circular reply_markup) rejects, it does not throw', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: false });
  try {
    const markup: Record<string, unknown> = { inline_keyboard: [] };
    markup.self = markup;
    let call: Promise<unknown> | undefined;
    assert.doesNotThrow(() => {
      call = bot.callApi('sendMessage', { chat_id: 1, text: 'never sent', reply_markup: markup as never });
    });
    assert.ok(call instanceof Promise);
    await assert.rejects(call, RangeError);
    assert.equal(emu.callsOf('sendMessage').length, 0);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('a token that is not a string is refused as malformed, even with validateToken: false', () => {
  for (const options of [{}, { validateToken: false }]) {
    for (const token of [42, undefined, null, { toString: () => '1:x' }]) {
      assert.throws(
        () => new ApiClient(token as never, options),
        (error: unknown) => error instanceof TypeError && /bot token is malformed/.test(error.message),
        `${String(token)} with ${JSON.stringify(options)}`,
      );
    }
  }
});
