// The default parse mode on album items (see api-default-parse-mode-nested): the array and the
// items the caller passed are left as they were, an item with its own entities gets no parse mode
// in the request, and an album none of whose items needs the default is sent unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, types } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';

test("album items: the caller's array is not changed; entities keep the default parse mode off", async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
    try {
      const first = new types.InputMediaPhoto('https://example.com/a.jpg', { caption: '<b>a</b>' });
      const second = new types.InputMediaPhoto('https://example.com/b.jpg', {
        caption: 'b',
        caption_entities: [{ type: 'italic', offset: 0, length: 1 }],
      });
      const album = [first, second];
      await bot.sendMediaGroup(1001, album);
      const sent = emu.callsOf('sendMediaGroup').at(-1)!.params.media as Record<string, unknown>[];
      assert.equal(sent[0]!.parse_mode, 'HTML');
      assert.equal(sent[1]!.parse_mode, undefined, 'an item with caption_entities gets no parse mode');
      assert.equal(album[0], first, 'the array still holds the objects the caller put in it');
      assert.equal(album[1], second);
      assert.equal((first as { parse_mode?: string }).parse_mode, undefined, 'the item itself is not changed');
    } finally {
      await bot.closeSession();
    }
  });
});

test('an album whose items all have their own parse mode is sent as it is', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'HTML' });
    try {
      const sent = await bot.sendMediaGroup(1001, [
        new types.InputMediaPhoto('https://example.com/a.jpg', { caption: '*a*', parse_mode: 'MarkdownV2' }),
        new types.InputMediaPhoto('https://example.com/b.jpg'),
      ]);
      assert.equal(sent.length, 2);
      assert.equal(sent[0]!.caption, 'a');
    } finally {
      await bot.closeSession();
    }
  });
});
