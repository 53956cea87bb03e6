// pyTelegramBotAPI's documented use of antiflood passes a bound method:
// `util.antiflood(bot.send_message, chat_id, text)`. In JavaScript `bot.sendMessage` taken off
// the bot loses `this`, and the call used to die inside Botte with "Cannot read properties of
// undefined (reading 'callTyped')". It now fails with a TypeError that names the method and
// says how to pass it; the two forms it suggests work, through a real 429 of the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, util } from '../src/index.js';
import { BotApiEmulator, TelegramError } from '../src/testing/index.js';
import { logger } from '../src/logger.js';

logger.setLevel('silent'); // antiflood logs each wait

const detachedMessage =
  /sendMessage was called without its bot.*bot\.sendMessage\.bind\(bot\).*\(\) => bot\.sendMessage\(/s;

test('a detached Bot API method throws a TypeError saying how to pass it', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await assert.rejects(util.antiflood(bot.sendMessage, 1001, 'hi'), (error: Error) => {
      assert.ok(error instanceof TypeError, `a TypeError, got ${error}`);
      assert.match(error.message, detachedMessage);
      return true;
    });
    const { sendPhoto } = bot;
    assert.throws(() => sendPhoto(1001, 'file-id'), /sendPhoto was called without its bot/);
    const { replyTo } = bot;
    assert.throws(
      () => replyTo({ message_id: 1, chat: { id: 1001, type: 'private', first_name: 'T' } } as never, 'x'),
      /replyTo was called without its bot/,
    );
    assert.equal(emu.callsOf('sendMessage').length + emu.callsOf('sendPhoto').length, 0, 'nothing was sent');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('antiflood with bot.sendMessage.bind(bot) or an arrow retries after a 429', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: false });
  let refused = 0;
  emu.onMethod('sendMessage', (_params, _call, fallback) => {
    if (refused++ % 2 === 0) throw new TelegramError(429, 'Too Many Requests: retry after 0', { retry_after: 0 });
    return fallback();
  });
  try {
    const bound = await util.antiflood(bot.sendMessage.bind(bot), 1001, 'bound');
    assert.equal(bound.text, 'bound');
    const arrow = await util.antiflood(() => bot.sendMessage(1001, 'arrow'));
    assert.equal(arrow.text, 'arrow');
    assert.equal(emu.callsOf('sendMessage').length, 4, 'each was refused once, then sent');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
