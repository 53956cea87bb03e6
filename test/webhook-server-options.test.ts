// bot.runWebhooks() and its options, beyond the happy path of test/webhook-server.test.ts: the
// secret (none, given, generated), every setWebhook option passed on (and nothing passed that was
// not asked for), a refused setWebhook or a busy port (a rejection, no server left behind), an
// IPv6 address, HTTPS from PEM text, files or Buffers (test/fixtures/webhook-tls-*.pem: a
// self-signed certificate for 127.0.0.1), the log line, the 404 elsewhere, and a malformed
// HTTP request. Real Botte, real emulator, real sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { connect, createServer, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Botte } from '../src/runner/botte.js';
import { logger } from '../src/logger.js';
import { useEmulator } from './emulator-harness.js';

const CERT_PATH = fileURLToPath(new URL('./fixtures/webhook-tls-cert.pem', import.meta.url));
const KEY_PATH = fileURLToPath(new URL('./fixtures/webhook-tls-key.pem', import.meta.url));
const CERT = readFileSync(CERT_PATH, 'utf8');
const KEY = readFileSync(KEY_PATH, 'utf8');

const emu = await useEmulator({ silent: true }); // the webhook servers log a line each
const seen: string[] = [];
let nextId = 1;
const update = (text: string) => {
  const id = nextId++;
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: 4, type: 'private' },
      from: { id: 4, is_bot: false, first_name: 'T' },
      text,
    },
  });
};

function newBot(): Botte {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (m) => {
    seen.push(m.text!);
  });
  return bot;
}

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

test('without url and secretToken no secret is made up: requests without one are served', async () => {
  const bot = newBot();
  try {
    const server = await bot.runWebhooks({ port: 0, urlPath: '/open' });
    assert.equal(server.secretToken, undefined);
    const answer = await fetch(server.url, { method: 'POST', body: update('no-secret-needed') });
    assert.equal(answer.status, 200);
    assert.ok(seen.includes('no-secret-needed'));
  } finally {
    await bot.stopBot();
  }
});

test('a given secretToken is the one registered and checked (none is generated over it)', async () => {
  emu.reset();
  const bot = newBot();
  try {
    const server = await bot.runWebhooks({ port: 0, url: 'https://example.com/mine', secretToken: 'my-own_secret' });
    assert.equal(server.secretToken, 'my-own_secret');
    assert.equal(emu.callsOf('setWebhook')[0]!.params.secret_token, 'my-own_secret');
    const local = `http://127.0.0.1:${server.port}/mine`;
    const ok = await fetch(local, {
      method: 'POST',
      headers: { 'x-telegram-bot-api-secret-token': 'my-own_secret' },
      body: update('with-my-secret'),
    });
    assert.equal(ok.status, 200);
    assert.equal((await fetch(local, { method: 'POST', body: update('without') })).status, 401);
  } finally {
    await bot.stopBot();
  }
});

test('every setWebhook option is passed on, and none that was not given', async () => {
  emu.reset();
  const bot = newBot();
  try {
    await bot.runWebhooks({
      port: 0,
      url: 'https://example.com/all',
      dropPendingUpdates: false,
      maxConnections: 7,
      ipAddress: '203.0.113.5',
      allowedUpdates: ['message', 'callback_query'],
    });
    const all = emu.callsOf('setWebhook')[0]!;
    assert.equal(all.params.drop_pending_updates, false);
    assert.equal(all.params.max_connections, 7);
    assert.equal(all.params.ip_address, '203.0.113.5');
    assert.deepEqual(all.params.allowed_updates, ['message', 'callback_query']);
    assert.equal(all.files.certificate, undefined, 'no certificate given, none uploaded');
    await bot.stopBot();

    const bare = newBot();
    await bare.runWebhooks({ port: 0, url: 'https://example.com/bare' });
    const call = emu.callsOf('setWebhook')[1]!;
    await bare.stopBot();
    assert.deepEqual(Object.keys(call.params).sort(), ['secret_token', 'url']);
  } finally {
    await bot.stopBot();
  }
});

test('a refused setWebhook rejects runWebhooks and leaves no server listening', async () => {
  emu.reset();
  const bot = newBot();
  const port = await freePort();
  await assert.rejects(bot.runWebhooks({ port, url: 'http://example.com/not-https' }), (error: Error) => {
    assert.match(error.message, /HTTPS URL must be provided/);
    return true;
  });
  // The port is free again: the server was closed.
  const again = createServer();
  await new Promise<void>((resolve, reject) => {
    again.once('error', reject);
    again.listen(port, '127.0.0.1', resolve);
  });
  await new Promise((resolve) => again.close(resolve));
  await bot.stopBot();
});

