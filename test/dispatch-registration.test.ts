// What registering a handler records (src/dispatch/dispatch-state.ts): declaration order across
// command and general handlers, the `register…` twins' "every content type" default, custom
// filter keys (exact key before a loosely matching one, known keys accepted once updates flow,
// unknown ones reported once per key with a hint saying how to fix them). Found by mutation
// testing (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { AdvancedCustomFilter } from '../src/dispatch/custom-filters/base.js';
import { UnknownFilterKeyError } from '../src/dispatch/dispatch-state.js';
import type { Message } from '../src/types/message.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** Registration without the compile-time key check, as JavaScript code (or pyTelegramBotAPI habits) would do it. */
type Untyped = {
  handleMsg(filters: object, handler: (m: Message) => void): void;
  callbackQueryHandler(filters: object, handler: (q: unknown) => void): void;
};

class TextIs extends AdvancedCustomFilter<Message, string> {
  key = 'textIs';
  check(message: Message, value: string) {
    return message.text === value;
  }
}

class AnyText extends AdvancedCustomFilter<Message, string> {
  // The same key as TextIs, spelt the Python way: found only when no exact key matches.
  key = 'text_is';
  check() {
    return true;
  }
}

test('the first handler in declaration order wins, whether it has commands or not', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({ func: (m) => m.text!.endsWith(' now') }, (m) => {
    seen.push(`first:${m.text}`);
  });
  bot.handleMsg({ commands: ['start'] }, (m) => {
    seen.push(`command:${m.text}`);
  });
  bot.handleMsg({}, (m) => {
    seen.push(`last:${m.text}`);
  });
  emu.pushMessage('/start now');
  emu.pushMessage('/start');
  emu.pushMessage('hello');
  await feed();
  assert.deepEqual(seen, ['first:/start now', 'command:/start', 'last:hello']);
});

test('register… twins match every content type by default; the registrars match text only', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handleMsg:${m.content_type}`);
  });
  bot.registerMessageHandler((m) => {
    seen.push(`twin:${m.content_type}`);
  });
  emu.pushMessage(undefined, { extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } });
  emu.pushMessage('text');
  await feed();
  assert.deepEqual(seen, ['twin:photo', 'handleMsg:text']);
});

test('an exact custom filter key wins over a key that only matches loosely', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.addCustomFilter(new TextIs());
  bot.addCustomFilter(new AnyText());
  (bot as unknown as Untyped).handleMsg({ textIs: 'a' }, (m) => {
    seen.push(`textIs:${m.text}`);
  });
  bot.handleMsg({}, (m) => {
    seen.push(`rest:${m.text}`);
  });
  emu.pushMessage('a');
  emu.pushMessage('b');
  await feed();
  assert.deepEqual(seen, ['textIs:a', 'rest:b']);
});

test('once updates flow, a handler with a known custom key is accepted; unknown keys throw with a hint', async () => {
  const { bot, feed } = harness.setup();
  const untyped = bot as unknown as Untyped;
  const seen: string[] = [];
  bot.addCustomFilter(new TextIs());
  emu.pushMessage('first');
  await feed();
  untyped.handleMsg({ textIs: 'b' }, (m) => {
    seen.push(`textIs:${m.text}`);
  });
  emu.pushMessage('b');
  await feed();
  assert.deepEqual(seen, ['textIs:b']);
  assert.throws(
    () => untyped.handleMsg({ isAdmn: true }, () => undefined),
    (error: unknown) =>
      error instanceof UnknownFilterKeyError &&
      error.key === 'isAdmn' &&
      error.message ===
        'handleMsg: unknown filter key "isAdmn": no custom filter has this key. Add the filter with ' +
          'bot.addCustomFilter(filter) (its "key" must be "isAdmn"), or fix the key\'s spelling.',
  );
  assert.throws(
    () => untyped.callbackQueryHandler({ regexp: 'x' }, () => undefined),
    (error: unknown) =>
      error instanceof UnknownFilterKeyError &&
      error.message ===
        'callbackQueryHandler: unknown filter key "regexp": no custom filter has this key. "regexp" is a ' +
          'filter of message handlers only (handleMsg, channelPostHandler, ...).',
  );
});

test('an unknown key used by several handlers is reported once, and each unknown key once', async () => {
  const reported: UnknownFilterKeyError[] = [];
  const { bot, feed } = harness.setup({
    exceptionHandler: (error) => {
      reported.push(error as UnknownFilterKeyError);
      return true;
    },
  });
  const untyped = bot as unknown as Untyped;
  const seen: string[] = [];
  untyped.handleMsg({ isAdmn: true }, () => {
    seen.push('never');
  });
  untyped.handleMsg({ isAdmn: false }, () => {
    seen.push('never');
  });
  untyped.handleMsg({ textIz: 'x' }, () => {
    seen.push('never');
  });
  bot.handleMsg({}, (m) => {
    seen.push(`rest:${m.text}`);
  });
  assert.throws(() => bot.checkCustomFilters(), /unknown filter key "isAdmn"/);
  emu.pushMessage('one');
  emu.pushMessage('two');
  await feed();
  assert.deepEqual(seen, ['rest:one', 'rest:two']);
  assert.deepEqual(
    reported.map((error) => error.key),
    ['isAdmn', 'textIz'],
  );
});

test('an unknown key on a handler no update reaches is still reported at the first update', async () => {
  const reported: UnknownFilterKeyError[] = [];
  const { bot, feed } = harness.setup({
    exceptionHandler: (error) => {
      reported.push(error as UnknownFilterKeyError);
      return true;
    },
  });
  (bot as unknown as Untyped).callbackQueryHandler({ isAdmn: true }, () => undefined);
  bot.handleMsg({}, () => undefined);
  emu.pushMessage('only messages arrive');
  await feed();
  assert.equal(reported.length, 1);
  const [error] = reported;
  assert.ok(error instanceof UnknownFilterKeyError);
  assert.equal(error.name, 'UnknownFilterKeyError');
  assert.equal(error.key, 'isAdmn');
  assert.match(String(error), /^UnknownFilterKeyError: callbackQueryHandler: unknown filter key "isAdmn"/);
  // The same error made by another copy of Botte (ESM and CommonJS builds in one process) carries
  // the shared brand, and passes instanceof too (src/util/error-brand.ts).
  const fromOtherCopy = { [Symbol.for('botte.error.UnknownFilterKeyError')]: true };
  assert.ok(fromOtherCopy instanceof UnknownFilterKeyError);
});
