// In a long-running process (nodeHttpHandler, expressHandler, runWebhooks) nothing freezes after
// the answer, so by default the answer goes out as soon as the handlers returned, without waiting
// for a Bot API call they started and did not await: Telegram is not kept waiting on a slow call.
// With replyInResponse the first call goes back in the answer and the others are not waited for
// either. Only the serverless adapters wait by default (test/webhook-unawaited-calls.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Botte } from '../src/index.js';
import { nodeHttpHandler, type WebhookOptions } from '../src/webhook/index.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();

/**
 * Serves `bot` with nodeHttpHandler while the emulator holds every sendMessage answer until
 * `release()`, posts one update and returns the answer (a handler that waited for a held call
 * would never answer: the post gives up after 5 s).
 */
async function postWhileCallsAreHeld(
  bot: Botte,
  options: WebhookOptions,
  updateId: number,
): Promise<{ response: Response; release: () => void; cleanUp: () => Promise<void> }> {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const remove = emu.onMethod('sendMessage', async (_params, _call, fallback) => {
    await gate;
    return fallback();
  });
  const server = createServer(nodeHttpHandler(bot, options));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cleanUp = async () => {
    release();
    remove();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    const { port } = server.address() as AddressInfo;
    const update = {
      update_id: updateId,
      message: {
        message_id: updateId,
        date: 1,
        chat: { id: 9, type: 'private' },
        from: { id: 9, is_bot: false, first_name: 'N' },
        text: 'hi',
      },
    };
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(5000),
    });
    return { response, release, cleanUp };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

test('nodeHttpHandler answers 200 while an un-awaited reply is still on its way, and the reply still arrives', async () => {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, 'later'); // not awaited
  });
  const { response, release, cleanUp } = await postWhileCallsAreHeld(bot, {}, 1);
  try {
    assert.equal(response.status, 200);
    assert.equal(
      emu.callsOf('sendMessage').filter((call) => call.response !== undefined).length,
      0,
      'answered before the reply',
    );
    release();
    const reply = await emu.waitForCall('sendMessage', (call) => call.params.text === 'later');
    assert.equal(reply.params.text, 'later');
  } finally {
    await cleanUp();
  }
});

test('with replyInResponse, the reply is the body and a second, held call does not hold the answer', async () => {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, 'in the answer'); // not awaited: given back as the response body
    bot.sendMessage(message.chat.id, 'held'); // not awaited: a real call, held by the emulator
  });
  const { response, release, cleanUp } = await postWhileCallsAreHeld(bot, { replyInResponse: true }, 2);
  try {
    assert.equal(response.status, 200);
    const body = (await response.json()) as { method?: string; text?: string };
    assert.deepEqual([body.method, body.text], ['sendMessage', 'in the answer']);
    release();
    const held = await emu.waitForCall('sendMessage', (call) => call.params.text === 'held');
    assert.equal(held.params.text, 'held');
  } finally {
    await cleanUp();
  }
});
