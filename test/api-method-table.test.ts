// The method table is complete: every method of the type package is a typed method of the bot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { METHOD_TABLE } from '../src/api/generated/method-table.js';
import { ApiClient } from '../src/api/client.js';
import type { BotApiMethods } from '../src/api/generated/bot-api-methods.js';
import type { ApiMethods } from '../src/api/generated/telegram-types.js';

const spec = JSON.parse(readFileSync(new URL('../spec/bot-api.json', import.meta.url), 'utf8')) as {
  methods: { name: string }[];
};
const packageMethods = spec.methods.map((m) => m.name);

test('every Bot API method of the description is in the table and on the client', () => {
  assert.ok(packageMethods.length >= 185, 'Bot API 10.3 had 185 methods');
  const missing = packageMethods.filter(
    (name) => !(name in METHOD_TABLE) || typeof (ApiClient.prototype as any)[name] !== 'function',
  );
  assert.deepEqual(missing, []);
  const specs = Object.values(METHOD_TABLE).filter((spec) => typeof spec === 'object');
  assert.equal(specs.length, packageMethods.length);
});

test('the typed interface has every method too (compile-time check)', () => {
  type Missing = Exclude<keyof ApiMethods<unknown>, keyof BotApiMethods>;
  const none: [Missing] extends [never] ? true : false = true;
  assert.equal(none, true);
});

test('deprecated aliases of the description call the current method', async () => {
  const { startClient } = await import('./helpers.js');
  const { bot, emu, close } = await startClient();
  try {
    await bot.getChatMembersCount(5);
    assert.equal(emu.calls.at(-1)!.method, 'getChatMemberCount');
  } finally {
    await close();
  }
});

test('positional parameters are the required ones in Telegram order, with the pyTelegramBotAPI order overrides', () => {
  assert.deepEqual(METHOD_TABLE.sendMessage.positional, ['chat_id', 'text']);
  assert.deepEqual(METHOD_TABLE.forwardMessage.positional, ['chat_id', 'from_chat_id', 'message_id']);
  assert.deepEqual(METHOD_TABLE.editMessageText.positional, ['text', 'chat_id', 'message_id', 'inline_message_id']);
  assert.deepEqual(METHOD_TABLE.getUpdates.positional, ['offset', 'limit', 'timeout', 'allowed_updates']);
  assert.deepEqual(METHOD_TABLE.sendLocation.positional, ['chat_id', 'latitude', 'longitude']);
  assert.deepEqual(METHOD_TABLE.getMe.positional, []);
});
