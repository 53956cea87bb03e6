// Settings (README.md, "Settings, proxies, errors, logging"): API_URL / FILE_URL, CUSTOM_REQUEST_SENDER, proxies, per-instance twins.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import { apihelper } from '../src/api/settings.js';
import { CustomRequestResponse } from '../src/util/custom-request-response.js';
import { startHttpProxy, startSocks5Proxy } from './proxy-servers.js';

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
