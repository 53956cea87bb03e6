// What a plain-JavaScript caller is told when a typed method gets arguments its signature cannot
// take (src/api/typed-arguments.ts): the signature with its optional parameters marked `?`, and
// what was given in the options slot (an array, an instance of a class, a primitive's type).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { startClient } from './helpers.js';

const ctx = await startClient();
after(() => ctx.close());
const js = ctx.bot as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;

test('the signature in the message marks optional positional parameters with ?', () => {
  assert.throws(() => js.getUpdates!(0, 10, 5, ['message'], {}, 'extra'), {
    name: 'TypeError',
    message:
      'getUpdates: 6 arguments given, at most 5 expected: getUpdates(offset?, limit?, timeout?, allowed_updates?, options?); optional parameters go in the options object',
  });
});

test('the message says what stood in the options slot', () => {
  const cases: Array<[unknown, string]> = [
    [['HTML'], 'an array'],
    [new Date(0), 'a Date'],
    // No constructor to name (its prototype has a null prototype): just an object.
    [Object.create(Object.create(null) as object) as object, 'a object'],
    [42, 'a number'],
    [true, 'a boolean'],
  ];
  for (const [given, kind] of cases) {
    assert.throws(() => js.sendMessage!(1, 'hi', given), {
      name: 'TypeError',
      message: `sendMessage: argument 3 must be the options object (a plain object), got ${kind}: sendMessage(chat_id, text, options?)`,
    });
  }
  assert.equal(ctx.emu.callsOf('sendMessage').length, 0, 'nothing was sent');
});
