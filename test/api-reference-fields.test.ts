/**
 * Fields and parameters where the description (spec/bot-api.json) differed from Telegram's reference
 * (core.telegram.org/bots/api, as parsed into aiogram's Bot API 10.2 schema): found by a trial bot
 * written as a user of the newer API would, compiled with `strict` + `exactOptionalPropertyTypes`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Tg from '../src/api/generated/telegram-types.js';
import { startClient } from './helpers.js';

test('transferGift: star_count is optional (a free transfer), still positional as in pyTelegramBotAPI', async () => {
  const { emu, bot, close } = await startClient();
  try {
    assert.equal(await bot.transferGift('bc1', 'gift-1', 42), true);
    assert.deepEqual(emu.callsOf('transferGift')[0]!.params, {
      business_connection_id: 'bc1',
      owned_gift_id: 'gift-1',
      new_owner_chat_id: 42,
    });
    assert.equal(await bot.transferGift('bc1', 'gift-1', 42, 25), true);
    assert.equal(emu.callsOf('transferGift')[1]!.params.star_count, 25);
  } finally {
    await close();
  }
});

test('BusinessBotRights names the right to delete sent messages as Telegram does', () => {
  const rights: Tg.BusinessBotRights = { can_reply: true, can_delete_sent_messages: true };
  const canDelete: true | undefined = rights.can_delete_sent_messages;
  assert.equal(canDelete, true);
  // @ts-expect-error not a field of Telegram's BusinessBotRights
  void ({ can_delete_outgoing_messages: true } satisfies Tg.BusinessBotRights);
});

test('Sticker has needs_repainting (custom emoji repainted to the text colour)', () => {
  const sticker: Tg.Sticker = {
    file_id: 'f',
    file_unique_id: 'u',
    type: 'custom_emoji',
    width: 100,
    height: 100,
    is_animated: false,
    is_video: false,
    custom_emoji_id: '5368324170671202286',
    needs_repainting: true,
  };
  const repaint: true | undefined = sticker.needs_repainting;
  assert.equal(repaint, true);
});

test('Game: text, text_entities and animation are optional; WebhookInfo.url is always there', () => {
  const game: Tg.Game = { title: 'Snake', description: 'Eat', photo: [] };
  assert.equal(game.text, undefined);
  const info: Tg.WebhookInfo = { url: '', has_custom_certificate: false, pending_update_count: 0 };
  const url: string = info.url;
  assert.equal(url, '');
  // @ts-expect-error url is not optional
  void ({ has_custom_certificate: false, pending_update_count: 0 } satisfies Tg.WebhookInfo);
});

test('SentWebAppMessage.inline_message_id comes only with an inline keyboard', () => {
  const sent: Tg.SentWebAppMessage = {};
  const id: string | undefined = sent.inline_message_id;
  assert.equal(id, undefined);
});

test('uploadStickerFile takes the file before its format, in Telegram’s (and pyTelegramBotAPI’s) order', async () => {
  const { emu, bot, close } = await startClient();
  try {
    const file = await bot.uploadStickerFile(42, Buffer.from('webp bytes'), 'static');
    const call = emu.callsOf('uploadStickerFile')[0]!;
    assert.equal(call.params.sticker_format, 'static');
    assert.equal(call.files.sticker?.data?.toString(), 'webp bytes');
    assert.equal(typeof file.file_id, 'string');
    assert.notEqual(file.file_id, 'static');
  } finally {
    await close();
  }
});
