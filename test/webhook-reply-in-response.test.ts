// replyInResponse: only an eligible call (a method Telegram takes in a webhook answer, without an
// upload) becomes the webhook response; calls that need their result or carry a file go over
// HTTP, and so does every call once the update's answer is out. Real Botte, real emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, InputFile } from '../src/index.js';
import { webhookHandler } from '../src/webhook/index.js';
import { waitFor } from './helpers.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();

let nextId = 1;
const post = (text: string, chat = 5) => {
  const id = nextId++;
  return new Request('http://local/', {
    method: 'POST',
    body: JSON.stringify({
      update_id: id,
      message: {
        message_id: id,
        date: 1,
        chat: { id: chat, type: 'private' },
        from: { id: chat, is_bot: false, first_name: 'T' },
        text,
      },
    }),
  });
};

test('an upload and a call whose result is needed go over HTTP; the first eligible call after them is the response', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const results: unknown[] = [];
  bot.handleMsg({ func: () => true }, async (m) => {
    results.push((await bot.getChat(m.chat.id)).id);
    results.push(typeof (await bot.sendPhoto(m.chat.id, new InputFile(Buffer.from('png bytes'), 'p.png'))));
    results.push(await bot.sendMessage(m.chat.id, 'in the answer'));
  });
  try {
    const response = await webhookHandler(bot, { replyInResponse: true })(post('hi'));
    assert.deepEqual(await response.json(), { method: 'sendMessage', chat_id: 5, text: 'in the answer' });
    assert.deepEqual(results, [5, 'object', true], 'getChat and sendPhoto got their real results');
    assert.equal(emu.callsOf('getChat').length, 1);
    assert.equal(emu.callsOf('sendPhoto').length, 1);
    assert.equal(emu.callsOf('sendMessage').length, 0);
  } finally {
    await bot.stopBot();
  }
});

test('a call made after the answer was given (a background task of the handler) goes over HTTP, even while another update holds a slot', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  let releaseSlow!: () => void;
  const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
  let releaseLate!: () => void;
  const lateGate = new Promise<void>((resolve) => (releaseLate = resolve));
  let late: Promise<unknown> | undefined;
  bot.handleMsg({ func: (m) => m.text === 'slow' }, async () => {
    await slowGate;
  });
  bot.handleMsg({ func: () => true }, (m) => {
    // Not awaited: runs after this update's answer was given.
    late = lateGate.then(() => bot.sendMessage(m.chat.id, 'later'));
  });
  const handle = webhookHandler(bot, { replyInResponse: true });
  try {
    const slow = handle(post('slow', 6)); // another chat (a chat's updates run in order): keeps its slot open meanwhile
    const quick = await handle(post('quick'));
    assert.equal(await quick.text(), '', 'nothing was sent while the handler ran');
    releaseLate();
    const sent = await late!;
    assert.equal((sent as { text?: string }).text, 'later', 'the late call got the real Message');
    await waitFor(() => emu.callsOf('sendMessage').length === 1, {
      message: 'the late sendMessage did not reach the emulator',
    });
    releaseSlow();
    assert.equal(await (await slow).text(), '');
  } finally {
    releaseLate();
    releaseSlow();
    await bot.stopBot();
  }
});

test('a method Botte does not know (a newer Bot API) goes over HTTP, not into the answer', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const errors: unknown[] = [];
  bot.handleMsg({ func: () => true }, async (m) => {
    await bot
      .callApi('sendFutureThing' as never, { chat_id: m.chat.id } as never)
      .catch((error: unknown) => errors.push(error));
  });
  try {
    const response = await webhookHandler(bot, { replyInResponse: true })(post('future'));
    assert.equal(await response.text(), '');
    assert.equal(errors.length, 1);
    assert.equal(
      (errors[0] as { name?: string }).name,
      'ApiTelegramException',
      `the emulator answered the call: ${String(errors[0])}`,
    );
  } finally {
    await bot.stopBot();
  }
});
