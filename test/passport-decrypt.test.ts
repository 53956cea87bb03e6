import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { Botte, passport } from '../src/index.js';
import { BotApiEmulator, encryptPassportBlob, encryptPassportData } from '../src/testing/index.js';
import type { PassportData } from '../src/passport/types.js';
import { details, rsaKeyPair } from './passport-harness.js';

const passphrase = 'pass phrase';
const keys = rsaKeyPair(passphrase);
const otherKeys = rsaKeyPair();
const privateKey = keys.privateKey;
const scan = randomBytes(70_000);
const selfie = randomBytes(1_000);

function sample(store?: BotApiEmulator): PassportData {
  return encryptPassportData(
    {
      publicKey: keys.publicKey,
      nonce: 'nonce-42',
      elements: [
        { type: 'personal_details', data: details },
        {
          type: 'passport',
          data: { document_no: 'X123', expiry_date: '01.01.2030' },
          front_side: scan,
          selfie,
          translation: [selfie],
        },
        { type: 'utility_bill', files: [scan, selfie] },
        { type: 'phone_number', phone_number: '15551234567' },
        { type: 'email', email: 'ada@example.com' },
      ],
    },
    store,
  );
}

async function expectFailure(promise: Promise<unknown>, reason: string, element?: string) {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof passport.PassportDecryptionError, `a PassportDecryptionError, got ${String(error)}`);
    assert.equal(error.reason, reason);
    assert.equal(error.element, element);
    return true;
  });
}

test('a bot decrypts passport_data from the emulator, downloads and decrypts a scan, and sends errors back', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  try {
    const seen: passport.DecryptedPassport[] = [];
    let downloaded: Uint8Array | undefined;
    bot.handleMsg({ contentTypes: ['passport_data'] }, async (message) => {
      const result = await passport.decrypt(message.passport_data as PassportData, {
        privateKey,
        passphrase,
        nonce: 'nonce-42',
      });
      seen.push(result);
      const doc = result.elements.find((e) => e.type === 'passport')!;
      downloaded = await doc.front_side!.download(bot);
      await bot.setPassportDataErrors(message.from!.id, [
        passport.dataFieldError(doc, 'document_no', 'The number does not match the scan'),
        passport.selfieError(doc, 'The selfie is blurry'),
      ]);
    });
    const running = bot.runthebot({ longPollingTimeout: 1 });
    emu.pushMessage(undefined, { userId: 7, extra: { passport_data: sample(emu) } });
    const call = await emu.waitForCall('setPassportDataErrors', undefined, { timeoutMs: 5000 });
    await bot.stopBot();
    await running;

    const { nonce, elements } = seen[0]!;
    assert.equal(nonce, 'nonce-42');
    assert.deepEqual(
      elements.map((e) => e.type),
      ['personal_details', 'passport', 'utility_bill', 'phone_number', 'email'],
    );
    assert.deepEqual(elements[0]!.data, details);
    assert.deepEqual(elements[1]!.data, { document_no: 'X123', expiry_date: '01.01.2030' });
    assert.equal(elements[3]!.phone_number, '15551234567');
    assert.equal(elements[4]!.email, 'ada@example.com');
    assert.deepEqual(Buffer.from(downloaded!), scan);
    const doc = elements[1]!;
    assert.deepEqual(call.params.user_id, 7);
    assert.deepEqual(call.params.errors, [
      {
        source: 'data',
        type: 'passport',
        field_name: 'document_no',
        data_hash: doc.data_hash,
        message: 'The number does not match the scan',
      },
      { source: 'selfie', type: 'passport', file_hash: doc.selfie!.file_hash, message: 'The selfie is blurry' },
    ]);
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});

