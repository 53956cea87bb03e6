// A limit slower than one message a minute (a user's own `groupPerMinute: 1/60`) must hold even
// after the limiter's once-a-minute sweep of idle chats: a chat is forgotten only once its own
// interval has passed too. Real HTTP to the emulator; only the clock (Date) is moved forward by
// node:test's mock timers, so that "a minute later" takes no minute. Real timers still run the
// waits, and a held call waits close to an hour, far beyond the second it is given.
import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { useEmulator } from './emulator-harness.js';

const LET_THROUGH_MS = 30_000;
// Typed as a plain string so the params may be any record.
const SEND_MESSAGE: string = 'sendMessage';

const emu = await useEmulator({ resetEachTest: true });

test('one message an hour to a group still holds after a minute in which the limiter forgot idle chats', async () => {
  const bot = new ApiClient(emu.token, {
    apiUrl: emu.apiUrl,
    floodControl: { groupPerMinute: 1 / 60, globalPerSecond: 1_000_000 },
    retry: false,
  });
  mock.timers.enable({ apis: ['Date'], now: Date.now() });
  try {
    const send = (chatId: number, text: string, ms: number) =>
      bot.callApi(SEND_MESSAGE, { chat_id: chatId, text }, { signal: AbortSignal.timeout(ms) });
    await send(-81, 'group A, first', LET_THROUGH_MS);
    mock.timers.tick(61_000);
    // Another chat's message a minute later: its release runs the sweep of idle chats.
    await send(-82, 'group B, first', LET_THROUGH_MS);
    await assert.rejects(send(-81, 'group A, second', 1000), 'group A has used its message of the hour');
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.text),
      ['group A, first', 'group B, first'],
      'the second message to group A must not reach Telegram',
    );
  } finally {
    mock.timers.reset();
    await bot.closeSession();
  }
});
