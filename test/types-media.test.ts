import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type * as Tg from '../src/api/generated/telegram-types.js';
import * as types from '../src/types/index.js';
import { extractAttachments } from '../src/types/attachments.js';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const namer = () => {
  let n = 0;
  return () => `file${n++}`;
};

test('InputMedia with a file_id serialises to plain Telegram JSON', () => {
  const photo = new types.InputMediaPhoto('AgAC-id', { caption: '', has_spoiler: false });
  assert.deepEqual(roundTrip(photo), { type: 'photo', media: 'AgAC-id', caption: '', has_spoiler: false });
  const all: Tg.InputMedia<types.Uploadable>[] = [
    new types.InputMediaVideo('v', { supports_streaming: true }),
    new types.InputMediaAnimation('a'),
    new types.InputMediaAudio('au', { performer: 'P' }),
    new types.InputMediaDocument('d', { disable_content_type_detection: true }),
    new types.InputMediaLivePhoto('lv', 'lp'),
  ];
  assert.deepEqual(roundTrip(all), [
    { type: 'video', media: 'v', supports_streaming: true },
    { type: 'animation', media: 'a' },
    { type: 'audio', media: 'au', performer: 'P' },
    { type: 'document', media: 'd', disable_content_type_detection: true },
    { type: 'live_photo', media: 'lv', photo: 'lp' },
  ]);
  const poll: Tg.InputPollOptionMedia<types.Uploadable>[] = [
    new types.InputMediaSticker('s', { emoji: '😀' }),
    new types.InputMediaLink('https://t.me'),
    new types.InputMediaLocation(1, 2),
    new types.InputMediaVenue(1, 2, 'T', 'A'),
  ];
  assert.deepEqual(roundTrip(poll), [
    { type: 'sticker', media: 's', emoji: '😀' },
    { type: 'link', url: 'https://t.me' },
    { type: 'location', latitude: 1, longitude: 2 },
    { type: 'venue', latitude: 1, longitude: 2, title: 'T', address: 'A' },
  ]);
  assert.deepEqual(roundTrip(new types.InputMediaVoiceNote('vn', { duration: 0 })), {
    type: 'voice_note',
    media: 'vn',
    duration: 0,
  });
});

test('JSON.stringify never inlines the bytes of an upload', () => {
  const bytes = Buffer.from('secret bytes');
  const photo = new types.InputMediaPhoto(bytes);
  const text = JSON.stringify(photo);
  assert.ok(!text.includes('data'), text);
  assert.deepEqual(JSON.parse(text), { type: 'photo', media: 'file' });
  const named = new types.InputMediaDocument(new types.InputFile(bytes, 'report.pdf'));
  assert.deepEqual(roundTrip(named), { type: 'document', media: 'report.pdf' });
  assert.equal(photo.media, bytes, 'the instance keeps the upload for the transport');
});

test('extractAttachments rewrites nested uploads in sendMediaGroup media to attach:// names', () => {
  const cat = new types.InputFile(Buffer.from('cat'), 'cat.jpg');
  const thumb = Buffer.from('thumb');
  const params = {
    chat_id: 1,
    media: [
      new types.InputMediaPhoto('file-id', { caption: 'old' }),
      new types.InputMediaPhoto(cat, { caption: 'new' }),
      new types.InputMediaVideo(Readable.from([Buffer.from('v')]), { thumbnail: thumb, cover: 'cover-id' }),
      { type: 'document', media: new Uint8Array([1, 2]) },
    ],
  };
  const { json, files } = extractAttachments(params.media, namer());
  assert.deepEqual(JSON.parse(JSON.stringify(json)), [
    { type: 'photo', media: 'file-id', caption: 'old' },
    { type: 'photo', media: 'attach://file0', caption: 'new' },
    { type: 'video', media: 'attach://file1', thumbnail: 'attach://file2', cover: 'cover-id' },
    { type: 'document', media: 'attach://file3' },
  ]);
  assert.deepEqual([...files.keys()], ['file0', 'file1', 'file2', 'file3']);
  assert.equal(files.get('file0'), cat, 'an InputFile is collected as is');
  for (const file of files.values()) assert.ok(file instanceof types.InputFile);
  // The caller's objects are untouched; unchanged elements are shared, not copied.
  assert.equal(params.media[1]!.media, cat);
  assert.equal((json as typeof params.media)[0], params.media[0]);
});

