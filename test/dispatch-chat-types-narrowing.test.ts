// `chatTypes` narrows the handler's `message.chat` as grammY's `bot.chatType('private')` narrows
// `ctx.chat`: `chat.type` is the accepted kind and a group's `title` is a string. The type-level
// part is checked by `npm run typecheck`; the run below shows that what the types promise is what
// the handlers get, over real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, type InChat, type Message } from '../src/index.js';
import type { Chat } from '../src/api/generated/telegram-types.js';
import { BotApiEmulator } from '../src/testing/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Never run: only compiled.
function typeChecks(bot: Botte): void {
  bot.handleMsg({ chatTypes: ['private'] }, (m) => {
    type _ = Expect<Equal<typeof m.chat.type, 'private'>>;
    const text: string = m.text; // still a text message
    void text;
  });
  bot.handleMsg({ chatTypes: ['group', 'supergroup'], contentTypes: ['photo'] }, (m) => {
    type _ = Expect<Equal<typeof m.chat.type, 'group' | 'supergroup'>>;
    const title: string = m.chat.title;
    void title;
    void m.photo[0];
  });
  bot.handleMsg({ chatTypes: ['private'], func: (m) => m.text.length > 0 }, (m) => m.chat.first_name);
  bot.handleMsg({ chatTypes: ['private'] })((m) => m.chat.first_name);
  bot.editedHandleMsg({ chatTypes: ['supergroup'] }, (m) => {
    type _ = Expect<Equal<typeof m.chat.type, 'supergroup'>>;
    const edited: number = m.edit_date;
    void edited;
  });
  // Without chatTypes nothing changes: every kind of chat.
  bot.handleMsg({ commands: ['start'] }, (m) => {
    type _ = Expect<Equal<typeof m.chat.type, Chat['type']>>;
  });
  // A handler typed by hand as taking any Message still fits.
  bot.handleMsg({ chatTypes: ['private'] }, (m: Message) => m.chat.id);
  // @ts-expect-error a group's title is not there in a private-chat handler
  bot.handleMsg({ chatTypes: ['private'] }, (m) => m.chat.title.length);
  // @ts-expect-error not a chat type
  bot.handleMsg({ chatTypes: ['privat'] }, () => undefined);
  type _inChat = Expect<Equal<InChat<'channel'>['chat']['type'], 'channel'>>;
}
void typeChecks;

test('private and group handlers get the chats their types say', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  bot.handleMsg({ chatTypes: ['private'] }, (m) => bot.sendMessage(m.chat.id, `private, ${m.chat.first_name}`));
  bot.handleMsg({ chatTypes: ['group', 'supergroup'] }, (m) => bot.sendMessage(m.chat.id, `group ${m.chat.title}`));
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    const ann = emu.privateChat({ user: { id: 501, first_name: 'Ann' } });
    await ann.send('hello');
    await ann.expectReply('private, Ann');
    const group = emu.groupChat({ title: 'Friends', users: [{ id: 501, first_name: 'Ann' }] });
    await group.send('hello all');
    await group.expectReply('group Friends');
    assert.deepEqual(
      emu.callsOf('sendMessage').map((c) => c.params.text),
      ['private, Ann', 'group Friends'],
    );
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
