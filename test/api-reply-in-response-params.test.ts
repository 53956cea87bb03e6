// A call kept for the webhook response (replyInResponse) gets the bot's defaults (parse mode,
// protect_content) like any call, but the parameter object the handler passed stays the user's:
// it is not changed, so it can be sent again or kept. Real Botte, real emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { webhookHandler } from '../src/webhook/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test("the webhook reply has the bot's defaults; the handler's parameter object is left as it was", async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML', protectContent: true });
  const params = { chat_id: 5, text: '<b>in the answer</b>' };
  bot.handleMsg({ func: () => true }, async () => {
    await bot.callApi('sendMessage', params);
  });
  try {
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 5, type: 'private' },
        from: { id: 5, is_bot: false, first_name: 'T' },
        text: 'hi',
      },
    };
    const request = new Request('http://local/', { method: 'POST', body: JSON.stringify(update) });
    const response = await webhookHandler(bot, { replyInResponse: true })(request);
    assert.deepEqual(await response.json(), {
      method: 'sendMessage',
      chat_id: 5,
      text: '<b>in the answer</b>',
      parse_mode: 'HTML',
      protect_content: true,
    });
    assert.deepEqual(params, { chat_id: 5, text: '<b>in the answer</b>' });
  } finally {
    await bot.stopBot();
    await emu.stop();
  }
});
