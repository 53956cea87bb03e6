// The runtime-portable test set: run by scripts/test-runtimes.mjs with real Node, Bun and Deno
// binaries, importing `botte` as users do (the built package, through node_modules). Plain
// JavaScript and a tiny runner, so every runtime runs the very same file without a test framework.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import {
  Botte,
  AsyncBotte,
  InputFile,
  ApiTelegramException,
  ApiHTTPException,
  StateFileStorage,
  webhookHandler,
} from 'botte';
import { BotApiEmulator, attachedFile } from 'botte/testing';

const runtime =
  typeof globalThis.Bun !== 'undefined'
    ? `bun ${globalThis.Bun.version}`
    : typeof globalThis.Deno !== 'undefined'
      ? `deno ${globalThis.Deno.version.deno}`
      : `node ${process.version}`;

const results = [];

/** Runs one scenario with a deadline, so that a hang fails clearly instead of stalling CI. */
async function scenario(name, body, deadlineMs = 20_000) {
  let timer;
  const started = Date.now();
  try {
    await Promise.race([
      body(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result within ${deadlineMs} ms`)), deadlineMs);
      }),
    ]);
    results.push({ name, ok: true, ms: Date.now() - started });
  } catch (error) {
    results.push({ name, ok: false, error });
  } finally {
    clearTimeout(timer);
  }
}

function echoBot(bot) {
  bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Howdy, how are you doing?'));
  bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, message.text));
  return bot;
}

await scenario('echo bot over polling, graceful stopBot', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const bot = echoBot(new Botte(emu.token, { apiUrl: emu.apiUrl }));
    const running = bot.runthebot({ longPollingTimeout: 5 });
    emu.pushMessage('/start', { chatId: 10, userId: 10 });
    assert.equal((await emu.waitForCall('sendMessage')).params.text, 'Howdy, how are you doing?');
    const since = emu.calls.length;
    const pushed = emu.pushMessage('Hello Botte!', { chatId: 10, userId: 10 });
    const echoed = await emu.waitForCall('sendMessage', undefined, { since });
    assert.equal(echoed.params.text, 'Hello Botte!');
    assert.deepEqual(echoed.params.reply_parameters, { message_id: pushed.message.message_id });
    // The long poll in flight is cut, not waited out; the offset is confirmed before the end.
    await bot.stopBot();
    await running;
    assert.equal(emu.confirmedOffset, pushed.update_id + 1);
  } finally {
    await emu.stop();
  }
});

await scenario('AsyncBotte polling and stopPolling', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ func: () => true }, async (message) => {
      await bot.replyTo(message, message.text);
    });
    const running = bot.polling({ longPollingTimeout: 5 });
    emu.pushMessage('ping');
    await emu.waitForCall('sendMessage', (call) => call.params.text === 'ping');
    await bot.stopPolling();
    await running;
    await bot.stopBot();
  } finally {
    await emu.stop();
  }
});

await scenario('webhookHandler: secret token, replyInResponse, a call to Telegram', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ commands: ['start'] }, (message) => bot.sendMessage(message.chat.id, 'in the response'));
    bot.handleMsg({ func: () => true }, async (message) => {
      await bot.sendMessage(message.chat.id, 'first, in the response');
      await bot.sendMessage(message.chat.id, `then over HTTP: ${message.text}`);
    });
    const handle = webhookHandler(bot, { secretToken: 's3cret', replyInResponse: true });
    const served = await serve(handle);
    try {
      const update = (text, id) => ({
        update_id: id,
        message: {
          message_id: id,
          date: 1,
          chat: { id: 7, type: 'private' },
          from: { id: 7, is_bot: false, first_name: 'U' },
          text,
        },
      });
      const post = (body, secret) =>
        fetch(served.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
          },
          body: JSON.stringify(body),
        });
      const denied = await post(update('hi', 1), 'wrong');
      assert.equal(denied.status, 401);
      await denied.text();

      const start = await post(update('/start', 2), 's3cret');
      assert.equal(start.status, 200);
      assert.deepEqual(await start.json(), { method: 'sendMessage', chat_id: 7, text: 'in the response' });

      const hello = await post(update('hello', 3), 's3cret');
      assert.equal(hello.status, 200);
      assert.equal((await hello.json()).text, 'first, in the response');
      assert.equal((await emu.waitForCall('sendMessage')).params.text, 'then over HTTP: hello');
    } finally {
      await served.close();
      await bot.stopBot();
    }
  } finally {
    await emu.stop();
  }
});

await scenario('bot.runWebhooks serves updates', async () => {
  const emu = await BotApiEmulator.start();
  try {
    const bot = echoBot(new Botte(emu.token, { apiUrl: emu.apiUrl }));
    const server = await bot.runWebhooks({ port: 0, urlPath: '/hook', secretToken: 'abc' });
    const answer = await fetch(`http://127.0.0.1:${server.port}/hook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'abc' },
      body: JSON.stringify({
        update_id: 5,
        message: { message_id: 5, date: 1, chat: { id: 3, type: 'private' }, text: 'via runWebhooks' },
      }),
    });
    assert.equal(answer.status, 200);
    await answer.text();
    assert.equal((await emu.waitForCall('sendMessage')).params.text, 'via runWebhooks');
    await bot.stopBot();
  } finally {
    await emu.stop();
  }
});

