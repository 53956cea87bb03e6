// Which calls the built-in flood control (`floodControl: {...}`) holds back, and by which limit.
// Each test sets one limit to one call per hour and the others wide open, so "held back" and
// "let through" differ by an hour, never by milliseconds: a held call is given a short abort
// signal, and the emulator's call log shows whether it was sent. Real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { ApiHTTPException } from '../src/api/errors.js';
import { useEmulator } from './emulator-harness.js';

const ONE_PER_HOUR_PER_SECOND = 1 / 3600;
const ONE_PER_HOUR_PER_MINUTE = 1 / 60;
const WIDE_OPEN = 1_000_000;
// Long enough for a call that is let through (a busy machine), far below the hour a held one waits.
const LET_THROUGH_MS = 30_000;
// How long a call that should be held back is given before it is aborted.
const HELD_MS = 1000;

const emu = await useEmulator({ resetEachTest: true });

function clientWith(floodControl: { globalPerSecond?: number; privatePerSecond?: number; groupPerMinute?: number }) {
  return new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl, retry: false });
}

const through = (bot: ApiClient, method: string, params: Record<string, unknown>) =>
  bot.callApi(method, params, { signal: AbortSignal.timeout(LET_THROUGH_MS) });

/** Asserts that the call is still waiting for its turn when its short signal aborts it, and was never sent. */
async function assertHeld(bot: ApiClient, method: string, params: Record<string, unknown>, why: string) {
  const before = emu.callsOf(method).length;
  await assert.rejects(bot.callApi(method, params, { signal: AbortSignal.timeout(HELD_MS) }), why);
  assert.equal(emu.callsOf(method).length, before, `${why}: the held call must not reach Telegram`);
}

test('calls that put no message in a chat are never held back by a chat that used its turn', async () => {
  const bot = clientWith({ privatePerSecond: ONE_PER_HOUR_PER_SECOND, groupPerMinute: ONE_PER_HOUR_PER_MINUTE });
  try {
    await through(bot, 'sendMessage', { chat_id: 5, text: 'first' });
    await through(bot, 'sendChatAction', { chat_id: 5, action: 'typing' });
    await through(bot, 'sendChatAction', { chat_id: 5, action: 'typing' });
    await through(bot, 'getChat', { chat_id: 5 });
    await through(bot, 'sendMessageDraft', { chat_id: 5, draft_id: 1, text: 'draft' });
    await through(bot, 'sendMessageDraft', { chat_id: 5, draft_id: 1, text: 'draft 2' });
    await through(bot, 'sendChatAction', { chat_id: -100, action: 'typing' });
    await through(bot, 'sendMessage', { chat_id: -100, text: 'group first' });
    await through(bot, 'sendChatAction', { chat_id: -100, action: 'typing' });
    assert.equal(emu.callsOf('sendChatAction').length, 4);
    // The chat's turn is still taken: a second message waits.
    await assertHeld(bot, 'sendMessage', { chat_id: 5, text: 'second' }, 'a second message to the private chat');
  } finally {
    await bot.closeSession();
  }
});

test('every way of putting a message into a private chat takes its turn: send*, copy and forward', async () => {
  const bot = clientWith({
    privatePerSecond: ONE_PER_HOUR_PER_SECOND,
    groupPerMinute: WIDE_OPEN,
    globalPerSecond: WIDE_OPEN,
  });
  try {
    const first = (await through(bot, 'sendMessage', { chat_id: 1, text: 'source' })) as { message_id: number };
    const cases: Array<[string, number, Record<string, unknown>]> = [
      ['sendMessage', 11, { text: 'hi' }],
      ['sendDice', 12, {}],
      ['copyMessage', 13, { from_chat_id: 1, message_id: first.message_id }],
      ['copyMessages', 14, { from_chat_id: 1, message_ids: [first.message_id] }],
      ['forwardMessage', 15, { from_chat_id: 1, message_id: first.message_id }],
      ['forwardMessages', 16, { from_chat_id: 1, message_ids: [first.message_id] }],
    ];
    for (const [method, chatId, rest] of cases) {
      await through(bot, method, { chat_id: chatId, ...rest });
      await assertHeld(bot, method, { chat_id: chatId, ...rest }, `a second ${method} to private chat ${chatId}`);
    }
    // A user id written as a string is a private chat too.
    await through(bot, 'sendMessage', { chat_id: '21', text: 'hi' });
    await assertHeld(bot, 'sendMessage', { chat_id: '21', text: 'again' }, 'a second message to chat "21"');
    await assertHeld(bot, 'sendMessage', { chat_id: 21, text: 'again' }, 'the same chat written as a number');
  } finally {
    await bot.closeSession();
  }
});

