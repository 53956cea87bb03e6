import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IsAdminFilter } from '../src/dispatch/custom-filters/index.js';

import { BotApiEmulator, TelegramError } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';

const group = { id: -100500, type: 'supergroup' as const, title: 'G' };
const person = (id: number) => ({ id, is_bot: false, first_name: `U${id}` });
const msg = (fromId: number, extra: Record<string, unknown> = {}) => ({
  message_id: 1,
  date: 1,
  chat: group,
  from: person(fromId),
  text: 'hi',
  ...extra,
});

describe('IsAdminFilter against the emulator', () => {
  let emu: BotApiEmulator;
  let bot: ApiClient;
  const statuses: Record<number, string> = {
    1: 'creator',
    2: 'administrator',
    3: 'member',
    4: 'restricted',
    5: 'left',
  };

  before(async () => {
    emu = await BotApiEmulator.start();
    bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
    emu.onMethod('getChatMember', (params) => {
      const userId = Number(params.user_id);
      if (userId === 404) throw new TelegramError(400, 'Bad Request: user not found');
      return { status: statuses[userId] ?? 'member', user: person(userId) };
    });
  });
  after(async () => {
    await (bot as unknown as { closeSession?: () => Promise<void> }).closeSession?.();
    await emu.stop();
  });

  it('passes for creator and administrator only', async () => {
    const f = new IsAdminFilter(bot);
    assert.equal(f.key, 'isChatAdmin');
    assert.equal(await f.check(msg(1)), true);
    assert.equal(await f.check(msg(2)), true);
    assert.equal(await f.check(msg(3)), false);
    assert.equal(await f.check(msg(4)), false);
    assert.equal(await f.check(msg(5)), false);
  });

  it('asks getChatMember with the chat and the sender, also for callback queries', async () => {
    const f = new IsAdminFilter(bot);
    emu.clearCalls();
    const query = { id: 'cb', from: person(2), chat_instance: 'x', data: 'd', message: msg(99) };
    assert.equal(await f.check(query), true);
    const calls = emu.calls.filter((call) => call.method === 'getChatMember');
    assert.equal(calls.length, 1);
    assert.equal(Number(calls[0]!.params.chat_id), group.id);
    assert.equal(Number(calls[0]!.params.user_id), 2);
  });

  it('counts a message sent on behalf of the chat as from an admin, without asking', async () => {
    const f = new IsAdminFilter(bot);
    emu.clearCalls();
    assert.equal(await f.check(msg(1087968824, { sender_chat: group })), true);
    assert.equal(emu.calls.filter((call) => call.method === 'getChatMember').length, 0);
  });

  it('is false, without asking, for a post of another chat with no sender (a linked channel)', async () => {
    const f = new IsAdminFilter(bot);
    emu.clearCalls();
    const channel = { id: -100777, type: 'channel' as const, title: 'Linked' };
    const post = { message_id: 2, date: 1, chat: group, sender_chat: channel, text: 'auto-forwarded' };
    assert.equal(await f.check(post), false);
    assert.equal(emu.calls.filter((call) => call.method === 'getChatMember').length, 0);
  });

  it('is false without a chat, and lets API errors through', async () => {
    const f = new IsAdminFilter(bot);
    assert.equal(await f.check({ id: 'q', from: person(1), query: '', offset: '' }), false);
    await assert.rejects(() => f.check(msg(404)), /user not found/);
  });
});
