import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Tg from '../src/api/generated/telegram-types.js';
import * as types from '../src/types/index.js';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('ReplyParameters, LinkPreviewOptions', () => {
  assert.equal(JSON.stringify(new types.ReplyParameters(5)), '{"message_id":5}');
  assert.deepEqual(roundTrip(new types.ReplyParameters(5, { allow_sending_without_reply: false, quote: '' })), {
    message_id: 5,
    allow_sending_without_reply: false,
    quote: '',
  });
  const ephemeral = new types.ReplyParameters(undefined, { ephemeral_message_id: 3 });
  assert.deepEqual(Object.keys(ephemeral), ['ephemeral_message_id']);
  assert.equal(JSON.stringify(new types.LinkPreviewOptions({ is_disabled: true })), '{"is_disabled":true}');
});

test('MessageEntity requires the fields its type needs', () => {
  const link = new types.MessageEntity('text_link', 0, 4, { url: 'https://t.me' });
  assert.deepEqual(roundTrip(link), { type: 'text_link', offset: 0, length: 4, url: 'https://t.me' });
  const url: string = link.url;
  assert.equal(url, 'https://t.me');
  assert.equal(JSON.stringify(new types.MessageEntity('bold', 1, 2)), '{"type":"bold","offset":1,"length":2}');
  // @ts-expect-error text_link needs a url
  void new types.MessageEntity('text_link', 0, 1);
  const entity: Tg.MessageEntity = new types.MessageEntity('pre', 0, 1, { language: 'ts' });
  assert.ok(entity instanceof types.MessageEntity);
});

test('commands, scopes, menu buttons, permissions', () => {
  assert.equal(JSON.stringify(new types.BotCommand('start', 'Start')), '{"command":"start","description":"Start"}');
  const scopes: Tg.BotCommandScope[] = [
    new types.BotCommandScopeDefault(),
    new types.BotCommandScopeAllPrivateChats(),
    new types.BotCommandScopeAllGroupChats(),
    new types.BotCommandScopeAllChatAdministrators(),
    new types.BotCommandScopeChat(-100),
    new types.BotCommandScopeChatAdministrators('@chan'),
    new types.BotCommandScopeChatMember(-100, 7),
  ];
  assert.deepEqual(roundTrip(scopes), [
    { type: 'default' },
    { type: 'all_private_chats' },
    { type: 'all_group_chats' },
    { type: 'all_chat_administrators' },
    { type: 'chat', chat_id: -100 },
    { type: 'chat_administrators', chat_id: '@chan' },
    { type: 'chat_member', chat_id: -100, user_id: 7 },
  ]);
  const menus: Tg.MenuButton[] = [
    new types.MenuButtonCommands(),
    new types.MenuButtonWebApp('Open', new types.WebAppInfo('https://app')),
    new types.MenuButtonDefault(),
  ];
  assert.deepEqual(roundTrip(menus), [
    { type: 'commands' },
    { type: 'web_app', text: 'Open', web_app: { url: 'https://app' } },
    { type: 'default' },
  ]);
  const permissions = new types.ChatPermissions({ can_send_messages: false, can_send_polls: undefined });
  assert.equal(JSON.stringify(permissions), '{"can_send_messages":false}');
});

test('payments, reactions, polls and checklists', () => {
  const option = new types.ShippingOption('dhl', 'DHL').addPrice(new types.LabeledPrice('Shipping', 0));
  assert.equal(JSON.stringify(option), '{"id":"dhl","title":"DHL","prices":[{"label":"Shipping","amount":0}]}');
  const reactions: Tg.ReactionType[] = [
    new types.ReactionTypeEmoji('👍'),
    new types.ReactionTypeCustomEmoji('123'),
    new types.ReactionTypePaid(),
  ];
  assert.deepEqual(roundTrip(reactions), [
    { type: 'emoji', emoji: '👍' },
    { type: 'custom_emoji', custom_emoji_id: '123' },
    { type: 'paid' },
  ]);
  const checklist = new types.InputChecklist('Todo', [new types.InputChecklistTask(1, 'Milk')], {
    others_can_add_tasks: false,
  });
  assert.deepEqual(roundTrip(checklist), {
    title: 'Todo',
    tasks: [{ id: 1, text: 'Milk' }],
    others_can_add_tasks: false,
  });
  assert.equal(JSON.stringify(new types.InputPollOption('Yes')), '{"text":"Yes"}');
});

test('the namespace exports Telegram types, with Botte defaults for file generics (compile-time)', () => {
  const user: types.User = { id: 1, is_bot: false, first_name: 'A' };
  const update: types.Update = { update_id: 1 };
  const media: types.InputMedia = new types.InputMediaPhoto(new types.InputFile(Buffer.from('x'), 'x.jpg'));
  const paid: types.InputPaidMedia = new types.InputPaidMediaPhoto('id');
  const button: types.InlineKeyboardButton = new types.InlineKeyboardButton('a', { url: 'https://t.me' });
  const result: types.InlineQueryResult = new types.InlineQueryResultGame('1', 'g');
  const content: types.InputMessageContent = new types.InputTextMessageContent('t');
  assert.ok(user && update && media && paid && button && result && content);
});
