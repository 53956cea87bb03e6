// startWebhookServer (what bot.runWebhooks() runs) is public and takes any bot with `token`,
// `processNewUpdates` and `setWebhook`: such a bot gets exactly the setWebhook options that were
// given, nothing more; the certificate goes up as `certificate.pem`, and one given as a Buffer is
// its bytes (never a file name); a certificateKey without a certificate does not turn HTTPS on.
// Real servers and sockets; a real Botte on the emulator for the upload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Botte } from '../src/runner/botte.js';
import { startWebhookServer } from '../src/webhook/index.js';
import { InputFile } from '../src/types/input-file.js';
import { useEmulator } from './emulator-harness.js';
import type { Update } from '../src/api/generated/telegram-types.js';

const KEY = readFileSync(fileURLToPath(new URL('./fixtures/webhook-tls-key.pem', import.meta.url)), 'utf8');
const CERT = readFileSync(fileURLToPath(new URL('./fixtures/webhook-tls-cert.pem', import.meta.url)), 'utf8');

/** A bot of the user's own making: records setWebhook calls and the updates it handles. */
function ownBot() {
  const calls: Array<{ url: string; options: Record<string, unknown> | undefined }> = [];
  const handled: number[] = [];
  return {
    calls,
    handled,
    bot: {
      token: '123:own-bot',
      processNewUpdates: (updates: Update[]) => {
        for (const update of updates) handled.push(update.update_id);
      },
      setWebhook: async (url: string, options?: Record<string, unknown>) => {
        calls.push({ url, options });
        return true;
      },
    },
  };
}

const emu = await useEmulator({ silent: true }); // the webhook servers log a line each

test("a bot of one's own gets exactly the setWebhook options given, and only those", async () => {
  const bare = ownBot();
  const first = await startWebhookServer(bare.bot, { port: 0, url: 'https://example.com/bare' });
  await first.close();
  assert.deepEqual(bare.calls[0]!.url, 'https://example.com/bare');
  assert.deepEqual(Object.keys(bare.calls[0]!.options ?? {}), ['secret_token'], 'no option given, none passed');

  const full = ownBot();
  const second = await startWebhookServer(full.bot, {
    port: 0,
    url: 'https://example.com/full',
    secretToken: 'given',
    dropPendingUpdates: true,
    allowedUpdates: ['message'],
    maxConnections: 3,
    ipAddress: '203.0.113.9',
  });
  await second.close();
  assert.deepEqual(full.calls[0]!.options, {
    secret_token: 'given',
    drop_pending_updates: true,
    allowed_updates: ['message'],
    max_connections: 3,
    ip_address: '203.0.113.9',
  });
});

test('the certificate is uploaded as certificate.pem; one given as a Buffer is its bytes, not a file name', async () => {
  const bytes = Buffer.from('bytes of a certificate made elsewhere');
  const own = ownBot();
  const server = await startWebhookServer(own.bot, { port: 0, url: 'https://example.com/cert', certificate: bytes });
  await server.close();
  const given = own.calls[0]!.options?.certificate;
  assert.ok(given instanceof InputFile);
  assert.equal(given.filename, 'certificate.pem');

  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await bot.runWebhooks({ port: 0, url: 'https://example.com/cert', certificate: bytes });
    const upload = emu.callsOf('setWebhook')[0]!.files.certificate;
    assert.equal(upload?.filename, 'certificate.pem');
    assert.deepEqual(upload?.data, bytes);
  } finally {
    await bot.stopBot();
  }
});

test('a certificateKey without a certificate does not turn HTTPS on: the server speaks plain HTTP', async () => {
  const own = ownBot();
  const server = await startWebhookServer(own.bot, { port: 0, urlPath: '/key-only', certificateKey: KEY });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/key-only$/);
    const answer = await fetch(server.url, { method: 'POST', body: JSON.stringify({ update_id: 41 }) });
    assert.equal(answer.status, 200);
    assert.deepEqual(own.handled, [41]);
  } finally {
    await server.close();
  }
  // Both given: HTTPS (the full handshake is tested in test/webhook-server-options.test.ts).
  const tls = await startWebhookServer(own.bot, { port: 0, urlPath: '/both', certificate: CERT, certificateKey: KEY });
  await tls.close();
  assert.match(tls.url, /^https:\/\//);
});
