/**
 * What users send besides text, photos and documents: a location, a contact, any other content
 * (a sticker, a voice note, a dice...), and editing their own message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function createDeliveryBot(token: string, options: { apiUrl: string; fileUrl: string }): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ contentTypes: ['location'] }, (m) =>
    bot.replyTo(m, `Courier sent to ${m.location.latitude},${m.location.longitude}`),
  );
  bot.handleMsg({ contentTypes: ['contact'] }, (m) =>
    bot.replyTo(
      m,
      `Will call ${m.contact.first_name} at ${m.contact.phone_number}${m.contact.user_id === m.from!.id ? ' (you)' : ''}`,
    ),
  );
  bot.handleMsg({ contentTypes: ['sticker'] }, (m) => bot.replyTo(m, `Nice ${m.sticker.emoji ?? ''} sticker`));
  bot.editedHandleMsg({ func: () => true }, (m) => bot.replyTo(m, `You changed it to ${m.text}`));
  return bot;
}

describe('sending locations, contacts and other content; editing a message', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = createDeliveryBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    running = bot.runthebot({ longPollingTimeout: 1 });
  });
  after(async () => {
    await bot.stopBot();
    await running;
    await emu.stop();
  });

  it('sendLocation', async () => {
    const chat = emu.privateChat({ user: { id: 41 } });
    const sent = await chat.sendLocation(51.5, -0.12);
    assert.deepEqual(sent.location, { latitude: 51.5, longitude: -0.12 });
    const reply = await chat.expectReply('Courier sent to 51.5,-0.12');
    assert.equal(reply.reply_to_message?.message_id, sent.message_id);
    await chat.sendLocation(1, 2, { livePeriod: 60, horizontalAccuracy: 5 });
    assert.deepEqual(chat.history.at(-1)!.location, {
      latitude: 1,
      longitude: 2,
      live_period: 60,
      horizontal_accuracy: 5,
    });
    await chat.expectReply('Courier sent to 1,2');
  });

  it('sendContact: the own number by default, another contact on request', async () => {
    const chat = emu.privateChat({ user: { id: 42, first_name: 'Ann' } });
    await chat.sendContact('+441234');
    await chat.expectReply('Will call Ann at +441234 (you)');
    const sent = await chat.sendContact('+449999', { firstName: 'Bob', lastName: 'B', userId: 77 });
    assert.deepEqual(sent.contact, { phone_number: '+449999', first_name: 'Bob', last_name: 'B', user_id: 77 });
    await chat.expectReply('Will call Bob at +449999');
  });

  it('sendContent: any other message content', async () => {
    const chat = emu.privateChat({ user: { id: 43 } });
    const sticker = {
      file_id: 'st1',
      file_unique_id: 'ust1',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '🙂',
    };
    const sent = await chat.sendContent({ sticker });
    assert.equal(sent.sticker?.emoji, '🙂');
    await chat.expectReply('Nice 🙂 sticker');
  });

  it('editMessage: the bot gets an edited_message; history shows the new text', async () => {
    const chat = emu.privateChat({ user: { id: 44 } });
    const original = await chat.send('helo');
    const edited = await chat.editMessage(original, 'hello');
    assert.equal(edited.message_id, original.message_id);
    assert.equal(edited.text, 'hello');
    assert.equal(typeof edited.edit_date, 'number');
    await chat.expectReply('You changed it to hello');
    assert.deepEqual(
      chat.history.map((m) => m.text),
      ['hello', 'You changed it to hello'],
    );
    await assert.rejects(chat.editMessage(999, 'x'), /editMessage: chat 44 has no message 999/);
  });
});

describe('sendMedia: voice notes, audio, video, stickers the bot downloads', () => {
  it('a speech bot downloads the voice note; every kind gets Telegram-shaped fields', async () => {
    const emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    bot.handleMsg({ contentTypes: ['voice'] }, async (m) => {
      const file = await bot.getFile(m.voice.file_id);
      const bytes = await bot.downloadFile(file.file_path!);
      await bot.replyTo(m, `heard ${bytes.toString()} (${m.voice.duration} s, ${m.voice.mime_type})`);
    });
    bot.handleMsg({ contentTypes: ['audio', 'video', 'video_note', 'animation', 'sticker'] }, (m) =>
      bot.replyTo(m, `got ${m.content_type}`),
    );
    const running = bot.runthebot({ longPollingTimeout: 1 });
    try {
      const chat = emu.privateChat({ user: { id: 45 } });
      await chat.sendMedia('voice', 'hello bot', { duration: 3 });
      await chat.expectReply('heard hello bot (3 s, audio/ogg)');
      const audio = await chat.sendMedia('audio', 'mp3', { title: 'Song', performer: 'Band', caption: 'listen' });
      assert.deepEqual(
        [audio.audio?.title, audio.audio?.performer, audio.audio?.file_name, audio.caption],
        ['Song', 'Band', 'audio.mp3', 'listen'],
      );
      await chat.expectReply('got audio');
      for (const kind of ['video', 'video_note', 'animation'] as const) {
        await chat.sendMedia(kind, 'bytes');
        await chat.expectReply(`got ${kind}`);
      }
      const sticker = await chat.sendMedia('sticker', 'webp', { emoji: '🔥' });
      assert.deepEqual([sticker.sticker?.emoji, sticker.sticker?.type], ['🔥', 'regular']);
      await chat.expectReply('got sticker');
      await assert.rejects(chat.sendMedia('gif' as 'video', 'x'), /sendMedia: kind must be one of voice, audio/);
    } finally {
      await bot.stopBot();
      await running;
      await emu.stop();
    }
  });
});
