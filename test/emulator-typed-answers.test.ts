/**
 * The emulator answers every method whose Bot API result is an object with an object of that
 * shape, not with `true`: a business bot calling `getBusinessConnection(id)` and reading
 * `.user_chat_id` must get a BusinessConnection (found by a trial bot, where it got `true`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

interface SpecMethod {
  name: string;
  returns: string;
}
const spec = JSON.parse(readFileSync(new URL('../spec/bot-api.json', import.meta.url), 'utf8')) as {
  methods: SpecMethod[];
};

const owner = { id: 900, is_bot: false, first_name: 'Owner' };

describe('emulator: methods whose result is an object answer one', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  });
  after(async () => {
    await bot.closeSession();
    await emu.stop();
  });

  // Each method, called as a bot would, and what its answer must have.
  const calls: Record<string, () => Promise<void>> = {
    getBusinessConnection: async () => {
      emu.pushUpdate({
        business_connection: { id: 'bc1', user: owner, user_chat_id: 900, date: 1, is_enabled: true },
      });
      const known = await bot.getBusinessConnection('bc1');
      assert.deepEqual(
        { id: known.id, user: known.user.id, chat: known.user_chat_id, on: known.is_enabled },
        { id: 'bc1', user: 900, chat: 900, on: true },
      );
      const other = await bot.getBusinessConnection('bc-unknown');
      assert.equal(other.id, 'bc-unknown');
      assert.equal(typeof other.user.id, 'number');
      assert.equal(typeof other.user_chat_id, 'number');
    },
    postStory: async () => {
      const story = await bot.postStory('bc1', new types.InputStoryContentPhoto(Buffer.from('jpg')), 86400);
      assert.equal(typeof story.id, 'number');
      assert.equal(story.chat.id, 900, 'posted in the business account of the connection');
      const again = await bot.repostStory('bc1', 900, story.id, 86400);
      assert.notEqual(again.id, story.id);
      const edited = await bot.editStory('bc1', story.id, { type: 'photo', photo: Buffer.from('png') });
      assert.deepEqual([edited.id, edited.chat.id], [story.id, 900]);
    },
    repostStory: async () => {},
    editStory: async () => {},
    editMessageChecklist: async () => {
      const sent = await bot.sendChecklist('bc1', 901, { title: 'Todo', tasks: [{ id: 1, text: 'milk' }] });
      const edited = await bot.editMessageChecklist('bc1', 901, sent.message_id, {
        title: 'Shopping',
        tasks: [
          { id: 1, text: 'milk' },
          { id: 2, text: 'eggs' },
        ],
      });
      assert.equal(edited.message_id, sent.message_id);
      assert.equal(edited.checklist.title, 'Shopping');
      assert.deepEqual(
        edited.checklist.tasks.map((t) => t.text),
        ['milk', 'eggs'],
      );
      assert.equal(typeof edited.edit_date, 'number');
    },
    getManagedBotToken: async () => {
      const token = await bot.getManagedBotToken(777);
      assert.match(token, /^777:[A-Za-z0-9_-]{20,}$/);
      const replaced = await bot.replaceManagedBotToken(777);
      assert.match(replaced, /^777:/);
      assert.notEqual(replaced, token);
      assert.equal(await bot.getManagedBotToken(777), replaced, 'the new token is the current one');
    },
    replaceManagedBotToken: async () => {},
    getManagedBotAccessSettings: async () => {
      const settings = await bot.getManagedBotAccessSettings(777);
      assert.equal(settings.is_access_restricted, false);
    },
    savePreparedKeyboardButton: async () => {
      const prepared = await bot.savePreparedKeyboardButton(5, {
        text: 'Pick a user',
        request_users: { request_id: 1 },
      });
      assert.equal(typeof prepared.id, 'string');
      assert.ok(prepared.id.length > 0);
    },
    answerGuestQuery: async () => {
      const sent = await bot.answerGuestQuery('gq1', {
        type: 'article',
        id: 'a',
        title: 'T',
        input_message_content: { message_text: 'hi' },
      });
      assert.equal(typeof sent.inline_message_id, 'string');
    },
    setGameScore: async () => {
      const game = await bot.sendGame(5, 'snake');
      const edited = await bot.setGameScore(5, 100, { chat_id: 5, message_id: game.message_id });
      assert.notEqual(edited, true, 'a game message in a chat is answered with the edited Message');
      if (edited !== true) assert.equal(edited.message_id, game.message_id);
      assert.equal(await bot.setGameScore(5, 100, { inline_message_id: 'inl' }), true);
    },
  };

  it('never answers `true` for a method of the description whose result is an object', async () => {
    // Without validation every default runs, even with no parameters: it may refuse the call, but
    // a `true` means the method has no default of its own.
    const raw = await BotApiEmulator.start({ validate: false });
    try {
      const answeredTrue: string[] = [];
      // A result that may be True (an inline message edited) is not checked here.
      const objectResults = spec.methods.filter((m) => !/\btrue\b/.test(m.returns));
      for (const { name } of objectResults) {
        if (name === 'getUpdates') continue;
        const res = await fetch(`${raw.url}/bot${raw.token}/${name}`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        });
        const body = (await res.json()) as { ok: boolean; result?: unknown };
        if (body.ok && body.result === true) answeredTrue.push(name);
      }
      assert.deepEqual(answeredTrue, [], 'methods answered `true` although their result is an object');
      assert.ok(objectResults.length > 60, `${objectResults.length} methods checked`);
    } finally {
      await raw.stop();
    }
  });

  for (const [name, run] of Object.entries(calls)) it(name, run);
});
