// A business bot (Bot API 7.2+) answers customers on behalf of the business account: every
// business message carries `business_connection_id`, and a reply must be sent with it, else it
// goes out from the bot itself (where Telegram refuses it: the bot has no chat with the
// customer). Found by a trial bot: `bot.replyTo(businessMessage, ...)` dropped the connection and
// the handler's `business_connection_id` was typed as maybe absent. Channel posts are always in a
// channel: their handlers get `chat` typed as one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Never run: only compiled (npm run typecheck).
function typeChecks(bot: Botte): void {
  bot.businessMessageHandler({}, (m) => {
    type _ = Expect<Equal<typeof m.business_connection_id, string>>;
    const text: string = m.text;
    void text;
  });
  bot.businessMessageHandler({ contentTypes: ['photo'], chatTypes: ['private'] }, (m) => {
    const connection: string = m.business_connection_id;
    void [connection, m.photo[0], m.chat.first_name];
  });
  bot.editedBusinessMessageHandler({}, (m) => {
    const both: [string, number] = [m.business_connection_id, m.edit_date];
    void both;
  });
  bot.registerBusinessMessageHandler((m) => {
    const connection: string = m.business_connection_id;
    void connection;
  });
  bot.channelPostHandler({}, (m) => {
    type _ = Expect<Equal<typeof m.chat.type, 'channel'>>;
    const title: string = m.chat.title;
    void title;
  });
  bot.editedChannelPostHandler({ contentTypes: ['photo'] }, (m) => {
    const title: string = m.chat.title;
    void [title, m.edit_date, m.photo];
  });
  // Plain messages are not business messages.
  bot.handleMsg({}, (m) => {
    type _ = Expect<Equal<typeof m.business_connection_id, string | undefined>>;
  });
}
void typeChecks;

const customer = { id: 901, is_bot: false, first_name: 'Cust' };
const chat = { id: 901, type: 'private' as const, first_name: 'Cust' };

test('replyTo a business message answers through the same business connection', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  bot.businessMessageHandler({}, (m) => bot.replyTo(m, 'We are open 9-18'));
  bot.handleMsg({}, (m) => bot.replyTo(m, 'plain'));
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    emu.pushUpdate({
      business_message: { message_id: 10, date: 1, chat, from: customer, business_connection_id: 'bc1', text: 'open?' },
    });
    const reply = await emu.waitForCall('sendMessage');
    assert.deepEqual(reply.params, {
      chat_id: 901,
      text: 'We are open 9-18',
      reply_parameters: { message_id: 10 },
      business_connection_id: 'bc1',
    });
    assert.equal(
      (reply.response as { result?: { business_connection_id?: string } }).result?.business_connection_id,
      'bc1',
    );

    // An ordinary message gets no business_connection_id, and an explicit option still wins.
    const since = emu.calls.length;
    emu.pushMessage('hi', { userId: 5 });
    const plain = await emu.waitForCall('sendMessage', undefined, { since });
    assert.equal('business_connection_id' in plain.params, false);
    const chosen = await bot.replyTo({ message_id: 10, chat, business_connection_id: 'bc1' }, 'from the bot itself', {
      business_connection_id: 'bc2',
    });
    assert.equal(chosen.business_connection_id, 'bc2');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
