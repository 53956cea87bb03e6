// The examples of examples/ about commands, keyboards, editing, inline mode and next steps, each
// run against the emulator with a short conversation (see test/example-harness.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startExample } from './example-harness.js';
import * as echo from '../examples/echo-bot.js';
import * as commands from '../examples/commands-bot.js';
import * as replyKeyboard from '../examples/reply-keyboard-bot.js';
import * as pagination from '../examples/pagination-bot.js';
import * as editDelete from '../examples/edit-delete-bot.js';
import * as inlineMode from '../examples/inline-mode-bot.js';
import * as deepLink from '../examples/deep-link-bot.js';
import * as nextStep from '../examples/next-step-bot.js';

test('echo-bot: greets on /start and echoes text', async () => {
  const run = await startExample(echo.createBot);
  try {
    assert.equal((await run.say('/start')).params.text, 'Howdy, how are you doing?');
    const echoed = await run.say('Hello Botte!');
    assert.equal(echoed.params.text, 'Hello Botte!');
    assert.equal((echoed.params.reply_parameters as { message_id: number }).message_id, 3); // /start=1, greeting=2
  } finally {
    await run.stop();
  }
});

test('commands-bot: arguments of /add and /say, setMyCommands per language and scope', async () => {
  const run = await startExample(commands.createBot);
  try {
    assert.equal((await run.say('/add 2 3 4')).params.text, '9');
    assert.equal((await run.say('/add two')).params.text, 'Usage: /add 2 3 4');
    assert.equal((await run.say('/say hello world')).params.text, 'hello world');
    assert.equal((await run.say('/stats', { chatType: 'group' })).params.text, 'This group has 10 members.');
    await commands.setupCommands(run.bot);
    const menus = run.emu.callsOf('setMyCommands').map((call) => call.params);
    assert.deepEqual(
      menus.map((p) => [(p.commands as Array<{ command: string }>).map((c) => c.command), p.language_code, p.scope]),
      [
        [['add', 'say'], undefined, undefined],
        [['add', 'say'], 'de', undefined],
        [['stats'], undefined, { type: 'all_chat_administrators' }],
      ],
    );
  } finally {
    await run.stop();
  }
});

test('reply-keyboard-bot: shows a keyboard, reacts to its buttons and a contact, removes it', async () => {
  const run = await startExample(replyKeyboard.createBot);
  try {
    const shown = await run.say('/start');
    const keyboard = (
      shown.params.reply_markup as { keyboard: Array<Array<{ text: string; request_contact?: boolean }>> }
    ).keyboard;
    assert.deepEqual(
      keyboard.map((row) => row.map((b) => b.text)),
      [
        ['🍎 Apple', '🍌 Banana', '🍒 Cherry'],
        ['📱 Share my phone', 'Done'],
      ],
    );
    assert.equal(keyboard[1]![0]!.request_contact, true);
    assert.equal((await run.say('🍌 Banana')).params.text, 'Banana it is!');
    const contact = { phone_number: '+15550001', first_name: 'Ada', user_id: 1001 };
    assert.equal((await run.say(undefined, { extra: { contact } })).params.text, 'Thanks, I got +15550001.');
    assert.deepEqual((await run.say('Done')).params.reply_markup, { remove_keyboard: true });
  } finally {
    await run.stop();
  }
});

