import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Tg from '../src/api/generated/telegram-types.js';
import * as types from '../src/types/index.js';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

test('InlineQueryResultArticle serialises with type "article" and its content', () => {
  const r = new types.InlineQueryResultArticle('1', 'Title', new types.InputTextMessageContent('hi'));
  assert.deepEqual(roundTrip(r), {
    type: 'article',
    id: '1',
    title: 'Title',
    input_message_content: { message_text: 'hi' },
  });
  const markup = new types.InlineKeyboardMarkup().add(new types.InlineKeyboardButton('go', { url: 'https://t.me' }));
  const full = new types.InlineQueryResultArticle(
    '2',
    'T',
    new types.InputTextMessageContent('x', { parse_mode: 'HTML' }),
    {
      reply_markup: markup,
      description: '',
      thumbnail_width: 0,
    },
  );
  assert.deepEqual(roundTrip(full), {
    type: 'article',
    id: '2',
    title: 'T',
    input_message_content: { message_text: 'x', parse_mode: 'HTML' },
    reply_markup: { inline_keyboard: [[{ text: 'go', url: 'https://t.me' }]] },
    description: '',
    thumbnail_width: 0,
  });
});

test('every InlineQueryResult class has the right type and its required fields', () => {
  const content = new types.InputTextMessageContent('m');
  const cases: [Tg.InlineQueryResult, Record<string, unknown>][] = [
    [
      new types.InlineQueryResultArticle('a', 't', content),
      { type: 'article', id: 'a', title: 't', input_message_content: { message_text: 'm' } },
    ],
    [new types.InlineQueryResultPhoto('a', 'p', 't'), { type: 'photo', id: 'a', photo_url: 'p', thumbnail_url: 't' }],
    [new types.InlineQueryResultGif('a', 'g', 't'), { type: 'gif', id: 'a', gif_url: 'g', thumbnail_url: 't' }],
    [
      new types.InlineQueryResultMpeg4Gif('a', 'm', 't'),
      { type: 'mpeg4_gif', id: 'a', mpeg4_url: 'm', thumbnail_url: 't' },
    ],
    [
      new types.InlineQueryResultVideo('a', 'v', 'video/mp4', 't', 'T'),
      { type: 'video', id: 'a', video_url: 'v', mime_type: 'video/mp4', thumbnail_url: 't', title: 'T' },
    ],
    [new types.InlineQueryResultAudio('a', 'u', 'T'), { type: 'audio', id: 'a', audio_url: 'u', title: 'T' }],
    [new types.InlineQueryResultVoice('a', 'u', 'T'), { type: 'voice', id: 'a', voice_url: 'u', title: 'T' }],
    [
      new types.InlineQueryResultDocument('a', 'T', 'u', 'application/pdf'),
      { type: 'document', id: 'a', title: 'T', document_url: 'u', mime_type: 'application/pdf' },
    ],
    [
      new types.InlineQueryResultLocation('a', 0, 0, 'T'),
      { type: 'location', id: 'a', latitude: 0, longitude: 0, title: 'T' },
    ],
    [
      new types.InlineQueryResultVenue('a', 1.5, 2.5, 'T', 'addr'),
      { type: 'venue', id: 'a', latitude: 1.5, longitude: 2.5, title: 'T', address: 'addr' },
    ],
    [
      new types.InlineQueryResultContact('a', '+1', 'Ann'),
      { type: 'contact', id: 'a', phone_number: '+1', first_name: 'Ann' },
    ],
    [new types.InlineQueryResultGame('a', 'tetris'), { type: 'game', id: 'a', game_short_name: 'tetris' }],
    [new types.InlineQueryResultCachedPhoto('a', 'f'), { type: 'photo', id: 'a', photo_file_id: 'f' }],
    [new types.InlineQueryResultCachedGif('a', 'f'), { type: 'gif', id: 'a', gif_file_id: 'f' }],
    [new types.InlineQueryResultCachedMpeg4Gif('a', 'f'), { type: 'mpeg4_gif', id: 'a', mpeg4_file_id: 'f' }],
    [new types.InlineQueryResultCachedSticker('a', 'f'), { type: 'sticker', id: 'a', sticker_file_id: 'f' }],
    [
      new types.InlineQueryResultCachedDocument('a', 'T', 'f'),
      { type: 'document', id: 'a', title: 'T', document_file_id: 'f' },
    ],
    [new types.InlineQueryResultCachedVideo('a', 'f', 'T'), { type: 'video', id: 'a', video_file_id: 'f', title: 'T' }],
    [new types.InlineQueryResultCachedVoice('a', 'f', 'T'), { type: 'voice', id: 'a', voice_file_id: 'f', title: 'T' }],
    [new types.InlineQueryResultCachedAudio('a', 'f'), { type: 'audio', id: 'a', audio_file_id: 'f' }],
  ];
  assert.equal(cases.length, 20); // Telegram documents 20 result types
  for (const [result, expected] of cases) {
    assert.deepEqual(roundTrip(result), expected, result.constructor.name);
    assert.ok(result instanceof Object && result.constructor.name.startsWith('InlineQueryResult'));
  }
});

test('optional fields of results are kept when falsy and omitted when undefined', () => {
  const photo = new types.InlineQueryResultCachedPhoto('1', 'f', {
    caption: '',
    show_caption_above_media: false,
    title: undefined,
  });
  assert.deepEqual(roundTrip(photo), {
    type: 'photo',
    id: '1',
    photo_file_id: 'f',
    caption: '',
    show_caption_above_media: false,
  });
  assert.ok(!('title' in photo));
});

test('InputMessageContent classes', () => {
  assert.deepEqual(roundTrip(new types.InputLocationMessageContent(1, 2, { live_period: 60 })), {
    latitude: 1,
    longitude: 2,
    live_period: 60,
  });
  assert.deepEqual(roundTrip(new types.InputVenueMessageContent(1, 2, 'T', 'A', { google_place_id: 'g' })), {
    latitude: 1,
    longitude: 2,
    title: 'T',
    address: 'A',
    google_place_id: 'g',
  });
  assert.deepEqual(roundTrip(new types.InputContactMessageContent('+1', 'Ann')), {
    phone_number: '+1',
    first_name: 'Ann',
  });
  const invoice = new types.InputInvoiceMessageContent('T', 'D', 'p', 'XTR', [new types.LabeledPrice('Item', 5)], {
    provider_token: '',
  });
  assert.deepEqual(roundTrip(invoice), {
    title: 'T',
    description: 'D',
    payload: 'p',
    currency: 'XTR',
    prices: [{ label: 'Item', amount: 5 }],
    provider_token: '',
  });
  const text = new types.InputTextMessageContent('t', {
    link_preview_options: new types.LinkPreviewOptions({ is_disabled: false }),
    entities: [new types.MessageEntity('bold', 0, 1)],
  });
  assert.deepEqual(roundTrip(text), {
    message_text: 't',
    link_preview_options: { is_disabled: false },
    entities: [{ type: 'bold', offset: 0, length: 1 }],
  });
  const button = new types.InlineQueryResultsButton('Connect', { start_parameter: 'login' });
  assert.equal(JSON.stringify(button), '{"text":"Connect","start_parameter":"login"}');
});
