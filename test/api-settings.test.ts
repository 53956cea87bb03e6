// Settings (README.md, "Settings, proxies, errors, logging"): API_URL / FILE_URL, CUSTOM_REQUEST_SENDER, proxies, per-instance twins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { once } from 'node:events';
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import { apihelper } from '../src/api/settings.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';

const emu = await BotApiEmulator.start();
after(() => emu.stop());

test('apihelper.API_URL and FILE_URL are used by every bot; the constructor twin wins', async () => {
  const saved = { api: apihelper.API_URL, file: apihelper.FILE_URL };
  try {
    apihelper.API_URL = emu.apiUrl;
    apihelper.FILE_URL = emu.fileUrl;
    const bot = new ApiClient(emu.token);
    assert.equal((await bot.getMe()).username, 'botte_test_bot');
    const stored = emu.addFile('abc', { filePath: 'photos/x.jpg' });
    assert.equal((await bot.downloadFile(stored.file_path)).toString(), 'abc');
    await bot.closeSession();

    apihelper.API_URL = 'http://127.0.0.1:9/bot{0}/{1}'; // nothing listens there
    const twin = new ApiClient(emu.token, { apiUrl: emu.apiUrl, retry: false });
    assert.equal((await twin.getMe()).id, 123456);
    await twin.closeSession();
    const global = new ApiClient(emu.token, { retry: false });
    await assert.rejects(global.getMe(), { name: 'ApiHTTPException', code: 'ECONNREFUSED' });
    await global.closeSession();
  } finally {
    apihelper.API_URL = saved.api;
    apihelper.FILE_URL = saved.file;
  }
});

test('CUSTOM_REQUEST_SENDER replaces HTTP, globally or per instance', async () => {
  const seen: { method: string; url: string; params: Record<string, unknown> }[] = [];
  apihelper.CUSTOM_REQUEST_SENDER = (method, url, { params }) => {
    seen.push({ method, url, params });
    return new CustomRequestResponse(
      '{"ok":true,"result":{"message_id": 1, "date": 1, "chat": {"id": 1, "type": "private"}, "text": "Test"}}',
    );
  };
  try {
    const bot = new ApiClient('1:ololo');
    const result = await bot.sendMessage(123, 'Test', { reply_markup: { inline_keyboard: [] } });
    assert.equal(result.message_id, 1);
    assert.equal(result.content_type, 'text');
    assert.equal(seen[0]!.method, 'post');
    assert.equal(seen[0]!.url, 'https://api.telegram.org/bot1:ololo/sendMessage');
    // Like the Python library, parameters arrive as the strings Telegram receives.
    assert.deepEqual(seen[0]!.params, { chat_id: '123', text: 'Test', reply_markup: '{"inline_keyboard":[]}' });
  } finally {
    apihelper.CUSTOM_REQUEST_SENDER = undefined;
  }
  const instance = new ApiClient('1:ololo', {
    customRequestSender: () =>
      new CustomRequestResponse(
        '{"ok":false,"error_code":403,"description":"Forbidden: bot was blocked by the user"}',
        403,
      ),
  });
  await assert.rejects(instance.sendMessage(1, 'x'), {
    name: 'ApiTelegramException',
    errorCode: 403,
    description: 'Forbidden: bot was blocked by the user',
  });
});

/** Listens on a free port of 127.0.0.1 and resolves with it; the server's close() also ends `sockets`. */
async function listenClosingSockets(server: Server | TcpServer, sockets: Set<Socket>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const close = server.close.bind(server);
  server.close = ((cb?: () => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as never;
  return (server.address() as { port: number }).port;
}

/** A minimal HTTP proxy supporting CONNECT tunnels, counting what went through it. */
async function startHttpProxy(
  auth?: string,
): Promise<{ server: Server; url: string; tunnels: string[]; rejected: number }> {
  const state = { tunnels: [] as string[], rejected: 0 };
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connect', (req, clientSocket: Socket, head) => {
    sockets.add(clientSocket);
    if (auth && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(auth).toString('base64')}`) {
      state.rejected++;
      clientSocket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    state.tunnels.push(req.url!);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  const port = await listenClosingSockets(server, sockets);
  return Object.assign(state, { server, url: `http://${auth ? `${auth}@` : ''}127.0.0.1:${port}` });
}

/** A minimal SOCKS5 proxy (no auth or username/password), counting connections. */
async function startSocks5Proxy(): Promise<{ server: TcpServer; url: string; connections: string[] }> {
  const connections: string[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    sockets.add(client);
    client.once('data', (greeting) => {
      const wantsAuth = [...greeting.subarray(2)].includes(2);
      client.write(Buffer.from([5, wantsAuth ? 2 : 0]));
      const onRequest = (request: Buffer) => {
        let host: string;
        let offset: number;
        if (request[3] === 1) {
          host = [...request.subarray(4, 8)].join('.');
          offset = 8;
        } else {
          const len = request[4]!;
          host = request.subarray(5, 5 + len).toString();
          offset = 5 + len;
        }
        const port = request.readUInt16BE(offset);
        connections.push(`${host}:${port}`);
        const upstream = connect(port, host, () => {
          client.write(Buffer.from([5, 0, 0, 1, 127, 0, 0, 1, 0, 0]));
          upstream.pipe(client);
          client.pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      };
      if (wantsAuth) {
        client.once('data', (authMessage) => {
          const userLength = authMessage[1]!;
          const user = authMessage.subarray(2, 2 + userLength).toString();
          const password = authMessage
            .subarray(3 + userLength, 3 + userLength + authMessage[2 + userLength]!)
            .toString();
          client.write(Buffer.from([1, user === 'user' && password === 'pass' ? 0 : 1]));
          client.once('data', onRequest);
        });
      } else {
        client.once('data', onRequest);
      }
    });
  });
  const port = await listenClosingSockets(server, sockets);
  return { server, url: `socks5://user:pass@127.0.0.1:${port}`, connections };
}

test('an http proxy (per instance, with credentials) carries the calls', async () => {
  const proxy = await startHttpProxy('alice:secret');
  try {
    const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: { http: proxy.url } });
    assert.equal((await bot.getMe()).username, 'botte_test_bot');
    await bot.sendMessage(1, 'through the proxy');
    assert.ok(proxy.tunnels.length >= 1);
    assert.equal(proxy.tunnels[0], new URL(emu.url).host);
    await bot.closeSession();
  } finally {
    proxy.server.close();
  }
});

test('apihelper.proxy (global, string form) and a socks5 proxy with username/password', async () => {
  const http = await startHttpProxy();
  const socks = await startSocks5Proxy();
  try {
    apihelper.proxy = http.url;
    const viaGlobal = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
    await viaGlobal.getMe();
    assert.equal(http.tunnels.length, 1);
    await viaGlobal.closeSession();
    apihelper.proxy = undefined;

    const viaSocks = new ApiClient(emu.token, { apiUrl: emu.apiUrl, proxy: { http: socks.url } });
    const message = await viaSocks.sendMessage(5, 'over socks');
    assert.equal(message.text, 'over socks');
    assert.deepEqual(socks.connections, [new URL(emu.url).host]);
    await viaSocks.closeSession();
  } finally {
    apihelper.proxy = undefined;
    http.server.close();
    socks.server.close();
  }
});
