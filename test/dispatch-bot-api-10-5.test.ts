// What Bot API 10.4 and 10.5 changed, as a bot sees it against the emulator: widgets and their
// queries, getMe's BotFullInfo and setMySettings, commands addressed to any active username,
// callback queries that carry inline_message_id instead of message, ephemeral replies that
// name only the callback query.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, NoReplyTargetError, customFilters, StatesGroup } from '../src/index.js';
import type { BotteOptions } from '../src/index.js';
import { useDispatchHarness } from './dispatch-harness.js';
import { recordErrors } from './helpers.js';

const harness = await useDispatchHarness({
  emulator: { botUser: { active_usernames: ['botte_test_bot', 'BotteCollectible'] } },
  create: (token, options) => new Botte(token, options),
});
const { emu } = harness;

function setup(options: BotteOptions = {}) {
  harness.reset();
  return harness.setup(options);
}

describe('Bot API 10.5: getMe and setMySettings', () => {
  test('getMe answers a BotFullInfo, and setMySettings changes what it reports', async () => {
    const { bot } = setup();
    const me = await bot.getMe();
    assert.equal(me.is_bot, true);
    assert.deepEqual(me.active_usernames, ['botte_test_bot', 'BotteCollectible']);
    assert.equal(me.supports_inline_queries, false);
    await bot.setMySettings({
      supports_inline_queries: true,
      inline_query_placeholder: 'Search...',
      callback_query_mode: 'inline',
    });
    const call = emu.callsOf('setMySettings').at(-1)!;
    assert.deepEqual(call.params, {
      supports_inline_queries: true,
      inline_query_placeholder: 'Search...',
      callback_query_mode: 'inline',
    });
    const after = await bot.getMe();
    assert.equal(after.supports_inline_queries, true);
    assert.equal(after.inline_query_placeholder, 'Search...');
  });

  test('commands addressed to any active username are ours; others are not', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({ commands: ['start'] }, (message) => {
      seen.push(message.text!);
    });
    emu.pushMessage('/start@botte_test_bot');
    emu.pushMessage('/start@bottecollectible');
    emu.pushMessage('/start@other_bot');
    emu.pushMessage('/start');
    await feed();
    assert.deepEqual(seen, ['/start@botte_test_bot', '/start@bottecollectible', '/start']);
  });
});

describe('Bot API 10.4: widgets', () => {
  test('sendWidget sends the widget, and the sent message has content_type widget', async () => {
    const { bot } = setup();
    const sent = await bot.sendWidget(1001, '<button>tap</button>', {
      allow_queries: true,
      is_shared: true,
      chat_data: 's1',
    });
    assert.equal(sent.content_type, 'widget');
    assert.equal(sent.widget.html, '<button>tap</button>');
    assert.equal(typeof sent.widget.id, 'string');
    const call = emu.callsOf('sendWidget').at(-1)!;
    assert.deepEqual(call.params, {
      chat_id: 1001,
      html: '<button>tap</button>',
      allow_queries: true,
      is_shared: true,
      chat_data: 's1',
    });
    await bot.sendSharedWidget(1002, sent.widget.id!);
    assert.equal(emu.callsOf('sendSharedWidget').at(-1)!.params.widget_id, sent.widget.id);
  });

  test('widget queries reach widgetQueryHandler and sharedWidgetQueryHandler (and their twins); answers go out', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.widgetQueryHandler({ func: (q) => q.data === 'tap' }, async (query) => {
      seen.push(`widget:${query.data}:${query.chat?.id}:${query.type.type}`);
      await bot.answerWidgetQuery(query.id, { data: 'ok' });
      await bot.editMessageWidgetData(query.chat!.id, query.message_id!, undefined, { chat_data: 'tapped' });
    });
    bot.registerWidgetQueryHandler((query) => {
      seen.push(`twin:${query.data}`);
    });
    bot.sharedWidgetQueryHandler({}, async (query) => {
      seen.push(`shared:${query.widget_id}:${query.data}`);
      await bot.editSharedWidgetData(query.widget_id, '{"n":1}', { cache_time: 60 });
    });
    bot.handleMsg({ contentTypes: ['widget'] }, (message) => {
      seen.push(`message:${message.widget.html}`);
    });
    emu.pushWidgetQuery('tap', { messageId: 5 });
    emu.pushWidgetQuery('other');
    emu.pushSharedWidgetQuery('hi', 'w42', {
      type: { type: 'sign_data', wallet: { address: 'UQ', amount: '1000' }, sign_data: '{}' },
    });
    emu.pushMessage(undefined, { extra: { widget: { html: '<i>w</i>' } } });
    await feed();
    assert.deepEqual(seen, ['widget:tap:1001:data', 'twin:other', 'shared:w42:hi', 'message:<i>w</i>']);
    assert.equal(emu.callsOf('answerWidgetQuery').at(-1)!.params.data, 'ok');
    assert.deepEqual(emu.callsOf('editMessageWidgetData').at(-1)!.params, {
      chat_id: 1001,
      message_id: 5,
      chat_data: 'tapped',
    });
    assert.deepEqual(emu.callsOf('editSharedWidgetData').at(-1)!.params, {
      widget_id: 'w42',
      public_data: '{"n":1}',
      cache_time: 60,
    });
  });
});

