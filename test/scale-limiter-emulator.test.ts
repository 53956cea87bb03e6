// The emulator's opt-in rate limits (`rateLimits`), which the shared flood control is tested
// against: per bot, per private chat and per group, answered like Telegram with a 429 and
// `parameters.retry_after`. A fake clock (`now`) makes "too fast" independent of machine speed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';

interface Answer {
  ok: boolean;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
}

async function send(
  emu: BotApiEmulator,
  chatId: number | string,
  method = 'sendMessage',
  params: Record<string, unknown> = { text: 'hi' },
): Promise<Answer> {
  const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: chatId, ...params }),
  });
  const body = (await res.json()) as Answer;
  assert.equal(res.status, body.ok ? 200 : body.error_code, 'the HTTP status is the error code');
  return body;
}

describe('emulator rate limits', () => {
  it('are off by default: a burst to one chat is answered', async () => {
    const emu = await BotApiEmulator.start();
    try {
      for (let i = 0; i < 25; i++) assert.equal((await send(emu, 1001)).ok, true, `message ${i}`);
    } finally {
      await emu.stop();
    }
  });

  it('answer 429 with retry_after when the bot sends to many chats faster than its per-bot limit', async () => {
    let now = 5_000_000;
    const emu = await BotApiEmulator.start({ rateLimits: { perBotPerSecond: 3, now: () => now } });
    try {
      for (const chat of [1, 2, 3]) assert.equal((await send(emu, chat)).ok, true);
      const refused = await send(emu, 4);
      assert.equal(refused.error_code, 429);
      assert.equal(refused.description, 'Too Many Requests: retry after 1');
      assert.deepEqual(refused.parameters, { retry_after: 1 });
      now += 999;
      assert.equal((await send(emu, 5)).error_code, 429, 'still within the second');
      now += 1;
      assert.equal((await send(emu, 4)).ok, true, 'answered after retry_after');
      // What is not a message doesn't count, even past the limit.
      for (let i = 0; i < 5; i++)
        assert.equal((await send(emu, 6, 'sendChatAction', { action: 'typing' })).ok, true, `chat action ${i}`);
    } finally {
      await emu.stop();
    }
  });

  it("count each group by itself (20 a minute), @channel names included, with Telegram's retry_after", async () => {
    let now = 9_000_000;
    const emu = await BotApiEmulator.start({ rateLimits: { now: () => now } });
    try {
      for (let i = 0; i < 20; i++) {
        assert.equal((await send(emu, '@news')).ok, true, `channel message ${i}`);
        now += 100;
      }
      const refused = await send(emu, '@news');
      assert.equal(refused.error_code, 429);
      assert.equal(refused.parameters?.retry_after, 58, 'the oldest message leaves the minute 58 s from now');
      assert.equal((await send(emu, -200)).ok, true, 'another group is not limited');
      now += 58_000;
      assert.equal((await send(emu, '@news')).ok, true);
    } finally {
      await emu.stop();
    }
  });
});