test('groups, supergroups and channels (negative ids, @names) follow the group limit, users the private one', async () => {
  const groupsSlow = clientWith({
    groupPerMinute: ONE_PER_HOUR_PER_MINUTE,
    privatePerSecond: WIDE_OPEN,
    globalPerSecond: WIDE_OPEN,
  });
  try {
    for (const chatId of [-100, '@news', '-1001234']) {
      await through(groupsSlow, 'sendMessage', { chat_id: chatId, text: 'one' });
      await assertHeld(groupsSlow, 'sendMessage', { chat_id: chatId, text: 'two' }, `a second message to ${chatId}`);
    }
    for (const chatId of [7, '8']) {
      await through(groupsSlow, 'sendMessage', { chat_id: chatId, text: 'one' });
      await through(groupsSlow, 'sendMessage', { chat_id: chatId, text: 'two' });
    }
  } finally {
    await groupsSlow.closeSession();
  }
  const usersSlow = clientWith({
    privatePerSecond: ONE_PER_HOUR_PER_SECOND,
    groupPerMinute: WIDE_OPEN,
    globalPerSecond: WIDE_OPEN,
  });
  try {
    for (const chatId of [-100, '@news', '-1001234']) {
      await through(usersSlow, 'sendMessage', { chat_id: chatId, text: 'one' });
      await through(usersSlow, 'sendMessage', { chat_id: chatId, text: 'two' });
    }
  } finally {
    await usersSlow.closeSession();
  }
});

test('the bot-wide limit holds back a message to another chat, and a send without a chat id', async () => {
  const bot = clientWith({
    globalPerSecond: ONE_PER_HOUR_PER_SECOND,
    privatePerSecond: WIDE_OPEN,
    groupPerMinute: WIDE_OPEN,
  });
  try {
    await through(bot, 'sendMessage', { chat_id: 31, text: 'first' });
    await assertHeld(bot, 'sendMessage', { chat_id: 32, text: 'other chat' }, 'a message to another chat');
    // No chat_id (an inline-mode or business send): only the bot-wide slot applies.
    await assertHeld(bot, 'sendMessage', { text: 'no chat' }, 'a send without chat_id');
    // Non-message calls are untouched by the bot-wide limit too.
    await through(bot, 'getMe', {});
    await through(bot, 'sendChatAction', { chat_id: 33, action: 'typing' });
  } finally {
    await bot.closeSession();
  }
});

test('floodControl: true uses the documented limits: one message a second to a user, 20 a minute to a group', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: true });
  try {
    // Lower bounds only: a busy machine can make a call later, never earlier.
    const start = Date.now();
    await Promise.all([
      through(bot, 'sendMessage', { chat_id: 41, text: 'user 1' }),
      through(bot, 'sendMessage', { chat_id: 41, text: 'user 2' }),
      through(bot, 'sendMessage', { chat_id: -41, text: 'group 1' }),
      through(bot, 'sendMessage', { chat_id: -41, text: 'group 2' }),
    ]);
    const arrived = (text: string) =>
      emu.callsOf('sendMessage').find((c) => c.params.text === text)!.receivedAt - start;
    assert.ok(
      arrived('user 2') >= 1000,
      `the second message to a user arrived ${arrived('user 2')} ms after the first send`,
    );
    assert.ok(
      arrived('group 2') >= 3000,
      `the second message to a group arrived ${arrived('group 2')} ms after the first send`,
    );
  } finally {
    await bot.closeSession();
  }
});

test('a send without chat_id is not counted against any chat: only the bot-wide limit applies', async () => {
  const bot = clientWith({
    privatePerSecond: ONE_PER_HOUR_PER_SECOND,
    groupPerMinute: ONE_PER_HOUR_PER_MINUTE,
    globalPerSecond: WIDE_OPEN,
  });
  try {
    // sendGift names a user_id, not a chat_id. Whatever the emulator answers, both calls reach it.
    const reached = (error: unknown) => assert.ok(!(error instanceof ApiHTTPException), `not sent: ${String(error)}`);
    await through(bot, 'sendGift', { user_id: 5, gift_id: 'g1' }).catch(reached);
    await through(bot, 'sendGift', { user_id: 5, gift_id: 'g2' }).catch(reached);
    assert.equal(emu.callsOf('sendGift').length, 2);
  } finally {
    await bot.closeSession();
  }
});