test('pagination-bot: ▶ edits the list to the next page and answers the callback query', async () => {
  const run = await startExample(pagination.createBot);
  try {
    const first = await run.say('/list');
    assert.equal(first.params.text, 'Item 1\nItem 2\nItem 3\nItem 4\nItem 5');
    const messageId = (first.response!.result as { message_id: number }).message_id;
    const since = run.emu.calls.length;
    run.emu.pushCallbackQuery('page:1', { message: messageId });
    const answered = await run.emu.waitForCall('answerCallbackQuery', undefined, { since, timeoutMs: 5000 });
    const [edit] = run.callsSince(since).filter((c) => c.method === 'editMessageText');
    assert.equal(edit!.params.text, 'Item 6\nItem 7\nItem 8\nItem 9\nItem 10');
    assert.equal(edit!.params.message_id, messageId);
    const row = (
      edit!.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard[0]!;
    assert.deepEqual(
      row.map((b) => b.callback_data),
      ['page:0', 'noop', 'page:2'],
    );
    assert.ok(run.emu.calls.indexOf(edit!) < run.emu.calls.indexOf(answered), 'the edit comes before the answer');
    const noop = await run.expect('answerCallbackQuery', () =>
      run.emu.pushCallbackQuery('noop', { message: messageId }),
    );
    assert.equal(noop.params.text, 'That is the page number.');
  } finally {
    await run.stop();
  }
});

test('edit-delete-bot: counts down by editing, deletes the secret, answers an edit', async () => {
  const create = (token: string, options: object) => editDelete.createBot(token, options, 5);
  const run = await startExample(create);
  try {
    const since = run.emu.calls.length;
    run.emu.pushMessage('/countdown');
    await run.emu.waitForCall('editMessageText', (c) => c.params.text === 'Go!', { since, timeoutMs: 5000 });
    assert.deepEqual(
      run.callsSince(since).map((c) => c.params.text),
      ['3', '2', '1', 'Go!'],
    );
    const secret = run.emu.calls.length;
    run.emu.pushMessage('/secret');
    await run.emu.waitForCall('deleteMessage', (c) => c.params.message_id === 3, { since: secret, timeoutMs: 5000 });
    assert.deepEqual(
      run.callsSince(secret).map((c) => [c.method, c.params.message_id]),
      [
        ['sendMessage', undefined],
        ['deleteMessage', 4],
        ['deleteMessage', 3],
      ],
    );
    const edited = await run.say('new words', { editOf: 3 });
    assert.equal(edited.params.text, 'You changed your message to: new words');
  } finally {
    await run.stop();
  }
});

test('inline-mode-bot: four result types for a query, a button for an empty one', async () => {
  const run = await startExample(inlineMode.createBot);
  try {
    const from = { id: 1001, is_bot: false, first_name: 'Ada' };
    const answer = await run.expect('answerInlineQuery', () =>
      run.emu.pushUpdate({ inline_query: { id: 'q1', from, query: 'cats', offset: '' } }),
    );
    assert.equal(answer.params.inline_query_id, 'q1');
    const results = answer.params.results as Array<{ type: string; id: string }>;
    assert.deepEqual(
      results.map((r) => r.type),
      ['article', 'photo', 'location', 'contact'],
    );
    assert.equal(answer.params.is_personal, true);
    const empty = await run.expect('answerInlineQuery', () =>
      run.emu.pushUpdate({ inline_query: { id: 'q2', from, query: '', offset: '' } }),
    );
    assert.deepEqual(empty.params.results, []);
    assert.deepEqual(empty.params.button, { text: 'Open the bot to learn more', start_parameter: 'inline-help' });
  } finally {
    await run.stop();
  }
});

test('deep-link-bot: reads the /start payload and builds an invitation link', async () => {
  const run = await startExample(deepLink.createBot);
  try {
    assert.equal((await run.say('/start ref-77')).params.text, 'Welcome! You were invited by user 77.');
    assert.equal((await run.say('/start promo')).params.text, 'Welcome! You came with the payload "promo".');
    assert.equal(
      (await run.say('/invite', { userId: 5 })).params.text,
      'Share this link: https://t.me/botte_test_bot?start=ref-5',
    );
  } finally {
    await run.stop();
  }
});

test('next-step-bot: asks size then address, re-asks a bad answer, /cancel clears the step', async () => {
  const run = await startExample(nextStep.createBot);
  try {
    assert.equal((await run.say('/order')).params.text, 'Which size?');
    assert.equal((await run.say('Huge')).params.text, 'Please choose one of: Small, Medium, Large');
    assert.equal((await run.say('Large')).params.text, 'Where should we deliver it?');
    assert.equal((await run.say('1 Main St')).params.text, 'A large pizza is on its way to 1 Main St.');
    await run.say('/order');
    assert.equal((await run.say('/cancel')).params.text, 'Order cancelled.');
  } finally {
    await run.stop();
  }
});
