// An option given as `undefined` is an option left out, as TypeScript code under
// exactOptionalPropertyTypes (on in `tsc --init` since TypeScript 5.9) writes it:
// `{ reply_markup: maybeMarkup }`, `{ nonStop: flags.nonStop }`. The types allow it
// (test/package-types-strict.test.ts); here the behaviour, over real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AsyncBotte, Botte, types } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

test('undefined call options are left out, and the constructor defaults still apply', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML', retry: undefined, proxy: undefined });
  try {
    const sent = await bot.sendMessage(1001, '<b>hi</b>', {
      reply_markup: undefined,
      parse_mode: undefined,
      message_thread_id: undefined,
    });
    assert.equal(sent.text, 'hi', 'the default parse mode applied');
    const params = emu.callsOf('sendMessage')[0]!.params;
    assert.deepEqual(Object.keys(params).sort(), ['chat_id', 'parse_mode', 'text']);
    assert.equal(params.parse_mode, 'HTML');
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('AsyncBotte.polling({ nonStop: undefined }) keeps its nonStop default and survives a failed poll', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, 'still here'));
  emu.injectFault({ method: 'getUpdates', kind: 'http-500', times: 1 });
  const running = bot.polling({ nonStop: undefined, longPollingTimeout: 1, backoff: { initialMs: 10 } });
  let ended: unknown;
  running.then(
    () => (ended = 'resolved'),
    (error: unknown) => (ended = error),
  );
  try {
    emu.pushMessage('hi');
    const call = await emu.waitForCall('sendMessage');
    assert.equal(call.params.text, 'still here');
    assert.equal(ended, undefined, 'polling ended at the failed poll');
  } finally {
    await bot.stopBot();
    await running.catch(() => undefined);
    await emu.stop();
  }
});

test('types constructors leave options given as undefined out of what is sent', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    const keyboard = new types.ReplyKeyboardMarkup({ resize_keyboard: undefined, rowWidth: undefined });
    keyboard.add('a', 'b', 'c', 'd');
    await bot.sendMessage(1001, 'Pick', { reply_markup: keyboard });
    assert.deepEqual(emu.callsOf('sendMessage')[0]!.params.reply_markup, {
      keyboard: [[{ text: 'a' }, { text: 'b' }, { text: 'c' }], [{ text: 'd' }]],
    });
    await bot.sendMediaGroup(1001, [
      new types.InputMediaPhoto('https://example.com/a.png', { caption: undefined, has_spoiler: undefined }),
      new types.InputMediaPhoto('https://example.com/b.png'),
    ]);
    assert.deepEqual(emu.callsOf('sendMediaGroup')[0]!.params.media, [
      { type: 'photo', media: 'https://example.com/a.png' },
      { type: 'photo', media: 'https://example.com/b.png' },
    ]);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
