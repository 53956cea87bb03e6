import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator, encryptPassportData } from '../src/testing/index.js';
import { createPassportBot } from '../examples/passport-bot.js';
import { details, rsaKeyPair } from './passport-harness.js';

const keys = rsaKeyPair();

test('examples/passport-bot.ts: asks with a link, accepts a good passport, sends errors for a bad element, refuses a replayed nonce', async () => {
  const emu = await BotApiEmulator.start();
  const bot = createPassportBot(emu.token, keys, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    const ask = async () => {
      const since = emu.calls.length;
      emu.pushMessage('/verify', { userId: 5, chatId: 5 });
      const text = String((await emu.waitForCall('sendMessage', undefined, { since, timeoutMs: 5000 })).params.text);
      const link = new URL(text.split(': ')[1]!.replace('tg://resolve', 'http://x/'));
      assert.equal(link.searchParams.get('domain'), 'telegrampassport');
      assert.equal(link.searchParams.get('public_key'), keys.publicKey);
      assert.deepEqual(JSON.parse(link.searchParams.get('scope')!).data, [
        { type: 'personal_details' },
        { type: 'passport', selfie: true },
      ]);
      return link.searchParams.get('nonce')!;
    };
    const submit = async (nonce: string, documentNo: string) => {
      const since = emu.calls.length;
      const passportData = encryptPassportData(
        {
          publicKey: keys.publicKey,
          nonce,
          elements: [
            { type: 'personal_details', data: details },
            {
              type: 'passport',
              data: { document_no: documentNo },
              front_side: Buffer.from('front'),
              selfie: Buffer.from('selfie'),
            },
          ],
        },
        emu,
      );
      emu.pushMessage(undefined, { userId: 5, chatId: 5, extra: { passport_data: passportData } });
      const reply = await emu.waitForCall('sendMessage', undefined, { since, timeoutMs: 5000 });
      const errors = emu.calls.slice(since).filter((c) => c.method === 'setPassportDataErrors');
      return { text: String(reply.params.text), errors };
    };

    const first = await ask();
    const good = await submit(first, 'AB1234567');
    assert.equal(good.text, 'Thank you, Ada: your passport AB1234567 is on file.');
    assert.equal(good.errors.length, 0);

    const second = await ask();
    const bad = await submit(second, 'x');
    assert.equal(bad.text, 'Some details need fixing; Telegram will show you which.');
    assert.equal(bad.errors.length, 1);
    assert.equal(bad.errors[0]!.params.user_id, 5);
    const [error] = bad.errors[0]!.params.errors as Array<Record<string, unknown>>;
    assert.equal(error!.source, 'data');
    assert.equal(error!.field_name, 'document_no');
    assert.match(String(error!.data_hash), /^[A-Za-z0-9+/]+=*$/);

    const replay = await submit(first, 'AB1234567');
    assert.match(replay.text, /could not be read \(nonce\)/);
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
