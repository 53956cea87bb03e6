// The examples of examples/ about running a bot (webhooks for node:http, Express, Fastify and
// Hono; AsyncBotte; timers; error handling; a local Bot API server; a proxy) and the calendar,
// each run against the emulator (see test/example-harness.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import type { Botte } from '../src/index.js';
import { TelegramError } from '../src/testing/index.js';
import { startExample } from './example-harness.js';
import * as nodeHttp from '../examples/webhook-node-http.js';
import * as expressExample from '../examples/webhook-express.js';
import * as fastifyExample from '../examples/webhook-fastify.js';
import * as honoExample from '../examples/webhook-hono.js';
import * as asyncExample from '../examples/async-bot.js';
import * as reminder from '../examples/reminder-bot.js';
import * as errors from '../examples/error-handler-bot.js';
import * as localServer from '../examples/local-api-server-bot.js';
import * as proxy from '../examples/proxy-bot.js';
import * as calendar from '../examples/calendar-bot.js';

const SECRET = 'example-secret-123';
const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1,
    chat: { id: 1001, type: 'private', first_name: 'Ada' },
    from: { id: 1001, is_bot: false, first_name: 'Ada' },
    text,
    entities: [{ type: 'bot_command', offset: 0, length: text.length }],
  },
});
const post = (url: string, body: unknown, secret?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: JSON.stringify(body),
  });