describe('Bot API 10.5: callback queries with inline_message_id and no message', () => {
  const Flow = StatesGroup.create('InlineFlow', ['waiting']);

  test('handlers, callbackData and state filters work; replyTo refuses with a typed error; the bot goes on', async () => {
    const { errors: reported, exceptionHandler } = recordErrors();
    const { bot, feed } = setup({ exceptionHandler });
    bot.addCustomFilter(new customFilters.StateFilter(bot));
    const seen: string[] = [];
    bot.callbackQueryHandler({ callbackData: 'go', state: Flow.waiting } as never, async (call) => {
      seen.push(`state:${call.inline_message_id}`);
      await bot.editMessageText('done', undefined, undefined, call.inline_message_id);
    });
    bot.callbackQueryHandler({ callbackData: 'reply' }, async (call) => {
      seen.push('reply');
      await bot.replyTo(call.message as never, 'impossible');
    });
    bot.callbackQueryHandler({ callbackData: /^ask/ }, async (call) => {
      seen.push('ephemeral');
      await bot.sendMessage(undefined, 'only you', { ephemeral_message_parameters: { callback_query_id: call.id } });
    });
    await bot.setState(1001, Flow.waiting, 1001);
    emu.pushCallbackQuery('go', { inlineMessageId: 'im1' });
    emu.pushCallbackQuery('reply', { inlineMessageId: 'im2' });
    emu.pushCallbackQuery('ask', { inlineMessageId: 'im3' });
    await feed();
    assert.deepEqual(seen, ['state:im1', 'reply', 'ephemeral']);
    assert.equal(emu.callsOf('editMessageText').at(-1)!.params.inline_message_id, 'im1');
    assert.equal(reported.length, 1);
    assert.ok(reported[0] instanceof NoReplyTargetError, String(reported[0]));
    assert.match((reported[0] as Error).message, /inline_message_id/);
    assert.equal(emu.callsOf('sendMessage').filter((c) => c.params.text === 'impossible').length, 0);
    const ephemeral = emu.callsOf('sendMessage').at(-1)!;
    assert.equal('chat_id' in ephemeral.params, false);
    assert.equal(
      (ephemeral.params.ephemeral_message_parameters as { callback_query_id: string }).callback_query_id.length > 0,
      true,
    );
  });
});

describe('Bot API 10.4: share themes, verification formatting, chat_id of ephemeral replies', () => {
  test('getChatShareThemeBackdrops answers typed backdrops', async () => {
    const { bot } = setup();
    const { backdrops } = await bot.getChatShareThemeBackdrops();
    assert.ok(backdrops.length > 0);
    const [first] = backdrops;
    assert.equal(typeof first!.id, 'number');
    assert.equal(typeof first!.name, 'string');
    assert.equal(typeof first!.colors.center_color, 'number');
  });

  test('verifyUser sends the custom description with its parse mode', async () => {
    const { bot } = setup();
    await bot.verifyUser(1001, {
      custom_description: '<a href="https://t.me">Org</a>',
      custom_description_parse_mode: 'HTML',
    });
    assert.deepEqual(emu.callsOf('verifyUser').at(-1)!.params, {
      user_id: 1001,
      custom_description: '<a href="https://t.me">Org</a>',
      custom_description_parse_mode: 'HTML',
    });
  });

  test('chat_id may be left out only when the reply names its callback query', async () => {
    const { bot } = setup();
    await assert.rejects(bot.sendMessage(undefined, 'lost'), /chat_id is empty/);
    await assert.rejects(
      bot.sendMessage(undefined, 'lost', { ephemeral_message_parameters: { receiver_user_id: 1001 } }),
      /chat_id is empty/,
    );
  });
});
