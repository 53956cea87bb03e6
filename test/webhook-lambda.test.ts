// AWS Lambda (API Gateway REST and HTTP APIs, Lambda function URLs) hands a function an event
// object and expects `{ statusCode, headers, body }` back, not a Request and a Response: a user
// following "Serverless: use webhookHandler" there got a 405 wrapped in a Response Lambda cannot
// send. lambdaHandler takes the event as API Gateway builds it (v1 headers keep their case, v2 and
// function URLs lower-case them; the body may come base64-encoded) and answers as Lambda expects.
// A real Botte, built as on a cold start, talking real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/index.js';
import { lambdaHandler, type LambdaEvent } from '../src/webhook/index.js';
import { useEmulator } from './emulator-harness.js';
import { LAMBDA_SECRET, lambdaV2 } from './lambda-events.js';

const emu = await useEmulator();
const SECRET = LAMBDA_SECRET;
const v2 = lambdaV2;

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1,
    chat: { id: 77, type: 'private' },
    from: { id: 77, is_bot: false, first_name: 'L' },
    text,
  },
});

/** A REST API (payload 1.0) event: headers as the client spelled them, httpMethod. */
const v1 = (body: string | null, httpMethod = 'POST', headers: Record<string, string> = {}) =>
  ({
    httpMethod,
    path: '/telegram',
    headers: { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET, ...headers },
    body,
    isBase64Encoded: false,
  }) as LambdaEvent;

/** What a user writes: the bot is built on the cold start, the handler is exported. */
function coldStart(reported: unknown[] = []) {
  const bot = new Botte(emu.token, {
    apiUrl: emu.apiUrl,
    exceptionHandler: {
      handle(error) {
        reported.push(error);
        return true;
      },
    },
  });
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Hello from Lambda'));
  bot.handleMsg({ commands: ['throw'] }, () => {
    throw new Error('handler failed');
  });
  bot.handleMsg({ func: () => true }, async (message) => {
    await bot.sendMessage(message.chat.id, `echo ${message.text}`);
  });
  return lambdaHandler(bot, { secretToken: SECRET, replyInResponse: true });
}

test('a function URL event: the reply goes back as the JSON body Lambda sends to Telegram', async () => {
  emu.reset();
  const handler = coldStart();
  const result = await handler(v2(JSON.stringify(update(1, '/start'))));
  assert.equal(result.statusCode, 200);
  assert.equal(result.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(result.body), {
    method: 'sendMessage',
    chat_id: 77,
    text: 'Hello from Lambda',
    reply_parameters: { message_id: 1 },
  });
});

test('a REST API event with mixed-case headers and a base64 body is handled; the call reaches the API', async () => {
  emu.reset();
  const handler = lambdaHandler(
    (() => {
      const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
      bot.handleMsg({ func: () => true }, async (message) => {
        await bot.sendMessage(message.chat.id, `over HTTP: ${message.text}`);
      });
      return bot;
    })(),
    { secretToken: SECRET },
  );
  const event = v1(Buffer.from(JSON.stringify(update(2, 'héllo'))).toString('base64'));
  const result = await handler({ ...event, isBase64Encoded: true });
  assert.deepEqual([result.statusCode, result.body], [200, '']);
  assert.deepEqual(
    emu.callsOf('sendMessage').map((call) => call.params.text),
    ['over HTTP: héllo'],
  );
});

test('a wrong or missing secret token is 401, and the update never reaches a handler', async () => {
  emu.reset();
  const handler = coldStart();
  const wrong = await handler(v2(JSON.stringify(update(3, '/start')), { 'x-telegram-bot-api-secret-token': 'nope' }));
  const missing = await handler(v2(JSON.stringify(update(4, '/start')), {}));
  assert.deepEqual([wrong.statusCode, missing.statusCode], [401, 401]);
  assert.equal(emu.callsOf('sendMessage').length, 0);
});

test('bad JSON is 400, a GET is 405 with Allow: POST, a body over the limit is 413', async () => {
  const handler = coldStart();
  const bad = await handler(v2('{"update_id": 5,'));
  assert.deepEqual([bad.statusCode, bad.body], [400, 'Bad Request: the body is not valid JSON']);
  const empty = await handler(v1(null));
  assert.equal(empty.statusCode, 400);
  const get = await handler(v1(null, 'GET'));
  assert.deepEqual([get.statusCode, get.headers.allow], [405, 'POST']);
  const small = lambdaHandler(new Botte(emu.token, { apiUrl: emu.apiUrl }), { secretToken: SECRET, maxBodyBytes: 100 });
  const large = await small(v2(JSON.stringify(update(6, 'x'.repeat(200)))));
  assert.equal(large.statusCode, 413);
});

test('a handler that throws and a malformed update are reported and answered 200 (Telegram must not retry them)', async () => {
  emu.reset();
  const reported: unknown[] = [];
  const handler = coldStart(reported);
  const thrown = await handler(v2(JSON.stringify(update(7, '/throw'))));
  const malformed = await handler(v2(JSON.stringify({ update_id: 8, message: 'not an object' })));
  assert.deepEqual([thrown.statusCode, malformed.statusCode], [200, 200]);
  assert.deepEqual(
    reported.map((error) => (error as Error).name),
    ['Error', 'MalformedUpdateError'],
  );
  // The function still works after both.
  const next = await handler(v2(JSON.stringify(update(9, 'still here'))));
  assert.equal(JSON.parse(next.body).text, 'echo still here');
});

test('not a bot, or not an API Gateway event: a TypeError / a 405, never a crash', async () => {
  assert.throws(() => lambdaHandler({} as never), TypeError);
  const handler = coldStart();
  const result = await handler(undefined as unknown as LambdaEvent);
  assert.equal(result.statusCode, 405);
});

test('an event whose body is not a string (a misconfigured integration) is a 500, reported', async () => {
  const reported: unknown[] = [];
  const handler = coldStart(reported);
  const result = await handler({ ...v2(''), body: { update_id: 1 } as unknown as string });
  assert.deepEqual([result.statusCode, result.body], [500, 'Internal Server Error']);
  assert.equal(reported.length, 1);
});
