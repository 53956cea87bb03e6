// The examples of examples/ about states, middlewares, filters, chat members, reactions,
// formatting, files, payments and polls, each run against the emulator (see test/example-harness.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startExample } from './example-harness.js';
import * as form from '../examples/form-states-bot.js';
import * as functionMiddleware from '../examples/function-middleware-bot.js';
import * as classMiddleware from '../examples/class-middleware-bot.js';
import * as customFilters from '../examples/custom-filters-bot.js';
import * as chatMember from '../examples/chat-member-bot.js';
import * as reactions from '../examples/reactions-bot.js';
import * as formatting from '../examples/formatting-bot.js';

const user = { id: 1001, is_bot: false, first_name: 'Ada' };

test('form-states-bot: the form in memory, /cancel from any step, a bad age asked again', async () => {
  const run = await startExample(form.createBot);
  try {
    assert.match(String((await run.say('/form')).params.text), /What is your name/);
    assert.equal((await run.say('Ada')).params.text, 'Nice to meet you, Ada. How old are you?');
    assert.equal((await run.say('old')).params.text, 'Please send your age as a number.');
    assert.equal((await run.say('36')).params.text, 'Ada, 36 years. Is that right?');
    assert.equal((await run.say('Yes')).params.text, 'Saved: Ada, 36.');
    assert.equal((await run.say('/form')).params.text, 'Hi! What is your name? (/cancel to stop)');
    assert.equal((await run.say('/cancel')).params.text, 'Form cancelled.');
    assert.equal(form.storageFromEnv({}).constructor.name, 'StateMemoryStorage');
    assert.equal(form.storageFromEnv({ STATE_STORAGE: 'redis' }).constructor.name, 'StateRedisStorage');
    assert.throws(() => form.storageFromEnv({ STATE_STORAGE: 'disk' }), /memory, file or redis/);
  } finally {
    await run.stop();
  }
});

test('form-states-bot: with STATE_STORAGE=file the form survives a restart of the bot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-form-'));
  const env = { STATE_STORAGE: 'file', STATE_FILE: join(dir, 'states.json') };
  try {
    const first = await startExample((token, options) =>
      form.createBot(token, { ...options, stateStorage: form.storageFromEnv(env) }),
    );
    try {
      await first.say('/form');
      await first.say('Grace');
    } finally {
      await first.stop();
    }
    assert.match(readFileSync(env.STATE_FILE, 'utf8'), /Grace/);
    const second = await startExample((token, options) =>
      form.createBot(token, { ...options, stateStorage: form.storageFromEnv(env) }),
    );
    try {
      assert.equal((await second.say('85')).params.text, 'Grace, 85 years. Is that right?');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('function-middleware-bot: i18n by language_code, banned users skipped, whole updates logged', async () => {
  const seen: number[] = [];
  const run = await startExample((token, options) =>
    functionMiddleware.createBot(token, options, new Set([666]), seen),
  );
  try {
    assert.equal((await run.say('/hello', { languageCode: 'de' })).params.text, 'Hallo!');
    assert.equal((await run.say('/bye', { languageCode: 'fr' })).params.text, 'Au revoir !');
    const since = run.emu.calls.length;
    run.emu.pushMessage('/hello', { userId: 666 });
    assert.equal((await run.say('/hello', { userId: 3003 })).params.text, 'Hello!');
    assert.deepEqual(
      run.callsSince(since).map((c) => c.params.chat_id),
      [3003],
      'the banned user got no answer',
    );
    assert.equal(seen.length, 4);
  } finally {
    await run.stop();
  }
});

test('class-middleware-bot: data from preProcess, anti-flood skips the handler, timing in postProcess', async () => {
  const durations: number[] = [];
  const run = await startExample((token, options) => classMiddleware.createBot(token, options, 60_000, durations));
  try {
    assert.equal((await run.say('/start', { languageCode: 'es' })).params.text, '¡Bienvenido!');
    const since = run.emu.calls.length;
    const warned = await run.say('/start', { languageCode: 'es' });
    assert.equal(warned.params.text, 'Demasiado rápido, espera un momento.');
    assert.equal((await run.say('/start', { userId: 2002 })).params.text, 'Welcome!');
    assert.equal(run.callsSince(since).length, 2, 'the flooding message reached no handler');
    await run.bot.stopBot(); // waits for the handlers and their postProcess
    assert.equal(durations.length, 3, 'postProcess ran for every message, the skipped one too');
  } finally {
    await run.stop();
  }
});

test('custom-filters-bot: built-in and new custom filters pick the handler', async () => {
  const run = await startExample((token, options) => customFilters.createBot(token, options, 4242));
  try {
    assert.equal(
      (await run.say('/stats', { chatId: 4242, userId: 4242 })).params.text,
      'Stats are for you only: all good.',
    );
    assert.equal((await run.say('HI')).params.text, 'Hi there!');
    const url = 'https://example.com';
    assert.equal(
      (await run.say(`see ${url}`, { entities: [{ type: 'url', offset: 4, length: url.length }] })).params.text,
      'Thanks for the link.',
    );
    assert.equal(
      (await run.say('news', { extra: { forward_origin: { type: 'hidden_user', sender_user_name: 'X', date: 1 } } }))
        .params.text,
      'Forwarded from somewhere.',
    );
    assert.equal((await run.say('yes', { replyToMessage: 1 })).params.text, 'You replied to message 1.');
    assert.equal((await run.say('I need support')).params.text, 'Help is on the way.');
    assert.equal(
      (await run.say('Guten Tag', { userId: 77, languageCode: 'de' })).params.text,
      'Ich spreche auch Deutsch.',
    );
    assert.equal((await run.say('x'.repeat(120))).params.text, 'That is a long message.');
    // /stats from another chat matches no handler: nothing is sent for it.
    const since = run.emu.calls.length;
    run.emu.pushMessage('/stats');
    await run.say('hi');
    assert.equal(run.callsSince(since).length, 1);
  } finally {
    await run.stop();
  }
});

test('chat-member-bot: thanks when added, greets joiners, approves or declines join requests', async () => {
  const run = await startExample(chatMember.createBot, { polling: { allowedUpdates: chatMember.ALLOWED_UPDATES } });
  try {
    const chat = { id: -100123, type: 'supergroup', title: 'Botte fans' };
    const date = 1;
    const bot = { id: 123456, is_bot: true, first_name: 'Botte Test' };
    const added = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({
        my_chat_member: {
          chat,
          from: user,
          date,
          old_chat_member: { status: 'left', user: bot },
          new_chat_member: { status: 'member', user: bot },
        },
      }),
    );
    assert.match(String(added.params.text), /Thanks for adding me/);
    const joined = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({
        chat_member: {
          chat,
          from: user,
          date,
          old_chat_member: { status: 'left', user },
          new_chat_member: { status: 'member', user },
        },
      }),
    );
    assert.deepEqual([joined.params.chat_id, joined.params.text], [-100123, 'Welcome, Ada!']);
    const welcome = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({ chat_join_request: { chat, from: user, user_chat_id: 1001, date } }),
    );
    assert.deepEqual([welcome.params.chat_id, welcome.params.text], [1001, 'You are in! Welcome to Botte fans.']);
    assert.deepEqual(
      run.emu.callsOf('approveChatJoinRequest').map((c) => [c.params.chat_id, c.params.user_id]),
      [[-100123, 1001]],
    );
    const spammer = { id: 666, is_bot: false, first_name: 'Spammer' };
    const declined = await run.expect('declineChatJoinRequest', () =>
      run.emu.pushUpdate({ chat_join_request: { chat, from: spammer, user_chat_id: 666, date } }),
    );
    assert.equal(declined.params.user_id, 666);
    assert.deepEqual(
      run.emu.calls.filter((c) => c.method === 'getUpdates').at(-1)!.params.allowed_updates,
      chatMember.ALLOWED_UPDATES,
    );
  } finally {
    await run.stop();
  }
});

