// The built-in flood control's per-chat turns: the first message to a chat goes out without a
// Node timer warning, and a chat whose first message still waits for the bot-wide slot keeps
// its turn, so its next message queues behind it. Real HTTP to the emulator; no timing bounds
// except "still held after a while" (a held call waits an hour).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { useEmulator } from './emulator-harness.js';

const ONE_PER_HOUR_PER_SECOND = 1 / 3600;
const WIDE_OPEN = 1_000_000;
// Long enough for a call that is let through (a busy machine), far below the hour a held one waits.
const LET_THROUGH_MS = 30_000;
// Typed as a plain string so the params may be any record (the typed overload wants `text`).
const SEND_MESSAGE: string = 'sendMessage';

const emu = await useEmulator({ resetEachTest: true });

function clientWith(floodControl: { globalPerSecond?: number; privatePerSecond?: number; groupPerMinute?: number }) {
  return new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl, retry: false });
}

const through = (bot: ApiClient, params: Record<string, unknown>) =>
  bot.callApi(SEND_MESSAGE, params, { signal: AbortSignal.timeout(LET_THROUGH_MS) });

const sentTexts = () => emu.callsOf('sendMessage').map((call) => call.params.text);

test('the first message to each chat is sent without a Node timer warning in the bot log', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', onWarning);
  const bot = clientWith({ privatePerSecond: ONE_PER_HOUR_PER_SECOND, groupPerMinute: WIDE_OPEN });
  try {
    await through(bot, { chat_id: 61, text: 'user' });
    await through(bot, { chat_id: -61, text: 'group' });
    await through(bot, { chat_id: '@news', text: 'channel' });
    // Warnings are emitted on a later tick: let them arrive before looking.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(sentTexts(), ['user', 'group', 'channel']);
    assert.deepEqual(
      warnings.filter((w) => w.startsWith('Timeout')),
      [],
      'a first message must not make the limiter sleep for an invalid time',
    );
  } finally {
    process.off('warning', onWarning);
    await bot.closeSession();
  }
});

test('a chat whose first message waits for the bot-wide slot keeps its turn: its next message queues behind', async () => {
  // Two messages a second overall, one an hour per user: the first message to chat 72 waits
  // about half a second for the bot-wide slot while the one to chat 71 is released.
  const bot = clientWith({ globalPerSecond: 2, privatePerSecond: ONE_PER_HOUR_PER_SECOND, groupPerMinute: WIDE_OPEN });
  try {
    const firstTo72 = Promise.all([
      through(bot, { chat_id: 71, text: '71 first' }),
      through(bot, { chat_id: 72, text: '72 first' }),
    ]);
    // Once chat 71's message is sent, chat 72's first one has been released or is still waiting;
    // either way its second message must wait for the user's hour, not just the bot-wide slot.
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + LET_THROUGH_MS;
      const poll = () => {
        if (sentTexts().includes('71 first')) return resolve();
        if (Date.now() > deadline) return reject(new Error('the first message to chat 71 was never sent'));
        setTimeout(poll, 10);
      };
      poll();
    });
    await assert.rejects(
      bot.callApi(SEND_MESSAGE, { chat_id: 72, text: '72 second' }, { signal: AbortSignal.timeout(3000) }),
      'the second message to chat 72 must still be waiting for its turn',
    );
    await firstTo72;
    assert.deepEqual(sentTexts().sort(), ['71 first', '72 first'], 'the second message to chat 72 was never sent');
  } finally {
    await bot.closeSession();
  }
});
