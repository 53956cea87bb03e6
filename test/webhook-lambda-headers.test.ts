// What lambdaHandler's answers carry besides the status (src/webhook/lambda.ts): plain-text
// reasons say so in their content type, only a 405 names the allowed method, and an event that
// has a requestContext but no HTTP method in it (an API Gateway test event, a custom trigger) is a
// 405, not a crash of the function; a body of exactly `maxBodyBytes` is taken.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { lambdaHandler, type LambdaEvent } from '../src/webhook/index.js';
import { useEmulator } from './emulator-harness.js';
import { LAMBDA_SECRET, lambdaV2 } from './lambda-events.js';

const emu = await useEmulator();
const SECRET = LAMBDA_SECRET;

const event = (body: string, secret = SECRET) => lambdaV2(body, { 'x-telegram-bot-api-secret-token': secret });
const update = {
  update_id: 1,
  message: {
    message_id: 1,
    date: 1,
    chat: { id: 5, type: 'private' },
    from: { id: 5, is_bot: false, first_name: 'H' },
    text: 'hi',
  },
};

test('a 401 is plain text; only a 405 carries Allow: POST', async () => {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, () => undefined);
  const handler = lambdaHandler(bot, { secretToken: SECRET });
  const refused = await handler(event(JSON.stringify(update), 'wrong'));
  assert.equal(refused.statusCode, 401);
  assert.equal(refused.headers['content-type'], 'text/plain; charset=utf-8');
  assert.equal(refused.headers.allow, undefined);
  const handled = await handler(event(JSON.stringify(update)));
  assert.equal(handled.statusCode, 200);
  assert.equal(handled.headers.allow, undefined, 'a 200 names no allowed method');
});

test('an event with a requestContext but no HTTP method is a 405, not a crash', async () => {
  const reported: unknown[] = [];
  const bot = new Botte(emu.token, {
    apiUrl: emu.apiUrl,
    exceptionHandler: {
      handle(error) {
        reported.push(error);
        return true;
      },
    },
  });
  const handler = lambdaHandler(bot);
  const result = await handler({ requestContext: {}, body: JSON.stringify(update) } as LambdaEvent);
  assert.deepEqual([result.statusCode, result.headers.allow], [405, 'POST']);
  assert.deepEqual(reported, []);
});

test('maxBodyBytes is the largest body taken: that many bytes are handled, one more is a 413', async () => {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const seen: string[] = [];
  bot.handleMsg({ func: () => true }, (message) => void seen.push(message.text ?? ''));
  const body = JSON.stringify(update);
  const handler = lambdaHandler(bot, { secretToken: SECRET, maxBodyBytes: Buffer.byteLength(body) });
  assert.equal((await handler(event(body))).statusCode, 200);
  assert.deepEqual(seen, ['hi']);
  assert.equal((await handler(event(`${body} `))).statusCode, 413);
});
