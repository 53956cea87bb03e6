// The typed methods' argument mapping (src/api/typed-arguments.ts): its shortcut for calls passing
// every positional parameter gives the same parameter object as the plain mapping, for every method;
// and the typed methods reach a subclass's callApi as they always did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { METHOD_TABLE } from '../src/api/generated/method-table.js';
import type { MethodSpec } from '../src/api/method-spec.js';
import { argumentsToParams, typedParams } from '../src/api/typed-arguments.js';
import { ApiClient, type CallOptions } from '../src/api/client.js';
import { startClient } from './helpers.js';

const specs = (Object.entries(METHOD_TABLE) as Array<[string, MethodSpec | string]>).filter(
  (entry): entry is [string, MethodSpec] => typeof entry[1] === 'object',
);

/** Argument lists of every shape a call of `spec` may take. */
function shapes(spec: MethodSpec): unknown[][] {
  const values = spec.positional.map((key, i) => (i % 2 === 0 ? `${key}-value` : i * 7));
  const lists: unknown[][] = [];
  for (let count = spec.required; count <= spec.positional.length; count++) {
    const used = values.slice(0, count);
    lists.push(used, [...used, { extra: true }], [...used, undefined]);
    if (count > 0) lists.push([...used.slice(0, -1), undefined]);
  }
  return lists;
}

test('the shortcut for full positional calls gives what the plain mapping gives, for every method and shape', () => {
  let compared = 0;
  for (const [name, spec] of specs) {
    for (const args of shapes(spec)) {
      let plain: unknown;
      let plainError: unknown;
      try {
        plain = argumentsToParams(name, spec, args);
      } catch (error) {
        plainError = error;
      }
      if (plainError !== undefined) {
        assert.throws(() => typedParams(name, spec, args), { message: (plainError as Error).message });
        continue;
      }
      const fast = typedParams(name, spec, args);
      assert.deepEqual(fast, plain, `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
      assert.deepEqual(Object.keys(fast), Object.keys(plain as object), `${name}: same key order`);
      compared++;
    }
  }
  assert.ok(compared > specs.length * 2, `compared ${compared} calls`);
});

test('each typed call gets a parameter object of its own', () => {
  const spec = METHOD_TABLE.sendMessage;
  const first = typedParams('sendMessage', spec, [1, 'a']);
  const second = typedParams('sendMessage', spec, [1, 'a']);
  assert.notEqual(first, second);
  const options = { parse_mode: 'HTML' };
  assert.notEqual(typedParams('sendMessage', spec, [1, 'a', options]), options);
});

test('a subclass overriding callApi sees the typed calls, and the options object it was given stays untouched', async () => {
  const seen: Array<[string, Record<string, unknown> | undefined]> = [];
  class Logged extends ApiClient {
    override callApi(method: string, params?: Record<string, unknown>, call?: CallOptions): Promise<any> {
      seen.push([method, params && { ...params }]);
      return super.callApi(method as never, params as never, call as never);
    }
  }
  const { emu, close } = await startClient();
  const bot = new Logged(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
  try {
    const options = { disable_notification: true };
    const sent = await bot.sendMessage(5, 'hi', options);
    assert.equal(sent.text, 'hi');
    assert.deepEqual(seen, [['sendMessage', { chat_id: 5, text: 'hi', disable_notification: true }]]);
    assert.deepEqual(
      options,
      { disable_notification: true },
      "the default parse mode was not written into the user's object",
    );
    assert.equal(emu.calls.at(-1)!.params.parse_mode, 'HTML');
  } finally {
    await bot.closeSession();
    await close();
  }
});