test('a port in use rejects runWebhooks with the listen error', async () => {
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  const bot = newBot();
  try {
    await assert.rejects(bot.runWebhooks({ port: (holder.address() as AddressInfo).port }), { code: 'EADDRINUSE' });
  } finally {
    await bot.stopBot();
    await new Promise((resolve) => holder.close(resolve));
  }
});

test('listen on an IPv6 address: the URL puts it in brackets, and it serves', async () => {
  const bot = newBot();
  try {
    const server = await bot.runWebhooks({ port: 0, listen: '::1', urlPath: '/v6' });
    assert.equal(server.url, `http://[::1]:${server.port}/v6`);
    assert.equal((await fetch(server.url, { method: 'POST', body: update('over-ipv6') })).status, 200);
    assert.ok(seen.includes('over-ipv6'));
  } finally {
    await bot.stopBot();
  }
});

test('the server says where it listens (INFO log), and answers 404 in plain text elsewhere', async () => {
  const bot = newBot();
  const lines: string[] = [];
  logger.setLevel('info');
  logger.setOutput((record) => void lines.push(record.message));
  try {
    const server = await bot.runWebhooks({ port: 0, urlPath: '/logged' });
    assert.ok(lines.includes(`Webhook server listening on ${server.url}`), lines.join('\n'));
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/logged$/, 'listens on 127.0.0.1 by default');
    const other = await fetch(server.url.replace('/logged', '/elsewhere'), { method: 'POST', body: '{}' });
    assert.deepEqual(
      [other.status, other.headers.get('content-type'), await other.text()],
      [404, 'text/plain; charset=utf-8', 'Not Found'],
    );
  } finally {
    logger.setOutput(null);
    logger.setLevel('silent');
    await bot.stopBot();
  }
});

test('a malformed HTTP request gets its connection closed without an answer; the server goes on', async () => {
  const bot = newBot();
  try {
    const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
    const received = await new Promise<string>((resolve, reject) => {
      const socket = connect(server.port, '127.0.0.1');
      let data = '';
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('the malformed request was still open after 10 s'));
      }, 10_000);
      socket.on('data', (chunk) => (data += chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        resolve(data);
      });
      socket.write('THIS IS NOT HTTP\r\n\r\n');
    });
    assert.equal(received, '', 'nothing is answered to a malformed request');
    assert.equal((await fetch(server.url, { method: 'POST', body: update('after-garbage') })).status, 200);
  } finally {
    await bot.stopBot();
  }
});

/** POSTs over HTTPS, trusting only the test certificate. */
function postTls(url: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', ca: CERT, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('HTTPS from certificate and key given as PEM text, as file paths, or as Buffers', async () => {
  const forms: Array<[string, string | Buffer, string | Buffer]> = [
    ['pem', CERT, KEY],
    ['paths', CERT_PATH, KEY_PATH],
    ['buffers', Buffer.from(CERT), Buffer.from(KEY)],
  ];
  for (const [form, certificate, certificateKey] of forms) {
    const bot = newBot();
    try {
      const server = await bot.runWebhooks({ port: 0, urlPath: '/tls', certificate, certificateKey });
      assert.equal(server.url, `https://127.0.0.1:${server.port}/tls`, form);
      assert.equal(await postTls(server.url, update(`tls-${form}`)), 200, form);
      assert.ok(seen.includes(`tls-${form}`), form);
      // Plain HTTP is not spoken on it.
      await assert.rejects(fetch(server.url.replace('https:', 'http:'), { method: 'POST', body: '{}' }), form);
    } finally {
      await bot.stopBot();
    }
  }
});

test('with url and a certificate file, that certificate is uploaded to setWebhook', async () => {
  emu.reset();
  const bot = newBot();
  try {
    await bot.runWebhooks({
      port: 0,
      url: 'https://example.com/cert',
      certificate: CERT_PATH,
      certificateKey: KEY_PATH,
    });
    const call = emu.callsOf('setWebhook')[0]!;
    assert.equal(call.files.certificate?.data?.toString('utf8'), CERT);
  } finally {
    await bot.stopBot();
  }
});
