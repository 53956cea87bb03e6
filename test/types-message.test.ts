import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Tg from '../src/api/generated/telegram-types.js';
import * as types from '../src/types/index.js';
import {
  contentTypeOf,
  contentTypePriority,
  enrichMessage,
  enrichUpdate,
  type ContentType,
  type Message,
  type MessageWith,
  type User,
} from '../src/types/message.js';

// Compile-time assertions: `Expect<Equal<A, B>>` fails to type-check unless A and B are the same type.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

const chat = { id: 1, type: 'private' as const, first_name: 'Ann' };
const user = { id: 7, is_bot: false, first_name: 'Ann' };
const base = { message_id: 1, date: 1700000000, chat, from: user };
const file = { file_id: 'f', file_unique_id: 'u' };

test('contentTypeOf recognises a dozen kinds', () => {
  const cases: [object, ContentType][] = [
    [{ ...base, text: 'hi' }, 'text'],
    [{ ...base, photo: [{ ...file, width: 1, height: 1 }], caption: 'c' }, 'photo'],
    [{ ...base, document: file }, 'document'],
    [{ ...base, animation: file, document: file }, 'animation'],
    [{ ...base, document: file, animation: file }, 'animation'],
    [{ ...base, venue: {}, location: {} }, 'venue'],
    [{ ...base, live_photo: file, photo: [] }, 'live_photo'],
    [{ ...base, sticker: file }, 'sticker'],
    [{ ...base, voice: file }, 'voice'],
    [{ ...base, video_note: file }, 'video_note'],
    [{ ...base, new_chat_members: [user] }, 'new_chat_members'],
    [{ ...base, left_chat_member: user }, 'left_chat_member'],
    [{ ...base, pinned_message: { ...base, text: 'x' } }, 'pinned_message'],
    [{ ...base, dice: { emoji: '🎲', value: 3 } }, 'dice'],
    [{ ...base, poll: {} }, 'poll'],
    [{ ...base, successful_payment: {} }, 'successful_payment'],
    [{ ...base, paid_media: {} }, 'paid_media'],
    [{ ...base, checklist: {} }, 'checklist'],
    [{ ...base, migrate_to_chat_id: 0 }, 'migrate_to_chat_id'],
    [{ ...base, delete_chat_photo: true }, 'delete_chat_photo'],
    [{ ...base, text: 'post', suggested_post_info: {} }, 'text'],
    [{ ...base, users_shared: {} }, 'users_shared'],
  ];
  for (const [message, expected] of cases) assert.equal(contentTypeOf(message), expected, JSON.stringify(message));
  assert.equal(contentTypeOf({ ...base, some_future_field: {} }), undefined);
});

test('contentTypeOf follows contentTypePriority for every kind and every pair of kinds', () => {
  assert.equal(new Set(contentTypePriority).size, types.contentTypes.length);
  for (let i = 0; i < contentTypePriority.length; i++) {
    const first = contentTypePriority[i]!;
    assert.equal(contentTypeOf({ [first]: 0 }), first);
    for (let j = i + 1; j < contentTypePriority.length; j++) {
      assert.equal(
        contentTypeOf({ [contentTypePriority[j]!]: 0, [first]: false }),
        first,
        `${first} before ${contentTypePriority[j]}`,
      );
    }
  }
});

test('contentTypeMedia and contentTypeService split the content types', () => {
  assert.ok(types.contentTypeMedia.includes('photo'));
  assert.ok(types.contentTypeService.includes('new_chat_members'));
  assert.ok(!types.contentTypeService.includes('text'));
  assert.equal(types.contentTypeMedia.length + types.contentTypeService.length, types.contentTypes.length);
});

