// The decorator form of a message registrar, `bot.handleMsg({ func: guard })(handler)`, narrows
// the handler's message by a type-guard `func` as the two-argument form does
// (test/dispatch-func-type-guards.test.ts); filters without a guard keep the plain types. The
// type-level part is checked by `npm run typecheck`; the run shows the handler gets what the
// guard promises, over HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, type Message } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

type Reply = Message & { reply_to_message: Message };
const isReply = (m: Message): m is Reply => m.reply_to_message !== undefined;

// Never run: only compiled.
function typeChecks(bot: Botte): void {
  bot.handleMsg({ func: isReply })((m) => m.reply_to_message.message_id);
  bot.handleMsg(isReply)((m) => m.reply_to_message.message_id);
  bot.handleMsg({ func: isReply, chatTypes: ['private'] })((m) => [m.chat.first_name, m.reply_to_message.message_id]);
  bot.handleMsg({ func: isReply, contentTypes: ['photo'] })((m) => [m.photo.length, m.reply_to_message.message_id]);
  bot.channelPostHandler({ func: isReply })((m) => m.reply_to_message.message_id);
  bot.handleMsg({ commands: ['start'] })((m) => m.text.length);
  // @ts-expect-error a reply is not guaranteed without the guard
  bot.handleMsg({ func: (m) => m.text.length > 0 })((m) => m.reply_to_message.message_id);
  // @ts-expect-error nor with filters that do not narrow
  bot.handleMsg({ commands: ['start'] })((m) => m.reply_to_message.message_id);
}
void typeChecks;

test('a decorator-form type-guard handler gets only the messages the guard accepts', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: isReply })((m) => bot.sendMessage(m.chat.id, `reply to ${m.reply_to_message.message_id}`));
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    emu.pushMessage('first', { userId: 8 });
    emu.pushMessage('second', { userId: 8, replyToMessage: 1 });
    const reply = await emu.waitForCall('sendMessage');
    assert.equal(reply.params.text, 'reply to 1');
    assert.equal(emu.callsOf('sendMessage').length, 1, 'the message that is no reply got no answer');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
