// How an answer that is not Telegram's `{ ok, result }` becomes a typed error: error pages, JSON
// without `ok`, connections cut or stalled mid-answer, a host that does not exist. A plain
// node:http server plays the misbehaving server or proxy (the emulator always answers properly).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiClient } from '../src/api/client.js';
import { ApiException, ApiHTTPException, ApiInvalidJSONException, ApiTelegramException } from '../src/api/errors.js';
import { NoReplyTargetError } from '../src/api/reply-target.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';
import { logger } from '../src/logger.js';

const TOKEN = '123456:TEST-token-answers-0123456789';

/** What the server does for each method name (the last part of the path). */
const behaviours: Record<string, (res: ServerResponse) => void> = {
  errorPage400: (res) => res.writeHead(400, { 'content-type': 'text/html' }).end(`${'x'.repeat(200)}CUT-HERE`),
  page200: (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>'),
  noOk200: (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":1}'),
  noOk400: (res) => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"bad"}'),
  noOkSpaced: (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{ "result": 1 }'),
  noDescription: (res) =>
    res.writeHead(400, { 'content-type': 'application/json' }).end('{"ok":false,"error_code":400}'),
  futureMethod: (res) =>
    res
      .writeHead(500, { 'content-type': 'application/json' })
      .end('{"ok":false,"error_code":500,"description":"Internal Server Error"}'),
  sendMessage: (res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(
        '{"ok":true,"result":{"message_id":9,"date":1,"chat":{"id":-100,"type":"channel","title":"C"},"text":"hi"}}',
      ),
  getChat: (res) =>
    res
      .writeHead(400, { 'content-type': 'application/json' })
      .end('{"ok":false,"error_code":400,"description":"Bad Request: chat not found"}'),
  noOk404: (res) => res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not here"}'),
  okFalseNoCode: (res) =>
    res
      .writeHead(403, { 'content-type': 'application/json' })
      .end('{"ok":false,"description":"Forbidden: bot was blocked by the user"}'),
  cutMidBody: (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":true,"res');
    setTimeout(() => res.socket?.destroy(), 50);
  },
  stallMidBody: (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"ok":true,"res');
    // Never finished: the client's read timeout must end the call (the socket is destroyed in after()).
  },
};

/** Request bodies received, by method. */
const received: Record<string, string[]> = {};
let server: ReturnType<typeof createServer>;
let apiUrl: string;
const sockets = new Set<import('node:net').Socket>();

before(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = (req.url ?? '').split('/').pop() ?? '';
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => {
      body += chunk;
    });
    // Answered once the request is read, so that `received` is complete when the call settles.
    req.on('end', () => {
      received[method] ??= [];
      received[method].push(body);
      (behaviours[method] ?? ((r: ServerResponse) => r.writeHead(500).end('unknown scenario')))(res);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/bot{0}/{1}`;
});
after(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(method: string, call: { timeout?: number } = {}): Promise<unknown> {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: false });
  try {
    return await bot.callApi(method, {}, call).then(
      (value) => assert.fail(`${method} resolved with ${JSON.stringify(value)}`),
      (error: unknown) => error,
    );
  } finally {
    await bot.closeSession();
  }
}

test('a 400 error page that is not JSON is an ApiHTTPException HTTP_400 quoting the page cut to 200 characters', async () => {
  const error = await failure('errorPage400');
  assert.ok(error instanceof ApiHTTPException, String(error));
  assert.equal(error.code, 'HTTP_400');
  assert.equal(error.status, 400);
  assert.equal(error.method, 'errorPage400');
  assert.ok(error.message.includes('x'.repeat(200)), error.message);
  assert.ok(!error.message.includes('CUT'), `the page was not cut at 200 characters: ${error.message}`);
});

test('a 200 answer that is not JSON is an ApiInvalidJSONException with the body', async () => {
  const error = await failure('page200');
  assert.ok(error instanceof ApiInvalidJSONException, String(error));
  assert.equal(error.status, 200);
  assert.equal(error.body, '<html>maintenance</html>');
  assert.equal(error.message, 'The server returned an invalid JSON response (method page200, HTTP 200)');
  assert.equal(
    new ApiInvalidJSONException('getMe', 'x').message,
    'The server returned an invalid JSON response (method getMe, HTTP ?)',
  );
});

test('JSON without "ok": ApiInvalidJSONException at 200, ApiHTTPException with the status at 404', async () => {
  const invalid = await failure('noOk200');
  assert.ok(invalid instanceof ApiInvalidJSONException, String(invalid));
  assert.equal(invalid.body, '{"result":1}');
  const notFound = await failure('noOk404');
  assert.ok(notFound instanceof ApiHTTPException, String(notFound));
  assert.ok(!(notFound instanceof ApiTelegramException));
  assert.equal(notFound.code, 'HTTP_404');
  assert.equal(notFound.status, 404);
  assert.match(notFound.message, /failed \(method noOk404\): HTTP 404$/);
  const bad = await failure('noOk400');
  assert.ok(bad instanceof ApiHTTPException && bad.code === 'HTTP_400', String(bad));
  // The body as it came, not as re-serialised.
  const spaced = await failure('noOkSpaced');
  assert.ok(spaced instanceof ApiInvalidJSONException);
  assert.equal(spaced.body, '{ "result": 1 }');
});

test('ok:false without a description gives an empty description', async () => {
  const error = await failure('noDescription');
  assert.ok(error instanceof ApiTelegramException, String(error));
  assert.equal(error.errorCode, 400);
  assert.equal(error.description, '');
});

test('a method Botte does not know is never repeated after a 5xx: it might not be idempotent', async () => {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: { maxRetries: 3 } });
  const level = logger.getLevel();
  logger.setLevel('silent');
  try {
    await assert.rejects(
      bot.callApi('futureMethod', { x: 1 }),
      (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 500,
    );
    assert.equal(received.futureMethod?.length, 1);
  } finally {
    logger.setLevel(level);
    await bot.closeSession();
  }
});

test('a 4xx is never repeated, even for an idempotent method: the same call would fail the same way', async () => {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: { maxRetries: 3 } });
  try {
    await assert.rejects(bot.getChat(1), (e: unknown) => e instanceof ApiTelegramException && e.errorCode === 400);
    assert.equal(received.getChat?.length, 1);
  } finally {
    await bot.closeSession();
  }
});

test("a custom request sender: a thrown error is ENETWORK, an answer without ok is invalid, ok:false is Telegram's", async () => {
  const answers: (() => unknown)[] = [
    () => {
      throw new Error('the proxy is down');
    },
    () => new CustomRequestResponse({ result: 1 }),
    () => new CustomRequestResponse({ ok: false, description: 'Forbidden: bot was kicked' }, 403),
    () => new CustomRequestResponse({ error: 'gone' }, 410),
  ];
  let next = 0;
  const bot = new ApiClient(TOKEN, {
    retry: false,
    customRequestSender: () => answers[next++]!() as CustomRequestResponse,
  });
  const thrown = await bot.getMe().catch((e: unknown) => e);
  assert.ok(thrown instanceof ApiHTTPException, String(thrown));
  assert.equal(thrown.code, 'ENETWORK');
  assert.match(thrown.message, /\(method getMe\): the proxy is down$/);
  assert.equal((thrown.cause as Error).message, 'the proxy is down', 'the original error is the cause');
  const invalid = await bot.getMe().catch((e: unknown) => e);
  assert.ok(invalid instanceof ApiInvalidJSONException, String(invalid));
  assert.equal(invalid.body, '{"result":1}');
  const kicked = await bot.getMe().catch((e: unknown) => e);
  assert.ok(kicked instanceof ApiTelegramException && kicked.errorCode === 403, String(kicked));
  const gone = await bot.getMe().catch((e: unknown) => e);
  assert.ok(gone instanceof ApiHTTPException && gone.code === 'HTTP_410' && gone.status === 410, String(gone));
});

test("a custom request sender's aborts, in each spelling, are ABORTED; a rejection with no error still gives a typed one", async () => {
  const original = Object.assign(new Error('This operation was aborted'), { code: 'ABORT_ERR' });
  const throws: unknown[] = [
    original,
    Object.assign(new Error('Request aborted'), { code: 'UND_ERR_ABORTED' }),
    Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }),
    undefined,
    'a plain string',
  ];
  let next = 0;
  const bot = new ApiClient(TOKEN, {
    retry: false,
    customRequestSender: () => Promise.reject(throws[next++]) as never,
  });
  for (let i = 0; i < 3; i++) {
    const error = await bot.getChat(1).catch((e: unknown) => e);
    assert.ok(error instanceof ApiHTTPException, String(error));
    assert.equal(error.code, 'ABORTED', `spelling ${i}`);
    assert.match(error.message, /\(method getChat\): the request was aborted$/);
    assert.equal(error.cause, throws[i]);
  }
  const nothing = await bot.getChat(1).catch((e: unknown) => e);
  assert.ok(nothing instanceof ApiHTTPException && nothing.code === 'ENETWORK', String(nothing));
  assert.match(nothing.message, /: undefined$/);
  const text = await bot.getChat(1).catch((e: unknown) => e);
  assert.ok(text instanceof ApiHTTPException && text.code === 'ENETWORK', String(text));
  assert.match(text.message, /: a plain string$/);
  assert.equal(next, 5);
});

test("a custom sender built on undici: its error codes are read like Botte's own, and failures before sending are retried", async () => {
  const undiciError = (code: string) => Object.assign(new Error(`failed with ${code}`), { code });
  // Each list: what the sender does on consecutive calls.
  const plans: Record<string, unknown[]> = {
    'connect timeout': [undiciError('UND_ERR_CONNECT_TIMEOUT'), 'ok'],
    'DNS not answering': [undiciError('EAI_AGAIN'), 'ok'],
    'host not found': [undiciError('ENOTFOUND'), 'ok'],
  };
  const level = logger.getLevel();
  logger.setLevel('silent');
  try {
    for (const [name, plan] of Object.entries(plans)) {
      let calls = 0;
      const bot = new ApiClient(TOKEN, {
        customRequestSender: () => {
          const step = plan[calls++];
          if (step !== 'ok') throw step;
          return new CustomRequestResponse({
            ok: true,
            result: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'sent' },
          });
        },
      });
      assert.equal((await bot.sendMessage(1, 'sent')).text, 'sent', name);
      assert.equal(calls, 2, `${name}: sendMessage retried once`);
    }
    const codes: Record<string, string> = {
      UND_ERR_CONNECT_TIMEOUT: 'ECONNECTTIMEOUT',
      UND_ERR_HEADERS_TIMEOUT: 'ETIMEDOUT',
      UND_ERR_BODY_TIMEOUT: 'ETIMEDOUT',
      UND_ERR_SOCKET: 'ECONNRESET',
      UND_ERR_CLOSED: 'ECONNRESET',
      EPIPE: 'EPIPE',
    };
    for (const [thrown, expected] of Object.entries(codes)) {
      const bot = new ApiClient(TOKEN, {
        retry: false,
        customRequestSender: () => {
          throw undiciError(thrown);
        },
      });
      const error = await bot.getMe().catch((e: unknown) => e);
      assert.ok(error instanceof ApiHTTPException, String(error));
      assert.equal(error.code, expected, thrown);
    }
  } finally {
    logger.setLevel(level);
  }
});

test('replyTo needs a chat id and a message id; a channel @username is a chat id', async () => {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: false });
  try {
    assert.throws(() => bot.replyTo({ chat: { id: 1001 } } as never, 'x'), NoReplyTargetError);
    assert.throws(() => bot.replyTo({ chat: { id: 1001 }, message_id: '5' } as never, 'x'), NoReplyTargetError);
    assert.throws(() => bot.replyTo({ chat: { id: null }, message_id: 5 } as never, 'x'), NoReplyTargetError);
    assert.throws(() => bot.replyTo(undefined as never, 'x'), NoReplyTargetError);
    const error = (() => {
      try {
        bot.replyTo({ message_id: 5 } as never, 'x');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof NoReplyTargetError && error instanceof TypeError, String(error));
    assert.equal(error.name, 'NoReplyTargetError');
    assert.equal(
      error.message,
      "replyTo: there is no message with a chat to reply to. A callback query from an inline message (or from the bot's own " +
        "message while setMySettings' callback_query_mode is set) has inline_message_id and no message: answer it with " +
        'answerCallbackQuery, or edit the message by inline_message_id.',
    );
    assert.equal(received.sendMessage, undefined, 'nothing was sent');
    await bot.replyTo({ chat: { id: '@somechannel' }, message_id: 5 } as never, 'hi');
    await bot.replyTo({ chat: { id: -100123 }, message_id: 6 } as never, 'hi');
    const sent = ((received.sendMessage as string[] | undefined) ?? []).map(
      (body: string) => JSON.parse(body) as Record<string, unknown>,
    );
    assert.deepEqual(
      sent.map((params) => [params.chat_id, params.reply_parameters]),
      [
        ['@somechannel', { message_id: 5 }],
        [-100123, { message_id: 6 }],
      ],
    );
  } finally {
    await bot.closeSession();
  }
});

test('replyTo answers a business message through its business connection; an empty or non-string one is not sent', async () => {
  const bot = new ApiClient(TOKEN, { apiUrl, retry: false });
  try {
    const before = ((received.sendMessage as string[] | undefined) ?? []).length;
    await bot.replyTo({ chat: { id: 7 }, message_id: 1, business_connection_id: 'bc-1' } as never, 'hi');
    await bot.replyTo({ chat: { id: 7 }, message_id: 2, business_connection_id: '' } as never, 'hi');
    await bot.replyTo({ chat: { id: 7 }, message_id: 3, business_connection_id: 42 } as never, 'hi');
    await bot.replyTo({ chat: { id: 7 }, message_id: 4, business_connection_id: 'bc-1' } as never, 'hi', {
      business_connection_id: 'bc-2',
    });
    const sent = ((received.sendMessage as string[] | undefined) ?? [])
      .slice(before)
      .map((body: string) => JSON.parse(body) as Record<string, unknown>);
    assert.deepEqual(
      sent.map((params) => [
        (params.reply_parameters as { message_id: number }).message_id,
        params.business_connection_id,
      ]),
      [
        [1, 'bc-1'],
        [2, undefined],
        [3, undefined],
        [4, 'bc-2'],
      ],
    );
  } finally {
    await bot.closeSession();
  }
});

test('ok:false without error_code takes the HTTP status as errorCode', async () => {
  const error = await failure('okFalseNoCode');
  assert.ok(error instanceof ApiTelegramException, String(error));
  assert.equal(error.errorCode, 403);
  assert.equal(error.status, 403);
  assert.equal(error.description, 'Forbidden: bot was blocked by the user');
  assert.equal(
    error.message,
    'A request to the Telegram API was unsuccessful. Error code: 403. Description: Forbidden: bot was blocked by the user (method okFalseNoCode)',
  );
  assert.equal('cause' in error, false, 'no cause when there is none');
});

test('a connection closed in the middle of the answer is ECONNRESET; a stalled answer is ETIMEDOUT', async () => {
  const cut = await failure('cutMidBody');
  assert.ok(cut instanceof ApiHTTPException, String(cut));
  assert.equal(cut.code, 'ECONNRESET');
  const stalled = await failure('stallMidBody', { timeout: 0.5 });
  assert.ok(stalled instanceof ApiHTTPException, String(stalled));
  assert.equal(stalled.code, 'ETIMEDOUT');
});

test('a host that does not exist is retried even for sendMessage (nothing was sent), then fails with its code', async () => {
  // `.invalid` never resolves (RFC 2606): the lookup fails before any byte leaves.
  const bot = new ApiClient(TOKEN, { apiUrl: 'http://botte-test.invalid/bot{0}/{1}', retry: { maxRetries: 1 } });
  const warnings: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => warnings.push(record.message));
  try {
    const error = await bot.sendMessage(1, 'hi').catch((e: unknown) => e);
    assert.ok(error instanceof ApiException, String(error));
    assert.ok(
      error instanceof ApiHTTPException && ['ENOTFOUND', 'EAI_AGAIN'].includes(error.code),
      String((error as ApiHTTPException).code),
    );
    assert.equal(
      warnings.filter((line) => /^sendMessage failed .*retrying/.test(line)).length,
      1,
      JSON.stringify(warnings),
    );
  } finally {
    logger.setLevel(level).setOutput(null);
    await bot.closeSession();
  }
});
