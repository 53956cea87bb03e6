// A handler that chains its calls without awaiting them, `bot.sendMessage(...).then(() =>
// bot.sendMessage(...))`, behind a serverless adapter: the second call only starts once the first
// settled, so the answer must wait for it too (src/webhook/reply-in-response.ts), or the function
// is frozen with the second reply still unsent; the same when the second call starts after a
// short pause of its own (an await of an I/O callback in between).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { webhookHandler } from '../src/webhook/index.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();

async function answerWaitsForTwo(chain: (bot: Botte, chatId: number) => void): Promise<void> {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => chain(bot, message.chat.id));
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const remove = emu.onMethod('sendMessage', async (params, _call, fallback) => {
    if (params.text === 'two') await gate;
    return fallback();
  });
  try {
    let answered = false;
    const body = JSON.stringify({
      update_id: 1,
      message: {
        message_id: 1,
        date: 1,
        chat: { id: 4, type: 'private' },
        from: { id: 4, is_bot: false, first_name: 'C' },
        text: 'go',
      },
    });
    const answer = webhookHandler(bot)(new Request('https://fn.example/', { method: 'POST', body })).then(
      (response) => {
        answered = true;
        return response;
      },
    );
    await emu.waitForRequest('sendMessage', (call) => call.params.text === 'two');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(answered, false, 'the answer went out while the chained call was still on its way');
    release();
    assert.equal((await answer).status, 200);
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => [call.params.text, call.response?.ok]),
      [
        ['one', true],
        ['two', true],
      ],
    );
  } finally {
    release();
    remove();
  }
}

test('webhookHandler waits for a call chained on another, not only for the first', () =>
  answerWaitsForTwo((bot, chatId) => {
    void bot.sendMessage(chatId, 'one').then(() => bot.sendMessage(chatId, 'two'));
  }));

test('webhookHandler waits for a chained call that starts after a pause of its own', () =>
  answerWaitsForTwo((bot, chatId) => {
    void bot
      .sendMessage(chatId, 'one')
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(() => bot.sendMessage(chatId, 'two'));
  }));
