// processNewUpdates (the webhook path, also used by hand): resolves at once for an empty list, and
// only when every handler of the list finished, not when the first one did.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { waitFor } from './helpers.js';
import { withEmulator } from './emulator-harness.js';

const message = (updateId: number, chatId: number): Update =>
  ({
    update_id: updateId,
    message: {
      message_id: updateId,
      date: 1,
      chat: { id: chatId, type: 'private' },
      from: { id: chatId, is_bot: false, first_name: 'A' },
      text: `m${updateId}`,
    },
  }) as Update;

test('an empty list resolves at once', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    let resolved = false;
    const done = bot.processNewUpdates([]).then(() => (resolved = true));
    await waitFor(() => resolved, { message: 'processNewUpdates([]) never resolved' });
    await done;
    await bot.stopBot();
  });
});

test('resolves when the last handler finished, not the first', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    bot.handleMsg({ func: () => true }, async (m) => {
      if (m.chat.id === 1) await gate;
      handled.push(`${m.text}`);
    });
    let resolved = false;
    const done = bot.processNewUpdates([message(1, 1), message(2, 2)]).then(() => (resolved = true));
    await waitFor(() => handled.includes('m2'), { message: 'the fast update was not handled' });
    // Let every callback queued by the fast update's end run before looking.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(resolved, false, 'resolved while the slow handler still runs');
    release();
    await done;
    assert.deepEqual(handled, ['m2', 'm1']);
    await bot.stopBot();
  });
});
