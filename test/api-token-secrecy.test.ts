import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { Botte, InputFile, logger, type BotteOptions } from '../src/index.js';
import type { LogRecord } from '../src/logger.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';
import { redactError } from '../src/util/redact.js';
import { sleep } from './helpers.js';

// A token of the real shape: the secret is 35 characters, as @BotFather gives them.
const BOT_ID = '987654321';
const SECRET = 'AAHx9-Secret_Q7wErTyUiOpAsDfGhJkLz0';
const TOKEN = `${BOT_ID}:${SECRET}`;

/** Every way the token (or a piece of it that says too much) could show. */
function leaks(text: string): string | undefined {
  if (text.includes(TOKEN)) return 'the whole token';
  if (/%3a/i.test(text) && text.toLowerCase().includes(encodeURIComponent(TOKEN).toLowerCase()))
    return 'the URL-encoded token';
  // Any 8 characters in a row of the secret: enough to say the secret was not hidden.
  for (let i = 0; i + 8 <= SECRET.length; i++) {
    const piece = SECRET.slice(i, i + 8);
    if (text.includes(piece)) return `a piece of the secret (${piece})`;
  }
  return undefined;
}

function safeJson(value: unknown): string {
  const seen = new WeakSet<object>();
  return (
    JSON.stringify(value, (_key, field: unknown) => {
      if (field !== null && typeof field === 'object') {
        if (seen.has(field)) return '[circular]';
        seen.add(field);
      }
      return typeof field === 'bigint' ? String(field) : field;
    }) ?? String(value)
  );
}

/** Every view of an error a user or a log pipeline could see: message, stack, cause chain, inspect(showHidden), JSON, the logger at debug. */
function views(error: unknown): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 8; depth++) {
    const where = depth === 0 ? 'error' : `cause#${depth}`;
    if (current instanceof Error) {
      out.push([`${where}.message`, current.message], [`${where}.stack`, String(current.stack)]);
    }
    out.push([`${where} inspect(showHidden)`, inspect(current, { showHidden: true, depth: Infinity })]);
    out.push([`${where} JSON`, safeJson(current)]);
    out.push([`${where} String()`, String(current)]);
    current = (current as { cause?: unknown }).cause;
  }
  const records: LogRecord[] = [];
  const level = logger.getLevel();
  logger.setOutput((record) => records.push(record)).setLevel('debug');
  try {
    logger.debug('while testing', error);
    logger.error(error);
    logger.debug('inline %O and %s', error, error);
  } finally {
    logger.setOutput(null).setLevel(level);
  }
  for (const record of records) {
    out.push(
      [`log ${record.levelName} message`, record.message],
      [`log ${record.levelName} stack`, String(record.stack)],
    );
    out.push([`log ${record.levelName} error inspect`, inspect(record.error, { showHidden: true, depth: Infinity })]);
  }
  return out;
}

/** What the raw server answers: a broken proxy, an error page echoing the path, and so on. */
type Reply = (req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let base = '';
let reply: Reply = (_req, res) => res.end('{"ok":true,"result":true}');

before(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => reply(req, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A page of `size` characters that echoes the request path at `at` (the truncation points are 200 and 500). */
function echoAt(at: number, status: number, size = 1000): Reply {
  return (req, res) => {
    const path = req.url ?? '';
    const text = 'x'.repeat(at) + path + 'y'.repeat(Math.max(0, size - at - path.length));
    res.writeHead(status, { 'content-type': 'text/html' }).end(text);
  };
}

function telegramError(status: number, description: string, extra: Record<string, unknown> = {}): Reply {
  return (_req, res) => {
    res
      .writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ ok: false, error_code: status, description, ...extra }));
  };
}

interface Case {
  name: string;
  reply?: Reply;
  options?: () => BotteOptions;
  /** What fails; the error it rejects with (or that reaches the exceptionHandler) is examined. */
  act: (bot: Botte) => Promise<unknown>;
}

const api = () => ({ apiUrl: `${base}/bot{0}/{1}`, fileUrl: `${base}/file/bot{0}/{1}`, retry: false as const });

/** Polls until the exceptionHandler got an error, then stops; returns that error. */
async function pollingError(options: BotteOptions): Promise<unknown> {
  let caught: unknown;
  const bot = new Botte(TOKEN, {
    ...options,
    exceptionHandler: (error) => {
      caught ??= error;
      return true;
    },
  });
  const running = bot.runthebot({ longPollingTimeout: 0, backoff: { initialMs: 10, maxMs: 10 } });
  const deadline = Date.now() + 10_000;
  while (caught === undefined && Date.now() < deadline) await sleep(5);
  await bot.stopBot();
  await running.catch(() => undefined);
  if (caught === undefined) assert.fail('polling reported no error within 10 s');
  throw caught;
}