test('extractAttachments leaves a top-level upload to the transport and returns file-less values as is', () => {
  const photo = new types.InputFile(Buffer.from('p'), 'p.jpg');
  assert.equal(extractAttachments(photo, namer()).json, photo);
  assert.equal(extractAttachments(photo, namer()).files.size, 0);
  const raw = Buffer.from('raw');
  assert.equal(extractAttachments(raw, namer()).json, raw);
  const markup = new types.InlineKeyboardMarkup().add({ text: 'a', callback_data: 'a' });
  const result = extractAttachments(markup, namer());
  assert.equal(result.json, markup, 'no copy when nothing nested is uploaded');
  assert.equal(result.files.size, 0);
  const media = [new types.InputMediaPhoto('id1'), new types.InputMediaPhoto('id2')];
  assert.equal(extractAttachments(media, namer()).json, media);
  assert.equal(extractAttachments('text', namer()).json, 'text');
  assert.equal(extractAttachments(0, namer()).json, 0);
  assert.equal(extractAttachments(null, namer()).json, null);
});

test('extractAttachments rewrites a plain-object InputMedia too (editMessageMedia)', () => {
  const upload = Buffer.from('x');
  const { json, files } = extractAttachments({ type: 'photo', media: upload, caption: '' }, namer());
  assert.deepEqual(json, { type: 'photo', media: 'attach://file0', caption: '' });
  assert.equal(files.size, 1);
});

test('extractAttachments handles a single InputMedia (editMessageMedia) and arrays passed directly', () => {
  const upload = Buffer.from('x');
  const single = extractAttachments(new types.InputMediaPhoto(upload), namer());
  assert.deepEqual(single.json, { type: 'photo', media: 'attach://file0' });
  const nested = extractAttachments(
    { chat_id: 1, message_id: 2, media: new types.InputMediaAnimation(upload) },
    namer(),
  );
  assert.deepEqual(roundTrip(nested.json), {
    chat_id: 1,
    message_id: 2,
    media: { type: 'animation', media: 'attach://file0' },
  });
  const list = extractAttachments(
    [new types.InputPaidMediaPhoto(upload), new types.InputPaidMediaVideo('id')],
    namer(),
  );
  assert.deepEqual(roundTrip(list.json), [
    { type: 'photo', media: 'attach://file0' },
    { type: 'video', media: 'id' },
  ]);
});

test('the same upload used twice becomes one part', () => {
  const shared = new types.InputFile(Buffer.from('t'), 't.jpg');
  const { json, files } = extractAttachments(
    {
      media: [
        new types.InputMediaVideo('a', { thumbnail: shared }),
        new types.InputMediaVideo('b', { thumbnail: shared }),
      ],
    },
    namer(),
  );
  assert.equal(files.size, 1);
  assert.deepEqual(roundTrip(json), {
    media: [
      { type: 'video', media: 'a', thumbnail: 'attach://file0' },
      { type: 'video', media: 'b', thumbnail: 'attach://file0' },
    ],
  });
});

test('stickers, profile photos, story contents, paid media carry their uploads', () => {
  const bytes = Buffer.from('s');
  const stickers = [
    new types.InputSticker(bytes, 'static', ['😀'], { keywords: [] }),
    new types.InputSticker('id', 'video', ['🎉']),
  ];
  const sticker = extractAttachments({ user_id: 1, name: 'n', title: 't', stickers }, namer());
  assert.deepEqual(roundTrip(sticker.json), {
    user_id: 1,
    name: 'n',
    title: 't',
    stickers: [
      { sticker: 'attach://file0', format: 'static', emoji_list: ['😀'], keywords: [] },
      { sticker: 'id', format: 'video', emoji_list: ['🎉'] },
    ],
  });
  const profile = extractAttachments(
    { photo: new types.InputProfilePhotoAnimated(bytes, { main_frame_timestamp: 0 }) },
    namer(),
  );
  assert.deepEqual(roundTrip(profile.json), {
    photo: { type: 'animated', animation: 'attach://file0', main_frame_timestamp: 0 },
  });
  const stat = extractAttachments({ photo: new types.InputProfilePhotoStatic(bytes) }, namer());
  assert.deepEqual(roundTrip(stat.json), { photo: { type: 'static', photo: 'attach://file0' } });
  const story = extractAttachments(
    { content: new types.InputStoryContentVideo(bytes, { is_animation: false }) },
    namer(),
  );
  assert.deepEqual(roundTrip(story.json), { content: { type: 'video', video: 'attach://file0', is_animation: false } });
  const storyPhoto = extractAttachments({ content: new types.InputStoryContentPhoto(bytes) }, namer());
  assert.deepEqual(roundTrip(storyPhoto.json), { content: { type: 'photo', photo: 'attach://file0' } });
  const live = extractAttachments({ media: [new types.InputPaidMediaLivePhoto(bytes, 'photo-id')] }, namer());
  assert.deepEqual(roundTrip(live.json), {
    media: [{ type: 'live_photo', media: 'attach://file0', photo: 'photo-id' }],
  });
});