test('reactions-bot: reacts 👍 to thanks, answers a 🔥 reaction', async () => {
  const run = await startExample(reactions.createBot, { polling: { allowedUpdates: reactions.ALLOWED_UPDATES } });
  try {
    const reaction = await run.say('thanks a lot', {}, 'setMessageReaction');
    assert.deepEqual(reaction.params.reaction, [{ type: 'emoji', emoji: '👍' }]);
    assert.equal(reaction.params.message_id, 1);
    const answer = await run.expect('sendMessage', () =>
      run.emu.pushUpdate({
        message_reaction: {
          chat: { id: 1001, type: 'private', first_name: 'Ada' },
          message_id: 7,
          user,
          date: 1,
          old_reaction: [{ type: 'emoji', emoji: '👍' }],
          new_reaction: [
            { type: 'emoji', emoji: '👍' },
            { type: 'emoji', emoji: '🔥' },
          ],
        },
      }),
    );
    assert.equal(answer.params.text, 'Glad you like it!');
    assert.deepEqual(answer.params.reply_parameters, { message_id: 7 });
  } finally {
    await run.stop();
  }
});

test('formatting-bot: HTML and MarkdownV2 escape user input, entities nest, smartSplit cuts at line ends', async () => {
  const run = await startExample(formatting.createBot);
  try {
    const html = await run.say('/html', { firstName: 'A<b>&' });
    assert.equal(html.params.parse_mode, 'HTML');
    assert.equal(html.params.text, '<b>Hello, A&lt;b&gt;&amp;!</b>\n<i>Welcome to &lt;Botte&gt;</i>');
    const md = await run.say('/markdown', { firstName: 'Ann_1' });
    assert.equal(md.params.parse_mode, 'MarkdownV2');
    assert.equal(md.params.text, '*Hello, Ann\\_1\\!*\nPrices: 1\\.5 \\(incl\\. tax\\) \\- see docs\\.');
    const entities = await run.say('/entities', { firstName: 'Ada' });
    assert.equal(entities.params.text, 'Hello, Ada! Read the guide or run npm test.');
    assert.deepEqual(entities.params.entities, [
      { type: 'bold', offset: 0, length: 11 },
      { type: 'italic', offset: 7, length: 3 },
      { type: 'text_link', offset: 17, length: 9, url: 'https://core.telegram.org/bots' },
      { type: 'code', offset: 34, length: 8 },
    ]);
    const since = run.emu.calls.length;
    run.emu.pushMessage('/long');
    const expected = formatting.longText();
    await run.emu.waitForCall(
      'sendMessage',
      (c) => String(c.params.text).endsWith('Line 300: the quick brown fox jumps over the lazy dog.'),
      { since, timeoutMs: 5000 },
    );
    const parts = run.callsSince(since).map((c) => String(c.params.text));
    assert.equal(parts.join(''), expected);
    assert.ok(parts.length >= 5);
    for (const part of parts.slice(0, -1)) {
      assert.ok(part.length <= 4096);
      assert.ok(part.endsWith('\n'), 'cut at a line end');
    }
  } finally {
    await run.stop();
  }
});
