import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { parseWebAppData, validateWebAppData } from '../src/util/index.js';

const TOKEN = '123456789:AAExampleTokenForTests_abcdefghijkl';

function sign(token: string, fields: Record<string, string>): string {
  const checkString = Object.keys(fields)
    .sort()
    .map((key) => `${key}=${fields[key]}`)
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(token).digest();
  const hash = createHmac('sha256', secret).update(checkString).digest('hex');
  return new URLSearchParams({ ...fields, hash }).toString();
}

const AUTH = Math.floor(Date.now() / 1000) - 60;
const user = {
  id: 279058397,
  first_name: 'Vlad & Co',
  username: 'vdkfrost',
  language_code: 'ru',
  allows_write_to_pm: true,
};
const fields = {
  query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
  user: JSON.stringify(user),
  auth_date: String(AUTH),
  chat_instance: '-7841285823446432123',
};

test('validateWebAppData accepts data signed with the token', () => {
  const raw = sign(TOKEN, fields);
  assert.equal(validateWebAppData(TOKEN, raw), true);
});

test('validateWebAppData rejects another token, tampering, a missing or malformed hash', () => {
  const raw = sign(TOKEN, fields);
  assert.equal(validateWebAppData('987:other', raw), false);
  assert.equal(validateWebAppData(TOKEN, raw.replace(String(AUTH), String(AUTH + 1))), false);
  assert.equal(validateWebAppData(TOKEN, new URLSearchParams(fields).toString()), false);
  assert.equal(validateWebAppData(TOKEN, `${new URLSearchParams(fields)}&hash=abc`), false);
  assert.equal(validateWebAppData(TOKEN, `${raw}&auth_date=1`), false);
  assert.equal(validateWebAppData(TOKEN, ''), false);
});

test('validateWebAppData freshness check: one day by default, maxAgeSeconds, Infinity turns it off', () => {
  const raw = sign(TOKEN, fields);
  const old = sign(TOKEN, { ...fields, auth_date: String(AUTH - 2 * 86_400) });
  assert.equal(validateWebAppData(TOKEN, old), false, 'two-day-old data is a replay by default');
  assert.equal(validateWebAppData(TOKEN, old, { maxAgeSeconds: Infinity }), true);
  assert.equal(parseWebAppData(TOKEN, old), false);
  const future = sign(TOKEN, { ...fields, auth_date: String(AUTH + 3_600) });
  assert.equal(validateWebAppData(TOKEN, future), false, 'data from the future is refused');
  assert.equal(validateWebAppData(TOKEN, raw, { maxAgeSeconds: 60, now: new Date(AUTH * 1000 + 30_000) }), true);
  assert.equal(validateWebAppData(TOKEN, raw, { maxAgeSeconds: 60, now: new Date(AUTH * 1000 + 3_600_000) }), false);
});

test('parseWebAppData decodes objects and numbers, keeps big ids as strings', () => {
  const raw = sign(TOKEN, fields);
  const data = parseWebAppData(TOKEN, raw);
  assert.ok(data);
  assert.deepEqual(data.user, user);
  assert.equal(data.auth_date, AUTH);
  assert.equal(data.query_id, 'AAHdF6IQAAAAAN0XohDhrOrc');
  assert.equal(data.chat_instance, '-7841285823446432123');
  assert.match(data.hash, /^[0-9a-f]{64}$/);
  assert.equal(parseWebAppData('1:wrong', raw), false);
});
