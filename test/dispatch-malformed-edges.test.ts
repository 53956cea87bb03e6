// A missing update (undefined in the list given to processNewUpdates) is a malformed update like
// null: reported with what is wrong and skipped, while the next update is still handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Update } from '../src/api/generated/telegram-types.js';
import { Botte, MalformedUpdateError } from '../src/index.js';
import { useEmulator } from './emulator-harness.js';
import { recordErrors } from './helpers.js';

const emu = await useEmulator();

test('an undefined update is reported as malformed and skipped; the next one is handled', async () => {
  const { errors, exceptionHandler } = recordErrors();
  const seen: string[] = [];
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  bot.handleMsg({}, (m) => {
    seen.push(m.text);
  });
  const chat = { id: 3, type: 'private' as const, first_name: 'U' };
  try {
    await bot.processNewUpdates([
      undefined as unknown as Update,
      { update_id: 2, message: { message_id: 1, date: 1, chat, text: 'after' } } as Update,
    ]);
  } finally {
    await bot.closeSession();
  }
  assert.deepEqual(seen, ['after']);
  assert.equal(errors.length, 1);
  const error = errors[0] as MalformedUpdateError;
  assert.ok(error instanceof MalformedUpdateError);
  assert.equal(error.message, 'Malformed update skipped: the update is a undefined, not an object');
  assert.equal(error.updateId, undefined);
  assert.equal(new MalformedUpdateError('odd', undefined).updateId, undefined);
});
