/**
 * Details of the emulator's answers a bot using the newer Bot API features reads back (found by
 * trial bots): the message effect, a quoted reply, the media of paid media, checklists, and
 * commands set for a scope given as a `types.BotCommandScope…` object.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

describe('emulator: what a sent message shows', () => {
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

  it('a message effect is answered as effect_id, as Telegram names it on Message', async () => {
    const sent = await bot.sendMessage(7, 'Congrats!', { message_effect_id: '5046509860389126442' });
    assert.equal(sent.effect_id, '5046509860389126442');
    assert.equal((sent as unknown as Record<string, unknown>).message_effect_id, undefined);
  });

  it('a reply quoting part of a message carries the quote', async () => {
    emu.pushMessage('the quick brown fox', { userId: 7 });
    const [incoming] = emu.pendingUpdates();
    const replied = incoming!.message!.message_id;
    const sent = await bot.sendMessage(7, 'this part', {
      reply_parameters: { message_id: replied, quote: 'brown fox', quote_position: 10 },
    });
    assert.equal(sent.reply_to_message?.message_id, replied);
    assert.deepEqual(sent.quote, { text: 'brown fox', position: 10, is_manual: true });
    const plain = await bot.sendMessage(7, 'no quote', { reply_parameters: { message_id: replied } });
    assert.equal(plain.quote, undefined);
  });

  it('paid media sent by the bot lists its photos and videos', async () => {
    const sent = await bot.sendPaidMedia(-100200, 25, [
      new types.InputPaidMediaPhoto(Buffer.from('photo bytes')),
      { type: 'video', media: Buffer.from('video bytes'), width: 320, height: 240 },
    ]);
    assert.equal(sent.paid_media.star_count, 25);
    const [photo, video] = sent.paid_media.paid_media;
    assert.equal(photo?.type, 'photo');
    assert.ok(photo?.type === 'photo' && photo.photo.length > 0);
    assert.ok(video?.type === 'video' && video.video.width === 320);
    // The uploaded photo can be downloaded like any file.
    const largest = photo?.type === 'photo' ? photo.photo.at(-1)! : undefined;
    const file = await bot.getFile(largest!.file_id);
    assert.equal((await bot.downloadFile(file.file_path!)).toString(), 'photo bytes');
  });

  it('a checklist is shown as a Checklist (no parse_mode kept)', async () => {
    const sent = await bot.sendChecklist(
      'bc1',
      7,
      new types.InputChecklist('Trip', [new types.InputChecklistTask(1, 'tickets', { parse_mode: 'HTML' })], {
        others_can_add_tasks: true,
      }),
    );
    assert.deepEqual(sent.checklist, {
      title: 'Trip',
      tasks: [{ id: 1, text: 'tickets' }],
      others_can_add_tasks: true,
    });
  });

  it('commands set for a scope object are found with the same scope written as a literal', async () => {
    await bot.setMyCommands([new types.BotCommand('ban', 'Ban a user')], {
      scope: new types.BotCommandScopeChatAdministrators(-100300),
    });
    const read = await bot.getMyCommands({ scope: { type: 'chat_administrators', chat_id: -100300 } });
    assert.deepEqual(read, [{ command: 'ban', description: 'Ban a user' }]);
    assert.deepEqual(await bot.getMyCommands({ scope: new types.BotCommandScopeChatAdministrators(-100300) }), read);
    assert.deepEqual(await bot.getMyCommands(), [], 'the default scope is another list');
    await bot.deleteMyCommands({ scope: { chat_id: -100300, type: 'chat_administrators' } });
    assert.deepEqual(await bot.getMyCommands({ scope: new types.BotCommandScopeChatAdministrators(-100300) }), []);
  });
});
