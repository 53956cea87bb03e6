// A broken album (a `null` or a string where an InputMedia belongs) is Telegram's to refuse: with a
// default parse mode the bot sends it as it does without one, so the answer is the same typed
// ApiTelegramException (400) and not a TypeError thrown while adding the parse mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiTelegramException, Botte, types } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';

for (const bad of [null, 'photo.jpg']) {
  test(`an album holding ${JSON.stringify(bad)} gets Telegram's 400 with or without a default parse mode`, async () => {
    await withEmulator(async (emu) => {
      const plain = new Botte(emu.token, { apiUrl: emu.apiUrl });
      const html = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
      try {
        const album = () => [new types.InputMediaPhoto('https://example.com/a.jpg', { caption: '<b>a</b>' }), bad];
        const failures: unknown[] = [];
        for (const bot of [plain, html]) {
          await bot.sendMediaGroup(1001, album() as any).then(
            () => assert.fail('Telegram accepted an album with a broken item'),
            (error: unknown) => failures.push(error),
          );
        }
        for (const error of failures) {
          assert.ok(error instanceof ApiTelegramException, `a typed Bot API error, got ${String(error)}`);
          assert.equal(error.errorCode, 400);
        }
        assert.equal(emu.callsOf('sendMediaGroup').length, 2, 'both requests reached Telegram');
      } finally {
        await plain.closeSession();
        await html.closeSession();
      }
    });
  });
}