const CASES: Case[] = [
  {
    name: 'malformed apiUrl (ERR_INVALID_URL carries the URL in `input`)',
    options: () => ({ apiUrl: 'http://exa mple.com/bot{0}/{1}', retry: false }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'malformed apiUrl, typed method with params',
    options: () => ({ apiUrl: 'http://exa mple.com/bot{0}/{1}', retry: false }),
    act: (bot) => bot.sendMessage(1, 'hi'),
  },
  {
    name: 'malformed fileUrl: downloadFile',
    options: () => ({ fileUrl: 'http://exa mple.com/file/bot{0}/{1}' }),
    act: (bot) => bot.downloadFile('photos/a.jpg'),
  },
  {
    name: 'apiUrl on a closed port (ECONNREFUSED)',
    options: () => ({ apiUrl: 'http://127.0.0.1:9/bot{0}/{1}', retry: false }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'fileUrl on a closed port: downloadFile',
    options: () => ({ fileUrl: 'http://127.0.0.1:9/file/bot{0}/{1}' }),
    act: (bot) => bot.downloadFile('a.txt'),
  },
  {
    name: 'unknown scheme in apiUrl',
    options: () => ({ apiUrl: 'ftp://example.com/bot{0}/{1}', retry: false }),
    act: (bot) => bot.getMe(),
  },
  ...[0, 150, 170, 185, 195, 200, 210].map(
    (at): Case => ({
      name: `HTTP 502 page echoing the path at ${at} (message cut at 200)`,
      reply: echoAt(at, 502),
      act: (bot) => bot.getMe(),
    }),
  ),
  ...[0, 470, 490, 499, 505].map(
    (at): Case => ({
      name: `invalid JSON echoing the path at ${at} (body cut at 500)`,
      reply: echoAt(at, 200),
      act: (bot) => bot.getMe(),
    }),
  ),
  {
    name: 'HTTP 404 page echoing the path: downloadFile',
    reply: echoAt(10, 404, 300),
    act: (bot) => bot.downloadFile('docs/x.pdf'),
  },
  {
    name: 'Telegram error echoing the token',
    reply: telegramError(400, `Bad Request: bot ${TOKEN} not allowed`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error echoing the token with %3a',
    reply: telegramError(400, `Bad Request: /bot${BOT_ID}%3a${SECRET}/getMe`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error echoing the token with %3A',
    reply: telegramError(400, `Bad Request: /bot${BOT_ID}%3A${SECRET}/getMe`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error echoing the token with %253A',
    reply: telegramError(400, `Bad Request: /bot${BOT_ID}%253A${SECRET}/getMe`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error echoing the secret alone',
    reply: telegramError(400, `Bad Request: secret ${SECRET} refused`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error cut mid-token',
    reply: telegramError(400, `Bad Request: /bot${TOKEN.slice(0, 25)}`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error with the secret cut at its start',
    reply: telegramError(400, `Bad Request: ...${SECRET.slice(12)} refused`),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'Telegram error echoing the token in parameters',
    reply: telegramError(400, 'Bad Request', { parameters: { echo: TOKEN } }),
    act: (bot) => bot.getMe(),
  },
  {
    name: '429 echoing the token',
    reply: telegramError(429, `Too Many Requests: ${TOKEN}`, { parameters: { retry_after: 1 } }),
    act: (bot) => bot.getMe(),
  },
  { name: 'connection reset mid-answer', reply: (_req, res) => res.socket?.destroy(), act: (bot) => bot.getMe() },
  {
    name: 'read timeout',
    options: () => ({ ...api(), readTimeout: 0.2 }),
    reply: () => undefined,
    act: (bot) => bot.getMe(),
  },
  {
    name: 'aborted call',
    reply: () => undefined,
    act: (bot) => {
      const c = new AbortController();
      setTimeout(() => c.abort(new Error(`stop ${TOKEN}`)), 50);
      return bot.callApi('getMe', {}, { signal: c.signal });
    },
  },
  { name: 'missing file to upload', act: (bot) => bot.sendDocument(1, new InputFile(`/nonexistent/${TOKEN}.pdf`)) },
  {
    name: 'custom sender throwing with the URL',
    options: () => ({
      customRequestSender: (_m, url) => {
        throw new Error(`cannot reach ${url}`);
      },
    }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'custom sender rejecting with a cause holding the URL',
    options: () => ({
      customRequestSender: async (_m, url) => {
        throw new Error('failed', { cause: { url, nested: [{ url: encodeURIComponent(url) }] } });
      },
    }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'custom sender throwing a plain object',
    options: () => ({
      customRequestSender: (_m, url) => {
        throw Object.assign(Object.create(null), { url }) as never;
      },
    }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'custom sender answering invalid JSON echoing the URL',
    options: () => ({ customRequestSender: (_m, url) => new CustomRequestResponse(`<html>${url}</html>`, 200) }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'custom sender answering an HTTP 500 page echoing the URL',
    options: () => ({ customRequestSender: (_m, url) => new CustomRequestResponse(`${'z'.repeat(180)}${url}`, 500) }),
    act: (bot) => bot.getMe(),
  },
  {
    name: 'polling: malformed apiUrl',
    options: () => ({ apiUrl: 'http://exa mple.com/bot{0}/{1}' }),
    act: (bot) => pollingError(bot.options),
  },
  { name: 'polling: 502 page echoing the path', reply: echoAt(190, 502), act: (bot) => pollingError(bot.options) },
  { name: 'polling: invalid JSON echoing the path', reply: echoAt(495, 200), act: (bot) => pollingError(bot.options) },
  {
    name: 'polling: a result that is not a list, echoing the token',
    reply: (_req, res) => res.end(JSON.stringify({ ok: true, result: { echo: TOKEN } })),
    act: (bot) => pollingError(bot.options),
  },
  {
    name: 'polling: 401 echoing the token ends polling',
    reply: telegramError(401, `Unauthorized: ${TOKEN}`),
    act: (bot) => bot.runthebot({ longPollingTimeout: 0 }),
  },
];

test(`the token never shows in any view of an error, over ${CASES.length} error paths`, async (t) => {
  assert.ok(CASES.length >= 30);
  const failures: string[] = [];
  for (const c of CASES) {
    reply = c.reply ?? ((_req, res) => res.end('{"ok":true,"result":true}'));
    const bot = new Botte(TOKEN, c.options ? c.options() : api());
    let error: unknown;
    try {
      await c.act(bot);
      assert.fail(`${c.name}: expected a failure`);
    } catch (caught) {
      error = caught;
    } finally {
      await bot.closeSession();
    }
    assert.ok(error !== undefined && !(error instanceof assert.AssertionError), `${c.name}: ${String(error)}`);
    for (const [view, text] of views(error)) {
      const leak = leaks(text);
      if (leak !== undefined) {
        failures.push(`${c.name}: ${leak} in ${view}:\n${text.slice(0, 600)}`);
        break;
      }
    }
  }
  t.diagnostic(`${CASES.length} error paths checked, ${failures.length} leaking`);
  assert.deepEqual(failures, [], `${failures.length} of ${CASES.length} error paths leak the token`);
});

test('printing the bot never shows the token, even with showHidden, after calls were made', async () => {
  reply = (_req, res) =>
    res.end('{"ok":true,"result":{"id":987654321,"is_bot":true,"first_name":"b","file_path":"a/b.txt"}}');
  const bot = new Botte(TOKEN, api());
  try {
    await bot.getMe();
    await bot.getFileUrl('id');
    await bot.downloadFile('a/b.txt');
    assert.equal(bot.token, TOKEN, 'the token is still readable by code');
    for (const text of [
      inspect(bot, { showHidden: true, depth: Infinity }),
      inspect(bot, { showHidden: true, depth: Infinity, getters: true }),
      safeJson(bot),
      String(bot),
    ]) {
      assert.equal(leaks(text.replace(/\btoken: \[Getter\][^\n]*/g, '')), undefined, text.slice(0, 3000));
    }
    assert.ok(!Object.keys(bot).includes('token'));
  } finally {
    await bot.closeSession();
  }
});

test('redactError walks the cause chain, non-Error causes and hidden fields', () => {
  new Botte(TOKEN); // registers the token
  const inner = Object.assign(new TypeError('Invalid URL'), { code: 'ERR_INVALID_URL' });
  Object.defineProperty(inner, 'input', {
    value: `http://x/bot${TOKEN}/getMe`,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  const middle = new Error(`request to /bot${TOKEN}/getMe failed`, { cause: inner });
  const outer = new Error('outer', { cause: { detail: `secret ${SECRET}`, middle } });
  redactError(outer);
  assert.equal(leaks(middle.message), undefined, 'second level message');
  assert.equal(leaks(String(middle.stack)), undefined, 'second level stack');
  assert.equal(leaks((inner as unknown as { input: string }).input), undefined, 'a hidden field of the third level');
  assert.equal(leaks(inspect(outer, { showHidden: true, depth: Infinity })), undefined);
  assert.match(middle.message, new RegExp(`${BOT_ID}:<redacted>`), 'the bot id stays, for logs of several bots');
});