test('enrichMessage sets content_type and from_user, recursively', () => {
  const reply = { ...base, message_id: 2, photo: [{ ...file, width: 1, height: 1 }] };
  const message = enrichMessage({ ...base, text: 'hi', reply_to_message: reply });
  assert.equal(message.content_type, 'text');
  assert.equal(message.from_user, user);
  assert.equal(message.from, user, 'from stays');
  assert.equal((message.reply_to_message as unknown as Message).content_type, 'photo');
  assert.ok(Object.keys(message).includes('content_type'), 'plain enumerable property');

  const pinned = enrichMessage({
    ...base,
    pinned_message: { ...base, message_id: 3, document: file, animation: file },
  });
  assert.equal(pinned.content_type, 'pinned_message');
  assert.equal((pinned.pinned_message as unknown as Message).content_type, 'animation');
  const inaccessible = enrichMessage({ ...base, pinned_message: { chat, message_id: 3, date: 0 } });
  assert.ok(!('content_type' in inaccessible.pinned_message));

  const done = enrichMessage({ ...base, checklist_tasks_done: { checklist_message: { ...base, checklist: {} } } });
  assert.equal((done.checklist_tasks_done.checklist_message as unknown as Message).content_type, 'checklist');

  const channel = enrichMessage({ message_id: 1, date: 1, chat: { id: -1, type: 'channel' }, text: 'post' });
  assert.equal(channel.content_type, 'text');
  assert.ok(!('from_user' in channel), 'no from, no from_user');
});

test('enrichUpdate enriches every Message-typed field of an update', () => {
  const kinds = [
    'message',
    'edited_message',
    'channel_post',
    'edited_channel_post',
    'business_message',
    'edited_business_message',
    'guest_message',
  ];
  for (const kind of kinds) {
    const update = enrichUpdate({ update_id: 1, [kind]: { ...base, voice: file } }) as unknown as Record<
      string,
      Message
    >;
    assert.equal(update[kind]!.content_type, 'voice', kind);
    assert.equal(update[kind]!.from_user, user, kind);
  }
  const callback = enrichUpdate({
    update_id: 2,
    callback_query: { id: 'q', from: user, chat_instance: 'c', message: { ...base, text: 'x' } },
  });
  assert.equal((callback.callback_query.message as unknown as Message).content_type, 'text');
  const gone = enrichUpdate({
    update_id: 3,
    callback_query: { id: 'q', from: user, chat_instance: 'c', message: { chat, message_id: 1, date: 0 } },
  });
  assert.ok(!('content_type' in gone.callback_query.message));
  const poll = { update_id: 4, poll: { id: 'p' } };
  assert.equal(enrichUpdate(poll), poll);
  assert.deepEqual(poll, { update_id: 4, poll: { id: 'p' } });
});

test('MessageWith narrows the content field (compile-time)', () => {
  type Photo = MessageWith<'photo'>['photo'];
  type Text = MessageWith<'text'>['text'];
  type Members = MessageWith<'new_chat_members'>['new_chat_members'];
  type AnimationDoc = MessageWith<'animation'>['document'];
  type Either = MessageWith<'photo' | 'video'>;
  type _checks = [
    Expect<Equal<Photo, Tg.PhotoSize[]>>,
    Expect<Equal<Text, string>>,
    Expect<Equal<Members, Tg.User[]>>,
    Expect<Equal<AnimationDoc, Tg.Document>>,
    Expect<Equal<MessageWith<'photo'>['content_type'], 'photo'>>,
    Expect<Equal<Either['content_type'], 'photo' | 'video'>>,
    Expect<Equal<Message['photo'], Tg.PhotoSize[] | undefined>>,
    Expect<Equal<Message['content_type'], ContentType>>,
    Expect<Equal<Message['from_user'], User | undefined>>,
    Expect<Equal<types.Message, Message>>,
  ];
  // Narrowing a union by content_type gives the matching field.
  const handle = (message: Either): number =>
    message.content_type === 'photo' ? message.photo.length : message.video.duration;
  const asTelegram: Tg.Message = {} as Message; // our Message is usable wherever Telegram's is
  const extras: Message = {} as Tg.Message & types.MessageExtras; // and the API's enriched results are ours
  assert.equal(typeof handle, 'function');
  assert.ok(asTelegram && extras);
  const check: _checks | undefined = undefined;
  assert.equal(check, undefined);
});
