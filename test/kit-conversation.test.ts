/** The conversation kit: scripted chats with a real bot running on the emulator. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BotApiEmulator } from '../src/testing/index.js';
import type { Botte } from '../src/index.js';
import { createButtonsBot } from '../examples/buttons-bot.js';

describe('conversation kit', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = createButtonsBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    running = bot.runthebot({ longPollingTimeout: 1 });
  });
  after(async () => {
    await bot.stopBot();
    await running.catch(() => undefined);
    await emu.stop();
  });

  it('send + expectReply: /start gets the welcome, text is echoed', async () => {
    const chat = emu.privateChat({ user: { id: 501, first_name: 'Ann' } });
    await chat.send('/start');
    const reply = await chat.expectReply(/Howdy/);
    assert.equal(reply.chat.id, 501);
    await chat.send('hello');
    await chat.expectReply('hello');
    assert.deepEqual(
      chat.history.map((m) => m.text),
      ['/start', 'Howdy, how are you doing?', 'hello', 'hello'],
    );
  });

  it('expectReply fails clearly, listing what the bot sent', async () => {
    const chat = emu.privateChat({ user: { id: 502 } });
    await chat.send('something else');
    await assert.rejects(chat.expectReply(/Howdy/), (error: Error) => {
      assert.match(error.message, /expectReply\(\/Howdy\/\): the bot's next message in chat 502 was "something else"/);
      assert.match(error.message, /sendMessage/);
      return true;
    });
    await assert.rejects(
      chat.expectReply(/anything/, { timeoutMs: 200 }),
      /timed out after 200 ms: the bot sent no new message to chat 502/,
    );
  });

  it('pressButton: the bot edits the message and answers with a toast or alert', async () => {
    const chat = emu.privateChat({ user: { id: 503 } });
    await chat.send('/menu');
    const menu = await chat.expectReply('Do you like buttons?');
    assert.deepEqual(menu.entities, [{ type: 'bold', offset: 12, length: 7 }]);
    await assert.rejects(
      chat.pressButton('Maybe'),
      /no inline button with that text in chat 503; buttons shown: "Yes", "No", "Docs"/,
    );
    await assert.rejects(chat.pressButton('Docs'), /has no callback_data \(url\)/);
    const answer = await chat.pressButton('Yes');
    assert.equal(answer.text, 'Thanks!');
    assert.equal(answer.show_alert, false);
    const edited = await chat.expectEdit('Glad you like them!');
    assert.equal(edited.message_id, menu.message_id);
    assert.equal(chat.history.at(-1)!.text, 'Glad you like them!');
    assert.equal(chat.history.at(-1)!.reply_markup, undefined);
    assert.equal(chat.history.length, 2);
    // The edit did not repeat the keyboard, so Telegram removed it.
    await assert.rejects(chat.pressButton('Yes'), /no inline button with that text in chat 503; buttons shown: none/);
    await chat.send('/menu');
    await chat.expectReply('Do you like buttons?');
    await assert.rejects(
      chat.pressButton('Maybe'),
      /no inline button with that text in chat 503; buttons shown: "Yes", "No", "Docs"/,
    );
    await assert.rejects(chat.pressButton('Docs'), /has no callback_data \(url\)/);
  });

  it('reply keyboards: shown, tapped by sending the text, removed', async () => {
    const chat = emu.privateChat({ user: { id: 504 } });
    await chat.send('/keyboard');
    await chat.expectReply('Pick a colour');
    assert.deepEqual(
      chat.replyKeyboard?.map((row) => row.map((b) => b.text)),
      [['Red', 'Green']],
    );
    await chat.send('Green');
    await chat.expectReply('You picked Green');
    assert.equal(chat.replyKeyboard, undefined);
  });

  it('deleted messages leave the history', async () => {
    const chat = emu.privateChat({ user: { id: 505 } });
    await chat.send('/bye');
    await chat.expectReply('This message disappears');
    await chat.expectDeleted();
    assert.deepEqual(
      chat.history.map((m) => m.text),
      ['/bye'],
    );
  });

  it('sendDocument and sendPhoto: the bot downloads the bytes and answers', async () => {
    const chat = emu.privateChat({ user: { id: 506 } });
    await chat.sendDocument(Buffer.from('hello file'), { fileName: 'notes.txt', mimeType: 'text/plain' });
    await chat.expectReply('Got notes.txt (10 bytes)');
    const echoed = await chat.expectReply((m) => m.document !== undefined);
    assert.equal(echoed.document!.file_name, 'echo-notes.txt');
    assert.equal(emu.fileContent(echoed.document!.file_id)?.data.toString(), 'hello file');
    await chat.sendPhoto(Buffer.from([0xff, 0xd8, 0xff]), { caption: 'sunset' });
    await chat.expectReply('Nice photo! sunset');
  });

  it('group chats with several users, and replies to a message', async () => {
    const alice = { id: 601, first_name: 'Alice' };
    const bob = { id: 602, first_name: 'Bob', username: 'bob' };
    const group = emu.groupChat({ users: [alice, bob], title: 'Friends' });
    const first = await group.send('hi all');
    await group.expectReply('hi all');
    const fromBob = await group.send('me too', { from: bob, replyTo: first });
    assert.equal(fromBob.from!.id, 602);
    assert.equal(fromBob.reply_to_message!.message_id, first.message_id);
    const reply = await group.expectReply('me too');
    assert.equal(reply.chat.id, group.id);
    assert.equal(reply.reply_to_message!.message_id, fromBob.message_id);
    assert.equal(group.history.length, 4);
    assert.equal(group.chat.type, 'supergroup');
  });

  it('inline queries and chosen results', async () => {
    const answer = await emu.inlineQuery('cats', { from: { id: 507 } });
    assert.equal(answer.results.length, 1);
    assert.equal(answer.results[0]!.title, 'Say cats');
    const chosen = new Promise<string>((resolve) =>
      bot.chosenInlineHandler(
        () => true,
        (result) => resolve(result.result_id),
      ),
    );
    emu.chooseInlineResult('1', { from: { id: 507 }, query: 'cats' });
    assert.equal(await chosen, '1');
  });
});