async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const webhookCases: Array<{
  name: string;
  create: (token: string, options: object) => Botte;
  serve(bot: Botte): Promise<{ url: string; close(): Promise<void> }>;
  greeting: string;
}> = [
  {
    name: 'webhook-node-http',
    create: nodeHttp.createBot,
    greeting: 'Hello from a node:http webhook!',
    async serve(bot) {
      const server = nodeHttp.createWebhookServer(bot, SECRET);
      const url = await listen(server);
      assert.equal(await (await fetch(`${url}/healthz`)).text(), 'ok');
      return { url: `${url}/telegram`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    },
  },
  {
    name: 'webhook-express',
    create: expressExample.createBot,
    greeting: 'Hello from an Express webhook!',
    async serve(bot) {
      const server = createServer(expressExample.createApp(bot, SECRET));
      const url = await listen(server);
      return { url: `${url}/telegram`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    },
  },
  {
    name: 'webhook-fastify',
    create: fastifyExample.createBot,
    greeting: 'Hello from a Fastify webhook!',
    async serve(bot) {
      const app = fastifyExample.createApp(bot, SECRET);
      await app.listen({ port: 0, host: '127.0.0.1' });
      return {
        url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/telegram`,
        close: () => app.close(),
      };
    },
  },
  {
    name: 'webhook-hono',
    create: honoExample.createBot,
    greeting: 'Hello from a Hono webhook!',
    async serve(bot) {
      const server = createServer(honoExample.toNodeListener(honoExample.createApp(bot, SECRET).fetch));
      const url = await listen(server);
      assert.equal(await (await fetch(url)).text(), 'The bot is running.');
      return { url: `${url}/telegram`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
    },
  },
];

for (const example of webhookCases) {
  test(`${example.name}: answers 200 after handling an update, 401 without the secret token`, async () => {
    const run = await startExample(example.create, { poll: false });
    const server = await example.serve(run.bot);
    try {
      const since = run.emu.calls.length;
      const response = await post(server.url, update(1, '/start'), SECRET);
      assert.equal(response.status, 200);
      await response.arrayBuffer();
      // The answer came after the handler finished, so its call is already recorded.
      const calls = run.callsSince(since);
      assert.deepEqual(
        calls.map((c) => [c.method, c.params.text]),
        [['sendMessage', example.greeting]],
      );
      const refused = await post(server.url, update(2, '/start'), 'wrong');
      assert.equal(refused.status, 401);
      await refused.arrayBuffer();
      assert.equal(run.callsSince(since).length, 1);
    } finally {
      await server.close();
      await run.stop();
    }
  });
}

test('async-bot: AsyncBotte handles /weather with concurrent awaits', async () => {
  const run = await startExample((token, options) => asyncExample.createBot(token, options, 5));
  try {
    assert.equal((await run.say('/start')).params.text, 'Send /weather <city>.');
    const since = run.emu.calls.length;
    assert.equal((await run.say('/weather Oslo')).params.text, 'Oslo: 19 °C, sunny.');
    assert.deepEqual(
      run.callsSince(since).map((c) => c.method),
      ['sendChatAction', 'sendMessage'],
    );
  } finally {
    await run.stop();
  }
});

test('reminder-bot: reminds after the delay, lists and cancels pending reminders', async () => {
  const run = await startExample((token, options) => reminder.createBot(token, options, 10));
  try {
    assert.equal((await run.say('/remind 2 tea')).params.text, 'Okay, I will remind you in 2 s.');
    const reminded = await run.emu.waitForCall('sendMessage', (c) => c.params.text === '⏰ tea', { timeoutMs: 5000 });
    assert.equal(reminded.params.chat_id, 1001);
    assert.equal((await run.say('/remind')).params.text, 'Usage: /remind <seconds> <text>, e.g. /remind 60 tea');
    await run.say('/remind 100000 never');
    assert.match(String((await run.say('/reminders')).params.text), /^• never \(in \d+ s\)$/);
    assert.equal((await run.say('/cancel')).params.text, 'Cancelled 1 reminder(s).');
    assert.equal((await run.say('/reminders')).params.text, 'Nothing pending.');
  } finally {
    await run.stop();
  }
});

test('error-handler-bot: exceptionHandler apologises and tells the admin; API errors are typed', async () => {
  const run = await startExample((token, options) => errors.createBot(token, options, 4242));
  try {
    const since = run.emu.calls.length;
    run.emu.pushMessage('/boom');
    await run.emu.waitForCall('sendMessage', (c) => c.params.chat_id === 4242, { since, timeoutMs: 5000 });
    assert.deepEqual(
      run.callsSince(since).map((c) => [c.params.chat_id, c.params.text]),
      [
        [1001, 'Sorry, something went wrong. The admin was told.'],
        [4242, '⚠️ /boom in chat 1001'],
      ],
    );
    // Telegram refuses chats the bot can't write to; the emulator is told to do the same.
    run.emu.onMethod('sendMessage', (params, _call, fallback) => {
      if (params.chat_id === '999999' || params.chat_id === 999999)
        throw new TelegramError(400, 'Bad Request: chat not found');
      return fallback();
    });
    const toUser = (c: { params: Record<string, unknown> }) => c.params.chat_id === 1001;
    const failed = await run.expect('sendMessage', () => run.emu.pushMessage('/send 999999 hi'), toUser);
    assert.match(String(failed.params.text), /^Telegram said 400: Bad Request: chat not found/);
    assert.equal(
      (await run.expect('sendMessage', () => run.emu.pushMessage('/send 4242 hi'), toUser)).params.text,
      'Sent.',
    );
  } finally {
    await run.stop();
  }
});

test('local-api-server-bot: apiUrl/fileUrl from a base URL; files downloaded or read from the server disk', async () => {
  assert.deepEqual(localServer.localServerOptions('http://localhost:8081/'), {
    apiUrl: 'http://localhost:8081/bot{0}/{1}',
    fileUrl: 'http://localhost:8081/file/bot{0}/{1}',
  });
  // The emulator plays the local server: the bot gets only what localServerOptions builds from its base URL.
  const run = await startExample((token, options) =>
    localServer.createBot(token, localServer.localServerOptions(options.apiUrl!.replace('/bot{0}/{1}', ''))),
  );
  const dir = mkdtempSync(join(tmpdir(), 'botte-local-'));
  try {
    const stored = run.emu.addFile(Buffer.alloc(3000, 1), { fileName: 'big.bin' });
    const document = { file_id: stored.file_id, file_unique_id: stored.file_unique_id };
    assert.equal((await run.say(undefined, { extra: { document } })).params.text, 'Got 3000 bytes.');
    // In --local mode, getFile answers an absolute path on the server's disk.
    const onDisk = join(dir, 'document.bin');
    writeFileSync(onDisk, Buffer.alloc(1234, 2));
    run.emu.onMethod('getFile', (_params, _call, fallback) =>
      Promise.resolve(fallback()).then((file) => ({ ...(file as object), file_path: onDisk })),
    );
    assert.equal((await run.say(undefined, { extra: { document } })).params.text, 'Got 1234 bytes.');
  } finally {
    await run.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A minimal HTTP proxy that tunnels CONNECT requests and remembers their targets. */
async function startProxy(): Promise<{ url: string; targets: string[]; close(): Promise<void> }> {
  const targets: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer();
  server.on('connect', (req, client: Socket, head: Buffer) => {
    targets.push(req.url!);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client).on('error', () => undefined);
      client.pipe(upstream).on('error', () => undefined);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
    }
  });
  const url = await listen(server);
  return {
    url,
    targets,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

test('proxy-bot: every call goes through the proxy from PROXY_URL', async () => {
  const tunnel = await startProxy();
  try {
    assert.equal(proxy.proxyFromEnv({}), undefined);
    const setting = proxy.proxyFromEnv({ PROXY_URL: tunnel.url });
    const run = await startExample((token, options) => proxy.createBot(token, { ...options, proxy: setting }));
    try {
      assert.equal((await run.say('/start')).params.text, 'This answer travelled through the proxy.');
      assert.ok(tunnel.targets.length >= 1);
      assert.ok(tunnel.targets.every((target) => target === new URL(run.emu.url).host));
    } finally {
      await run.stop();
    }
  } finally {
    await tunnel.close();
  }
});

test('calendar-bot: month grid, navigation edits the keyboard, a day edits the text', async () => {
  const run = await startExample((token, options) =>
    calendar.createBot(token, options, () => new Date(Date.UTC(2026, 11, 5))),
  );
  try {
    const shown = await run.say('/date');
    const rows = (
      shown.params.reply_markup as { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> }
    ).inline_keyboard;
    assert.equal(rows[0]![0]!.text, 'December 2026');
    assert.deepEqual(
      rows[2]!.map((b) => b.text),
      [' ', '1', '2', '3', '4', '5', '6'],
      'December 2026 starts on a Tuesday',
    );
    assert.deepEqual(
      rows.at(-1)!.map((b) => b.callback_data),
      ['cal:2026-11', 'cal:2027-01'],
    );
    const messageId = (shown.response!.result as { message_id: number }).message_id;
    const next = await run.expect('editMessageReplyMarkup', () =>
      run.emu.pushCallbackQuery('cal:2027-01', { message: messageId }),
    );
    assert.equal(
      (
        next.params.reply_markup as typeof shown.params.reply_markup & {
          inline_keyboard: Array<Array<{ text: string }>>;
        }
      ).inline_keyboard[0]![0]!.text,
      'January 2027',
    );
    const picked = await run.expect('editMessageText', () =>
      run.emu.pushCallbackQuery('day:2027-01-15', { message: messageId }),
    );
    assert.equal(picked.params.text, 'You picked 2027-01-15.');
    const answer = await run.emu.waitForCall('answerCallbackQuery', (c) => c.params.text === 'Saved 2027-01-15', {
      timeoutMs: 5000,
    });
    assert.ok(answer);
  } finally {
    await run.stop();
  }
});
