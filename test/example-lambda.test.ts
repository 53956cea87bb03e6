// examples/webhook-lambda.ts as Lambda runs it: the module's `handler` called with API Gateway
// events, the bot built from the environment on the first call and kept for the next ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();
process.env.BOT_TOKEN = emu.token;
process.env.BOT_API_URL = emu.apiUrl;
process.env.WEBHOOK_SECRET = 'example-lambda-secret';
const { handler } = await import('../examples/webhook-lambda.js');

const event = (id: number, text: string, secret = 'example-lambda-secret') => ({
  version: '2.0',
  headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
  requestContext: { http: { method: 'POST' } },
  body: JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: 12, type: 'private' },
      from: { id: 12, is_bot: false, first_name: 'E' },
      text,
    },
  }),
  isBase64Encoded: false,
});

test('webhook-lambda: /start and an echo are sent before the function answers; a wrong secret is 401', async () => {
  const start = await handler(event(1, '/start'));
  assert.equal(start.statusCode, 200);
  // Not awaited by the handlers, yet done when the function answered.
  assert.deepEqual(
    emu.callsOf('sendMessage').map((call) => [call.params.text, call.response?.ok]),
    [['Hello from AWS Lambda!', true]],
  );
  const echo = await handler(event(2, 'ping'));
  assert.equal(echo.statusCode, 200);
  assert.equal(emu.callsOf('sendMessage').at(-1)?.params.text, 'You said: ping');
  const denied = await handler(event(3, '/start', 'wrong'));
  assert.equal(denied.statusCode, 401);
  assert.equal(emu.callsOf('sendMessage').length, 2);
});
