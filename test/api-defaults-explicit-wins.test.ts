// Constructor defaults fill in what a call leaves out, never what it says: a call's own
// link_preview_options (a chosen preview URL, say) and its reply_parameters'
// allow_sending_without_reply: false go to Telegram as given, whatever disableWebPagePreview and
// allowSendingWithoutReply say; the sent message shows the call's own preview options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';

test("a call's own link_preview_options and allow_sending_without_reply: false beat the defaults", async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, {
      apiUrl: emu.apiUrl,
      disableWebPagePreview: true,
      allowSendingWithoutReply: true,
    });
    try {
      const question = await bot.sendMessage(1001, 'question');
      const preview = { url: 'https://example.com/page', prefer_large_media: true };
      const sent = await bot.sendMessage(1001, 'see https://example.com', {
        link_preview_options: preview,
        reply_parameters: { message_id: question.message_id, allow_sending_without_reply: false },
      });
      const params = emu.callsOf('sendMessage').at(-1)!.params;
      assert.deepEqual(params.link_preview_options, preview);
      assert.deepEqual(params.reply_parameters, {
        message_id: question.message_id,
        allow_sending_without_reply: false,
      });
      assert.deepEqual(sent.link_preview_options, preview, 'the message Telegram sent shows the chosen preview');
      // And where the call says nothing, the defaults apply.
      await bot.sendMessage(1001, 'plain', { reply_parameters: { message_id: question.message_id } });
      assert.deepEqual(emu.callsOf('sendMessage').at(-1)!.params.link_preview_options, { is_disabled: true });
      assert.deepEqual(emu.callsOf('sendMessage').at(-1)!.params.reply_parameters, {
        message_id: question.message_id,
        allow_sending_without_reply: true,
      });
    } finally {
      await bot.closeSession();
    }
  });
});