test('files decrypt from bytes and as a stream in chunks; a tampered file is refused either way', async () => {
  const data = sample();
  const encrypted = new Map<string, Buffer>();
  // Re-encrypt with a store that keeps the bytes, to feed them back by hand.
  const kept = encryptPassportData(
    {
      publicKey: keys.publicKey,
      nonce: 'n',
      elements: [{ type: 'utility_bill', files: [scan] }],
    },
    {
      addFile(content) {
        const id = `f${encrypted.size}`;
        encrypted.set(id, content);
        return { file_id: id, file_unique_id: id, file_size: content.length };
      },
    },
  );
  assert.ok(data.data.length > 0);
  const { elements } = await passport.decrypt(kept, { privateKey, passphrase });
  const file = elements[0]!.files![0]!;
  const bytes = encrypted.get(file.file_id)!;
  assert.deepEqual(Buffer.from(await file.decrypt(bytes)), scan);

  async function* chunks(buffer: Buffer, size: number) {
    for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
  }
  const parts: Uint8Array[] = [];
  for await (const part of file.decryptStream(chunks(bytes, 1000)) as unknown as AsyncIterable<Uint8Array>)
    parts.push(part);
  assert.deepEqual(Buffer.concat(parts), scan);
  const fromWebStream = await new Response(
    file.decryptStream(new Blob([new Uint8Array(bytes)]).stream()),
  ).arrayBuffer();
  assert.deepEqual(Buffer.from(fromWebStream), scan);

  const tampered = Buffer.from(bytes);
  tampered[tampered.length - 20]! ^= 1;
  await expectFailure(file.decrypt(tampered), 'hash', 'utility_bill');
  await expectFailure(new Response(file.decryptStream(chunks(tampered, 4096))).arrayBuffer(), 'hash', 'utility_bill');
  await expectFailure(file.decrypt(tampered.subarray(0, 100)), 'format', 'utility_bill');
});

test('a wrong key, a wrong passphrase, tampered credentials or element data and a nonce mismatch are typed failures', async () => {
  const data = sample();
  await expectFailure(passport.decrypt(data, { privateKey: otherKeys.privateKey }), 'key');
  await expectFailure(passport.decrypt(data, { privateKey, passphrase: 'wrong' }), 'key');
  await expectFailure(passport.decrypt(data, { privateKey, passphrase, nonce: 'another' }), 'nonce');

  const badCredentials = structuredClone(data);
  const raw = Buffer.from(badCredentials.credentials.data, 'base64');
  raw[5]! ^= 0xff;
  badCredentials.credentials.data = raw.toString('base64');
  await expectFailure(passport.decrypt(badCredentials, { privateKey, passphrase }), 'hash');

  const badElement = structuredClone(data);
  const element = Buffer.from(badElement.data[1]!.data!, 'base64');
  element[element.length - 1]! ^= 1;
  badElement.data[1]!.data = element.toString('base64');
  await expectFailure(passport.decrypt(badElement, { privateKey, passphrase }), 'hash', 'passport');

  const foreign = structuredClone(data);
  foreign.data[0]!.data = sample().data[0]!.data; // encrypted with other secrets
  await expectFailure(passport.decrypt(foreign, { privateKey, passphrase }), 'hash', 'personal_details');

  await expectFailure(passport.decrypt({ data: 5 } as never, { privateKey }), 'format');
  await expectFailure(
    passport.decrypt({ ...data, credentials: { ...data.credentials, secret: '%%%' } }, { privateKey, passphrase }),
    'format',
  );
});

