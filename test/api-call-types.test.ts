// Type-level tests of `callApi` typed by method name: checked by `tsc -p test/tsconfig.json`
// (part of `npm test`); `@ts-expect-error` marks calls that must not compile. The runtime part
// calls the emulator through both overloads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { UserFromGetMe } from '../src/api/generated/telegram-types.js';
import { type Botte, ApiTelegramException, type ApiResult } from '../src/index.js';
import type { ApiClient } from '../src/api/client.js';
import { startClient } from './helpers.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;

// Never run: only compiled.
async function typeChecks(bot: ApiClient, botte: Botte, someName: string): Promise<void> {
  // @ts-expect-error `text` is required by sendMessage
  await bot.callApi('sendMessage', { chat_id: 1 });
  // @ts-expect-error sendMessage needs its parameter object
  await bot.callApi('sendMessage');
  // @ts-expect-error a parameter of the wrong type
  await bot.callApi('sendMessage', { chat_id: 1, text: 'x', disable_notification: 'yes' });
  // @ts-expect-error an unknown parameter of a known method
  await bot.callApi('sendMessage', { chat_id: 1, text: 'x', parse_mod: 'HTML' });
  // @ts-expect-error the same on Botte, which overrides callApi
  await botte.callApi('sendMessage', { chat_id: 1 });

  const sent = await bot.callApi('sendMessage', { chat_id: 1, text: 'hi' });
  type _sent = Expect<Equal<typeof sent, ApiResult<'sendMessage'>>>;
  const id: number = sent.message_id;
  void id;
  const me = await botte.callApi('getMe');
  type _me = Expect<Equal<typeof me, UserFromGetMe>>;
  const ok = await bot.callApi('deleteWebhook');
  type _ok = Expect<Equal<typeof ok, true>>;

  // The escape hatch: a name Botte does not know yet, a plain object, an `unknown` result...
  const future = await bot.callApi('sendSomethingNew', { chat_id: 1, anything: [1, 2] });
  type _future = Expect<Equal<typeof future, unknown>>;
  // ...or the result type given explicitly.
  const typed = await botte.callApi<{ id: number }>('getSomethingNew', {});
  type _typed = Expect<Equal<typeof typed, { id: number }>>;
  // A name held in a string variable goes through the escape hatch too.
  const dynamic = await bot.callApi(someName, { chat_id: 1 });
  type _dynamic = Expect<Equal<typeof dynamic, unknown>>;
}

test('the type checks compile (see tsc -p test/tsconfig.json)', () => {
  assert.equal(typeof typeChecks, 'function');
});

test('callApi sends a typed call and an unknown method alike', async () => {
  const { bot, close } = await startClient();
  try {
    const sent = await bot.callApi('sendMessage', { chat_id: 3, text: 'typed' });
    assert.equal(sent.text, 'typed');
    await assert.rejects(
      bot.callApi('sendSomethingNew', { chat_id: 3 }),
      (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 404,
    );
  } finally {
    await close();
  }
});
