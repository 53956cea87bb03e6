import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { util } from '../src/index.js';

const BOT_ID = 7342037359;
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawPublic = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const now = Math.floor(Date.now() / 1000) - 10;

function signed(fields: Record<string, string>, botId = BOT_ID): string {
  const text = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const signature = sign(null, Buffer.from(`${botId}:WebAppData\n${text}`), privateKey).toString('base64url');
  // A real init data string also carries the token-based hash, which third parties ignore.
  return new URLSearchParams({ ...fields, signature, hash: 'ab'.repeat(32) }).toString();
}

const user = { id: 279058397, first_name: 'Vlad', username: 'vdkfrost', language_code: 'ru' };
const fields = {
  query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
  user: JSON.stringify(user),
  auth_date: String(now),
  chat_type: 'sender',
  chat_instance: '-7841285823446432123',
  start_param: 'ref42',
};

test('third-party validation checks the Ed25519 signature for the bot id, without the token', async () => {
  const raw = signed(fields);
  assert.equal(await util.validateWebAppSignature(BOT_ID, raw, { publicKey: rawPublic }), true);
  assert.equal(await util.validateWebAppSignature(String(BOT_ID), raw, { publicKey: rawPublic.toString('hex') }), true);
  assert.equal(await util.validateWebAppSignature(BOT_ID + 1, raw, { publicKey: rawPublic }), false, 'another bot');
  assert.equal(
    await util.validateWebAppSignature(BOT_ID, raw.replace('ref42', 'ref43'), { publicKey: rawPublic }),
    false,
    'tampered',
  );
  assert.equal(await util.validateWebAppSignature(BOT_ID, raw), false, "not signed with Telegram's production key");
  assert.equal(await util.validateWebAppSignature(BOT_ID, raw, { environment: 'test' }), false);
  assert.equal(
    await util.validateWebAppSignature(BOT_ID, new URLSearchParams(fields).toString(), { publicKey: rawPublic }),
    false,
    'no signature',
  );
  assert.equal(
    await util.validateWebAppSignature(BOT_ID, `${raw}&signature=x`, { publicKey: rawPublic }),
    false,
    'repeated key',
  );
  await assert.rejects(util.validateWebAppSignature('abc', raw, { publicKey: rawPublic }), /botId/);
});

test('third-party validation refuses stale data (one day by default) and parses typed fields', async () => {
  const stale = signed({ ...fields, auth_date: String(now - 90_000) });
  assert.equal(await util.validateWebAppSignature(BOT_ID, stale, { publicKey: rawPublic }), false);
  assert.equal(
    await util.validateWebAppSignature(BOT_ID, stale, { publicKey: rawPublic, maxAgeSeconds: 100_000 }),
    true,
  );
  const data = await util.parseWebAppSignedData(BOT_ID, signed(fields), { publicKey: rawPublic });
  assert.ok(data);
  assert.deepEqual(data.user, user);
  assert.equal(data.auth_date, now);
  assert.equal(data.chat_type, 'sender');
  assert.equal(data.start_param, 'ref42');
  assert.equal(data.chat_instance, '-7841285823446432123');
  assert.equal(await util.parseWebAppSignedData(BOT_ID, stale, { publicKey: rawPublic }), false);
  assert.equal(util.TELEGRAM_INIT_DATA_PUBLIC_KEYS.production.length, 64);
});

const TOKEN = '123456789:AAExampleTokenForTests_abcdefghijkl';
function widget(
  fields: { id: number; auth_date: number; [k: string]: string | number },
  token = TOKEN,
): util.LoginWidgetData {
  const text = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const hash = createHmac('sha256', createHash('sha256').update(token).digest()).update(text).digest('hex');
  return { ...fields, hash };
}

test('Login Widget data is checked with SHA-256 of the token as key, and for freshness', async () => {
  const data = widget({
    id: 42,
    first_name: 'Ada',
    username: 'ada',
    photo_url: 'https://t.me/i/userpic/320/ada.jpg',
    auth_date: now,
  });
  assert.equal(await util.validateLoginWidgetData(TOKEN, data), true);
  assert.equal(
    await util.validateLoginWidgetData(TOKEN, new URLSearchParams(data as never).toString()),
    true,
    'a redirect query string',
  );
  assert.equal(await util.validateLoginWidgetData('987:other', data), false);
  assert.equal(await util.validateLoginWidgetData(TOKEN, { ...data, first_name: 'Eve' }), false);
  assert.equal(await util.validateLoginWidgetData(TOKEN, { ...data, hash: 'zz' }), false);
  const old = widget({ id: 42, first_name: 'Ada', auth_date: now - 90_000 });
  assert.equal(await util.validateLoginWidgetData(TOKEN, old), false);
  assert.equal(await util.validateLoginWidgetData(TOKEN, old, { maxAgeSeconds: Infinity }), true);
});
