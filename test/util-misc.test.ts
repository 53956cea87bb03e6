import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as util from '../src/util/index.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';

test('quickMarkup builds an inline keyboard row by row', () => {
  const markup = util.quickMarkup(
    {
      Twitter: { url: 'https://twitter.com' },
      Facebook: { url: 'https://facebook.com' },
      Back: { callback_data: 'back' },
    },
    2,
  );
  assert.deepEqual(JSON.parse(JSON.stringify(markup)), {
    inline_keyboard: [
      [
        { text: 'Twitter', url: 'https://twitter.com' },
        { text: 'Facebook', url: 'https://facebook.com' },
      ],
      [{ text: 'Back', callback_data: 'back' }],
    ],
  });
  const single = util.quickMarkup({ a: { callback_data: '1' }, b: { callback_data: '2' }, c: { callback_data: '3' } });
  assert.equal(single.inline_keyboard.length, 2);
  assert.equal(
    JSON.parse(JSON.stringify(util.quickMarkup({ x: { callback_data: 'x' } }, 1))).inline_keyboard[0].length,
    1,
  );
  const three = util.quickMarkup(
    { a: { callback_data: '1' }, b: { callback_data: '2' }, c: { callback_data: '3' } },
    { rowWidth: 3 },
  );
  assert.equal(three.inline_keyboard.length, 1);
});

test('updateTypes lists every optional field of Update', () => {
  const require = createRequire(import.meta.url);
  const file = require.resolve('../src/api/generated/telegram-types.js');
  const source = readFileSync(file, 'utf8');
  const body = source.slice(source.indexOf('export interface Update {'));
  const fields = [...body.slice(0, body.indexOf('\n}')).matchAll(/^\s+([a-z_]+)\?:/gm)].map((m) => m[1]);
  assert.deepEqual([...util.updateTypes].sort(), fields.sort());
  assert.ok(util.updateTypes.includes('chat_member'));
});

test('content type lists', () => {
  assert.ok(util.contentTypeMedia.includes('photo'));
  assert.ok(util.contentTypeMedia.includes('text'));
  assert.ok(util.contentTypeService.includes('new_chat_members'));
  assert.ok(!util.contentTypeService.some((type) => util.contentTypeMedia.includes(type)));
});

test('CustomRequestResponse', () => {
  const response = new util.CustomRequestResponse('{"ok":true,"result":{"id":1}}');
  assert.equal(response.statusCode, 200);
  assert.equal(response.reason, '');
  assert.equal(response.ok, true);
  assert.deepEqual(response.json(), { ok: true, result: { id: 1 } });
  assert.equal(response.text, '{"ok":true,"result":{"id":1}}');
  const failed = new CustomRequestResponse('{"ok":false}', 400, 'Bad Request');
  assert.equal(failed.statusCode, 400);
  assert.equal(failed.reason, 'Bad Request');
  assert.equal(failed.ok, false);
  assert.ok(failed instanceof util.CustomRequestResponse);
});

test('token helpers and type guards', () => {
  assert.equal(util.validateToken('123456:ABC-def_ghi'), true);
  assert.equal(util.validateToken('nope'), false);
  assert.equal(util.extractBotId('123456:ABC'), 123456);
  assert.equal(util.extractBotId('x'), null);
  assert.match(util.generateRandomToken(), /^[A-Za-z]{16}$/);
  assert.equal(util.isString('a'), true);
  assert.equal(util.isDict({ a: 1 }), true);
  assert.equal(util.isDict([]), false);
  assert.equal(util.isDict(new Date()), false);
  assert.equal(util.isBytes(Buffer.from('a')), true);
});