await scenario('upload from bytes and from a path, download', async () => {
  const emu = await BotApiEmulator.start();
  const dir = await mkdtemp(join(tmpdir(), 'botte-rt-'));
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  try {
    const bytes = new Uint8Array(200_000).map((_, i) => i % 256);
    const sent = await bot.sendDocument(1, new InputFile(bytes, 'data.bin'), { caption: 'bytes' });
    assert.equal(sent.caption, 'bytes');
    const upload = emu.callsOf('sendDocument')[0];
    assert.equal(attachedFile(upload, 'document').size, 200_000);
    assert.equal(attachedFile(upload, 'document').filename, 'data.bin');

    // A Web stream of unknown length, 3 MB in 64 KB chunks: sent as a request body stream on
    // Node, Bun and Deno; the emulator's SHA-256 proves every byte arrived in order.
    const chunk = (i) => new Uint8Array(64 * 1024).fill(i % 256);
    const hash = createHash('sha256');
    for (let i = 0; i < 48; i++) hash.update(chunk(i));
    let next = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (next === 48) controller.close();
        else controller.enqueue(chunk(next++));
      },
    });
    await bot.sendDocument(1, new InputFile(stream, 'stream.bin'));
    const streamed = attachedFile(emu.callsOf('sendDocument').at(-1), 'document');
    assert.equal(streamed.size, 48 * 64 * 1024);
    assert.equal(streamed.sha256, hash.digest('hex'));

    const path = join(dir, 'report.txt');
    await writeFile(path, 'a file on disk');
    await bot.sendDocument(1, new InputFile(path));
    const fromPath = attachedFile(emu.callsOf('sendDocument').at(-1), 'document');
    assert.equal(fromPath.filename, 'report.txt');
    assert.equal(fromPath.size, 'a file on disk'.length);

    // Which HTTP layer the automatic choice took here (undici on Node, fetch on Bun and Deno).
    results.transport = bot.transport?.kind;
    const stored = emu.addFile('downloaded on ' + runtime, { filePath: 'documents/x.txt' });
    const file = await bot.getFile(stored.file_id);
    const downloaded = await bot.downloadFile(file.file_path);
    assert.equal(new TextDecoder().decode(downloaded), 'downloaded on ' + runtime);
  } finally {
    await bot.stopBot();
    await rm(dir, { recursive: true, force: true });
    await emu.stop();
  }
});

