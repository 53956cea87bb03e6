// The shared (Redis) flood control uses the same rule as the in-process one for which calls are
// messages (src/api/flood-control.ts: sendsMessage): a second message to a user waits for the
// user's turn, a chat action does not. Real redis-server and real HTTP to the emulator; a held
// call waits an hour, so "held" and "let through" never differ by milliseconds.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { RedisFloodControl } from '../src/scale/index.js';
import { RedisServer } from './redis-server.js';

const LET_THROUGH_MS = 30_000;
// Typed as a plain string so the params may be any record.
const call = (bot: ApiClient, method: string, params: Record<string, unknown>, ms: number) =>
  bot.callApi(method, params, { signal: AbortSignal.timeout(ms) });

let redis: RedisServer | undefined;
let emu: BotApiEmulator | undefined;

before(async () => {
  redis = await RedisServer.start();
  emu = await BotApiEmulator.start();
});

after(async () => {
  await emu?.stop();
  await redis?.stop();
});

test('with a shared limiter a second message to a user waits for its turn; chat actions never do', async () => {
  const shared = new RedisFloodControl({ url: redis!.url, prefix: 'flood-shared', privatePerSecond: 1 / 3600 });
  const bot = new ApiClient(emu!.token, { apiUrl: emu!.apiUrl, floodControl: shared, retry: false });
  try {
    await call(bot, 'sendMessage', { chat_id: 91, text: 'first' }, LET_THROUGH_MS);
    await call(bot, 'sendChatAction', { chat_id: 91, action: 'typing' }, LET_THROUGH_MS);
    await call(bot, 'sendChatAction', { chat_id: 91, action: 'typing' }, LET_THROUGH_MS);
    await assert.rejects(
      call(bot, 'sendMessage', { chat_id: 91, text: 'second' }, 1000),
      'the second message to the user must still be waiting for its turn',
    );
    assert.deepEqual(
      emu!.callsOf('sendMessage').map((c) => c.params.text),
      ['first'],
      'the held message must not reach Telegram',
    );
    assert.equal(emu!.callsOf('sendChatAction').length, 2);
  } finally {
    await bot.closeSession();
    await shared.close();
  }
});
