// The `regexp` filter of message handlers and the `callbackData` regexp, through a real bot and the
// emulator: a handler is called for every text its regexp matches, whatever the pattern's syntax
// (escapes, optional or repeated first characters, emoji), never for a message without text or
// caption, on each of several matches in a row of a /g regexp, and with a regexp the user froze.
// Botte checks the literal start of a `^...` pattern with `startsWith` before running the regexp
// (src/dispatch/filters.ts, `requiredPrefix`): that shortcut must never turn a match away.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** The texts among `texts` for which a handler with `regexp` was called, each sent as a text message. */
async function matched(regexp: RegExp, texts: string[]): Promise<string[]> {
  harness.reset(); // the updates of the previous call are not confirmed: drop them
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({ regexp }, (message) => {
    seen.push(message.text!);
  });
  for (const text of texts) emu.pushMessage(text);
  await feed();
  return seen;
}

test('escaped characters and classes at the start of a pattern', async () => {
  assert.deepEqual(await matched(/^\d+$/, ['42', 'd42', 'x']), ['42']);
  assert.deepEqual(await matched(/^\w+ now$/, ['go now', 'w now']), ['go now', 'w now']);
  assert.deepEqual(await matched(/^\.help/, ['.help', 'help', 'xhelp']), ['.help']);
  assert.deepEqual(await matched(/^\/start/, ['/start', 'start']), ['/start']);
});

test('a first character that may be absent: ?, * and {n,m}', async () => {
  assert.deepEqual(await matched(/^ *menu/, ['menu', '  menu', 'x menu']), ['menu', '  menu']);
  assert.deepEqual(await matched(/^!{0,3}go/, ['go', '!!go', '?go']), ['go', '!!go']);
  assert.deepEqual(await matched(/^!?go/, ['go', '!go']), ['go', '!go']);
  assert.deepEqual(await matched(/^ab*c/, ['ac', 'abbc', 'bc']), ['ac', 'abbc']);
});

test('an emoji (a surrogate pair) at the start of a pattern', async () => {
  assert.deepEqual(await matched(/^😀/, ['😀 hi', 'hi 😀']), ['😀 hi']);
  assert.deepEqual(await matched(/^👍 ok/, ['👍 ok', ' ok', '👎 ok']), ['👍 ok']);
  // With the u flag `?` applies to the whole emoji, without it to its second half only.
  assert.deepEqual(await matched(/^😀?hi/u, ['hi', '😀hi']), ['hi', '😀hi']);
  assert.deepEqual(await matched(/^😀?hi/, ['hi', '\uD83Dhi', '😀hi']), ['\uD83Dhi', '😀hi']);
});

test('pattern syntax right after the literal start ends it: $, ., |, (, [, +', async () => {
  assert.deepEqual(await matched(/^hi$/, ['hi', 'hi!']), ['hi']);
  assert.deepEqual(await matched(/^a.c/, ['abc', 'a.c', 'ac']), ['abc', 'a.c']);
  assert.deepEqual(await matched(/^yes|no/, ['yes', 'no', 'maybe']), ['yes', 'no']);
  assert.deepEqual(await matched(/^go(od)?/, ['go', 'good']), ['go', 'good']);
  assert.deepEqual(await matched(/^x[0-9]/, ['x1', 'x[0-9]']), ['x1']);
  assert.deepEqual(await matched(/^ab+/, ['ab', 'abbb']), ['ab', 'abbb']);
});

test('a bare ^ matches every text', async () => {
  assert.deepEqual(await matched(/^/, ['a', 'b']), ['a', 'b']);
});

test('a message without text or caption passes no regexp filter', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({ contentTypes: ['photo'], regexp: /^cat/ }, () => {
    seen.push('prefix');
  });
  bot.handleMsg({ contentTypes: ['photo'], regexp: /^[a-z]+$/ }, () => {
    seen.push('letters');
  });
  bot.handleMsg({ contentTypes: ['photo'] }, (message) => {
    seen.push(`any:${message.caption}`);
  });
  const photo = [{ file_id: 'p1', file_unique_id: 'u1', width: 1, height: 1 }];
  emu.pushMessage(undefined, { extra: { photo } });
  emu.pushMessage(undefined, { extra: { photo, caption: 'cat' } });
  await feed();
  assert.deepEqual(seen, ['any:undefined', 'prefix']);
});

test('a /g callbackData regexp matches every callback query in a row', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.callbackQueryHandler({ callbackData: /^buy_/g }, (query) => {
    seen.push(query.data!);
  });
  for (const data of ['buy_1', 'buy_2', 'buy_3']) emu.pushCallbackQuery(data);
  await feed();
  assert.deepEqual(seen, ['buy_1', 'buy_2', 'buy_3']);
});

test('a regexp the user froze (Object.freeze) works as a message and a callbackData filter', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({ regexp: Object.freeze(/^hi/) }, (message) => {
    seen.push(message.text!);
  });
  bot.callbackQueryHandler({ callbackData: Object.freeze(/^ok/) }, (query) => {
    seen.push(`cb:${query.data}`);
  });
  emu.pushMessage('hi there');
  emu.pushMessage('hi again');
  emu.pushCallbackQuery('ok_1');
  emu.pushCallbackQuery('ok_2');
  await feed();
  assert.deepEqual(seen, ['hi there', 'hi again', 'cb:ok_1', 'cb:ok_2']);
});