await scenario('StateFileStorage writes its file (node:fs taken at use)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'botte-rt-states-'));
  try {
    const file = join(dir, 'states.json');
    const first = new StateFileStorage(file);
    await first.setState({ chatId: 1, userId: 2 }, 'asking_name');
    await first.setData({ chatId: 1, userId: 2 }, { name: runtime });
    await first.flush();
    const { readFile } = await import('node:fs/promises');
    assert.match(await readFile(file, 'utf8'), /asking_name/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

await scenario('errors: from Telegram, from the network, without the token', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: false });
  try {
    await assert.rejects(bot.sendMessage(1, ''), (error) => {
      assert.ok(error instanceof ApiTelegramException);
      assert.equal(error.errorCode, 400);
      assert.match(error.description, /message text is empty/);
      return true;
    });
    const secret = emu.token.split(':')[1];
    const gone = new Botte(emu.token, { apiUrl: `http://127.0.0.1:${await closedPort()}/bot{0}/{1}`, retry: false });
    await assert.rejects(gone.getMe(), (error) => {
      assert.ok(error instanceof ApiHTTPException, `an ApiHTTPException, got ${error?.name}: ${error?.message}`);
      assert.equal(error.code, 'ECONNREFUSED', `code ${error.code}: ${error.message}`);
      assert.ok(!`${error.message}\n${error.stack}`.includes(secret), 'the token is redacted');
      return true;
    });
    await gone.closeSession();
  } finally {
    await bot.stopBot();
    await emu.stop();
  }
});

await scenario('calls through an HTTP proxy (undici ProxyAgent, Bun fetch proxy, Deno createHttpClient)', async () => {
  const emu = await BotApiEmulator.start();
  const proxy = await startProxy();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, proxy: proxy.url, retry: false });
  try {
    assert.equal((await bot.getMe()).username, 'botte_test_bot');
    await bot.sendMessage(1, 'through the proxy');
    assert.ok(proxy.hits >= 1, 'the requests went through the proxy');
    assert.equal(emu.callsOf('sendMessage')[0].params.text, 'through the proxy');
  } finally {
    await bot.stopBot();
    await proxy.close();
    await emu.stop();
  }
});

/**
 * A minimal forward proxy: absolute-form requests (what Bun and Deno send for http:// targets)
 * and CONNECT tunnels (what undici's ProxyAgent sends), counting both.
 */
async function startProxy() {
  const http = await import('node:http');
  const net = await import('node:net');
  const state = { hits: 0 };
  const sockets = new Set();
  const server = http.createServer((req, res) => {
    state.hits++;
    const target = new URL(req.url);
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, client, head) => {
    state.hits++;
    const [host, port] = req.url.split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(client).add(upstream);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  server.on('connection', (socket) => sockets.add(socket));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get hits() {
      return state.hits;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A local port nothing listens on (fetch refuses some ports outright, e.g. Deno port 1). */
async function closedPort() {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Serves a fetch handler with the runtime's own server (Bun.serve, Deno.serve), or node:http on Node. */
async function serve(handle) {
  if (typeof globalThis.Bun !== 'undefined') {
    const server = globalThis.Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: handle });
    return { url: `http://127.0.0.1:${server.port}/`, close: () => server.stop(true) };
  }
  if (typeof globalThis.Deno !== 'undefined') {
    const ready = Promise.withResolvers();
    const server = globalThis.Deno.serve({ port: 0, hostname: '127.0.0.1', onListen: ready.resolve }, handle);
    const { port } = await ready.promise;
    return { url: `http://127.0.0.1:${port}/`, close: () => server.shutdown() };
  }
  // Node has no Request-based server: a small bridge, as Hono's node-server or similar would do.
  const { createServer } = await import('node:http');
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const response = await handle(
      new Request(`http://127.0.0.1${req.url}`, {
        method: req.method,
        headers: req.headers,
        body: Buffer.concat(chunks),
      }),
    );
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// The fetch transport's edges (Bun and Deno paths), in their own file.
await (await import('./fetch-edges.mjs')).fetchEdgeScenarios(scenario);

let failed = 0;
for (const result of results) {
  if (result.ok) console.log(`  ok   ${result.name} (${result.ms} ms)`);
  else {
    failed++;
    console.log(
      `  FAIL ${result.name}\n       ${String(result.error?.stack ?? result.error)
        .split('\n')
        .join('\n       ')}`,
    );
  }
}
console.log(`${runtime} (transport ${results.transport}): ${results.length - failed} passed, ${failed} failed`);
// Explicit exit: a leaked handle must not keep a CI job alive (and the code carries the verdict).
process.exit(failed === 0 ? 0 : 1);