test('a bad padding length is refused even with a matching hash', async () => {
  const { createCipheriv, createHash } = await import('node:crypto');
  // Padding byte 16 (< 32): hash and key are derived from the bad padded data itself.
  const padded = Buffer.concat([Buffer.from([16]), randomBytes(15), Buffer.from('{"document_no":"1"}'.padEnd(32))]);
  const secret = randomBytes(32);
  const hash = createHash('sha256').update(padded).digest();
  const digest = createHash('sha512').update(secret).update(hash).digest();
  const cipher = createCipheriv('aes-256-cbc', digest.subarray(0, 32), digest.subarray(32, 48)).setAutoPadding(false);
  const encrypted = Buffer.concat([cipher.update(padded), cipher.final()]);
  const good = encryptPassportBlob(
    Buffer.from(
      JSON.stringify({
        secure_data: { passport: { data: { data_hash: hash.toString('base64'), secret: secret.toString('base64') } } },
        nonce: 'n',
      }),
    ),
  );
  const { publicEncrypt, constants } = await import('node:crypto');
  const data: PassportData = {
    data: [{ type: 'passport', data: encrypted.toString('base64'), hash: 'h' }],
    credentials: {
      data: good.encrypted.toString('base64'),
      hash: good.hash.toString('base64'),
      secret: publicEncrypt(
        { key: keys.publicKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
        good.secret,
      ).toString('base64'),
    },
  };
  await expectFailure(passport.decrypt(data, { privateKey, passphrase }), 'padding', 'passport');
});

test('errors carry no secrets, keys or decrypted data', async () => {
  const data = sample();
  const failures: unknown[] = [];
  for (const attempt of [
    passport.decrypt(data, { privateKey: otherKeys.privateKey }),
    passport.decrypt(data, { privateKey, passphrase, nonce: 'x' }),
    passport.decrypt(data, { privateKey: 'not a key' }),
  ])
    await attempt.catch((error) => failures.push(error));
  assert.equal(failures.length, 3);
  for (const error of failures) {
    const shown = inspect(error, { showHidden: true, depth: 5 }) + JSON.stringify(error);
    for (const secret of [
      passphrase,
      'nonce-42',
      'Lovelace',
      data.credentials.secret.slice(0, 24),
      privateKey.slice(40, 80),
    ]) {
      assert.ok(!shown.includes(secret), `the error shows ${secret.slice(0, 10)}…`);
    }
    assert.equal((error as Error).cause, undefined);
  }
});

test('element error builders name the hashes Telegram wants', async () => {
  const { elements } = await passport.decrypt(sample(), { privateKey, passphrase });
  const doc = elements[1]!;
  const bill = elements[2]!;
  assert.deepEqual(passport.frontSideError(doc, 'm'), {
    source: 'front_side',
    type: 'passport',
    file_hash: doc.front_side!.file_hash,
    message: 'm',
  });
  assert.deepEqual(passport.translationFilesError(doc, 'm').file_hashes, [doc.translation![0]!.file_hash]);
  assert.deepEqual(passport.translationFileError(doc, doc.translation![0]!, 'm').source, 'translation_file');
  assert.deepEqual(passport.filesError(bill, 'm'), {
    source: 'files',
    type: 'utility_bill',
    file_hashes: bill.files!.map((f) => f.file_hash),
    message: 'm',
  });
  assert.deepEqual(passport.fileError(bill, bill.files![1]!, 'm').file_hash, bill.files![1]!.file_hash);
  assert.deepEqual(passport.unspecifiedError(elements[3]!, 'm'), {
    source: 'unspecified',
    type: 'phone_number',
    element_hash: elements[3]!.hash,
    message: 'm',
  });
  assert.throws(() => passport.reverseSideError(doc, 'm'), /no reverse_side/);
  assert.throws(() => passport.dataFieldError(elements[4]!, 'email', 'm'), /no data/);
});

test('the authorization request link carries bot id, scope, public key and nonce', () => {
  const url = passport.authorizationUrl({
    botId: 123456,
    scope: ['personal_details', { one_of: [{ type: 'passport' }, { type: 'identity_card' }], selfie: true }],
    publicKey: keys.publicKey,
    nonce: 'nonce-42',
  });
  assert.ok(url.startsWith('tg://resolve?domain=telegrampassport&'));
  const params = new URL(url.replace('tg://resolve', 'http://x/')).searchParams;
  assert.equal(params.get('bot_id'), '123456');
  assert.equal(params.get('nonce'), 'nonce-42');
  assert.equal(params.get('public_key'), keys.publicKey);
  assert.deepEqual(JSON.parse(params.get('scope')!), {
    data: [{ type: 'personal_details' }, { one_of: [{ type: 'passport' }, { type: 'identity_card' }], selfie: true }],
    v: 1,
  });
  assert.throws(
    () => passport.authorizationParams({ botId: 'abc', scope: ['email'], publicKey: keys.publicKey, nonce: 'n' }),
    /botId/,
  );
  assert.throws(
    () => passport.authorizationParams({ botId: 1, scope: [], publicKey: keys.publicKey, nonce: 'n' }),
    /scope/,
  );
  assert.throws(
    () => passport.authorizationParams({ botId: 1, scope: ['email'], publicKey: keys.publicKey, nonce: '' }),
    /nonce/,
  );
});
