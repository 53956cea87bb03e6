import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Update } from '../src/api/generated/telegram-types.js';
import { Botte, MalformedUpdateError } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { updateTypes } from '../src/util/constants.js';
import { sleep, recordErrors } from './helpers.js';
import { withEmulator } from './emulator-harness.js';
import { privateMessage as message } from './private-message.js';

/** Waits for `check()` to hold, failing with `what` after `ms`. */
async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(5);
  }
}

/** The poison updates of the report, plus more shapes of the same kind. */
const POISON: unknown[] = [
  { update_id: 2, message: { message_id: 1, date: 1, text: 'x' } },
  { update_id: 3, message: null },
  { update_id: 4, message: 5 },
  { update_id: 5, message: { message_id: 1, date: 1, chat: null, text: 'x' } },
  { update_id: 6, message: { message_id: 1, date: 1, chat: { id: 'seven' }, text: 'x' } },
  { update_id: 7, callback_query: { id: 'q', from: null, data: 'x' } },
  { update_id: 8, edited_message: 'text' },
  { update_id: 9, channel_post: [] },
  { update_id: 10 },
  null,
  7,
  'update',
  [],
];

/** A bot recording what its handlers saw and what its exceptionHandler got. */
function recordingBot(emu: BotApiEmulator) {
  const seen: string[] = [];
  const { errors, exceptionHandler } = recordErrors();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
  bot.handleMsg({ func: () => true, contentTypes: ['text'] }, (msg) => {
    seen.push(String(msg.text));
  });
  bot.callbackQueryHandler({ func: () => true }, (query) => {
    seen.push(`cb ${String(query.data)}`);
  });
  return { bot, seen, errors };
}

test('processNewUpdates: a malformed update is reported once and skipped; the rest of the batch is handled', async () => {
  await withEmulator(async (emu) => {
    const { bot, seen, errors } = recordingBot(emu);
    await bot.processNewUpdates([message(1, 10, 'A'), ...(POISON as Update[]), message(20, 11, 'C')]);
    assert.deepEqual(seen, ['A', 'C']);
    assert.equal(errors.length, POISON.length, 'one report per malformed update');
    for (const error of errors) assert.ok(error instanceof MalformedUpdateError, `a typed error, got ${String(error)}`);
    const first = errors[0] as MalformedUpdateError;
    assert.equal(first.updateId, 2);
    assert.match(first.message, /update 2/);
  });
});

test('polling: malformed updates are reported once, confirmed and skipped; polling goes on', async () => {
  await withEmulator(async (emu) => {
    const { bot, seen, errors } = recordingBot(emu);
    // polling() without nonStop ends at the first unhandled error: it must see none here.
    const running = bot.polling({ longPollingTimeout: 1 });
    let rejected: unknown;
    running.catch((error) => (rejected = error));
    emu.pushMessage('A', { chatId: 10, userId: 10 });
    for (const poison of POISON.slice(0, 9)) {
      const { update_id: _ignored, ...payload } = poison as { update_id: number };
      emu.pushUpdate(payload as never);
    }
    emu.pushMessage('C', { chatId: 11, userId: 11 });
    await until(() => seen.length === 2 && errors.length === 9, 'A and C handled and 9 reports');
    emu.pushMessage('after', { chatId: 12, userId: 12 });
    await until(() => seen.length === 3, 'an update pushed after the poison');
    assert.equal(rejected, undefined, 'polling did not end');
    await bot.stopBot();
    await running;
    assert.deepEqual(seen, ['A', 'C', 'after']);
    assert.equal(errors.length, 9);
    assert.equal(emu.pendingUpdates().length, 0, 'the malformed updates were confirmed too');
  });
});

/** Arbitrary JSON-ish values: what a broken proxy or a future Bot API could put in an update. */
const junk = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 5 }),
  fc.boolean(),
  fc.constant([]),
  fc.dictionary(
    fc.constantFrom('chat', 'id', 'from', 'message_id', 'date', 'text', 'message', 'data', 'user'),
    fc.oneof(fc.constant(null), fc.integer(), fc.string({ maxLength: 3 }), fc.object({ maxDepth: 2 })),
    { maxKeys: 5 },
  ),
  fc.object({ maxDepth: 3 }),
);
const fieldName = fc.constantFrom(
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'callback_query',
  'inline_query',
  'poll',
  'poll_answer',
  'my_chat_member',
  'chat_member',
  'chat_join_request',
  'message_reaction',
  'future_type',
);
/** A malformed update: a known or unknown field holding junk, or junk in place of the whole update. */
const malformed = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.tuple(fieldName, junk).map(([field, value]) => ({ [field]: value }) as Record<string, unknown>),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fieldName, junk, junk)
      .map(([field, chat, from]) => ({ [field]: { message_id: 1, date: 1, chat, from, text: 'j' } })),
  },
);
/** A batch: each entry is a valid text message of a chat, or a malformed update. */
const batch = fc.array(fc.oneof(fc.record({ chat: fc.integer({ min: 1, max: 5 }) }), malformed), {
  minLength: 1,
  maxLength: 30,
});

test('fuzz (processNewUpdates): never rejects; valid updates handled exactly once; reports stay bounded', async () => {
  await withEmulator(async (emu) => {
    await fc.assert(
      fc.asyncProperty(batch, async (entries) => {
        const { bot, seen, errors } = recordingBot(emu);
        const updates: unknown[] = [];
        const expected: string[] = [];
        entries.forEach((entry, i) => {
          if ('chat' in entry && typeof entry.chat === 'number' && Object.keys(entry).length === 1) {
            updates.push(message(i + 1, entry.chat, `v${i}`));
            expected.push(`v${i}`);
          } else {
            updates.push({ update_id: i + 1, ...entry });
          }
        });
        await bot.processNewUpdates(updates as Update[]);
        assert.deepEqual([...seen].filter((s) => s.startsWith('v')).sort(), [...expected].sort());
        // Each update is reported at most once (junk that still has a valid shape may be handled).
        assert.ok(
          errors.length <= updates.length - expected.length,
          `${errors.length} reports for ${updates.length - expected.length} malformed updates`,
        );
        await bot.closeSession();
      }),
      { numRuns: Number(process.env.BOTTE_FUZZ_RUNS ?? 300) },
    );
  });
});

test('fuzz (polling through the emulator): polling survives; valid updates handled once, all confirmed', async () => {
  const emu = await BotApiEmulator.start();
  const { bot, seen, errors } = recordingBot(emu);
  // Every type the fuzzer makes (the emulator, like Telegram, holds back types not asked for).
  const running = bot.polling({ longPollingTimeout: 1, allowedUpdates: [...updateTypes, 'future_type'] });
  let rejected: unknown;
  running.catch((error) => (rejected = error));
  try {
    let expected = 0;
    await fc.assert(
      fc.asyncProperty(batch, async (entries) => {
        for (const entry of entries) {
          if ('chat' in entry && typeof entry.chat === 'number' && Object.keys(entry).length === 1) {
            emu.pushMessage(`v${expected++}`, { chatId: entry.chat, userId: entry.chat });
          } else {
            emu.pushUpdate(entry as never);
          }
        }
        await until(
          () => seen.filter((s) => s.startsWith('v')).length === expected && emu.pendingUpdates().length === 0,
          'the batch handled and confirmed',
        );
        assert.equal(rejected, undefined, `polling ended: ${String(rejected)}`);
      }),
      { numRuns: Number(process.env.BOTTE_FUZZ_POLL_RUNS ?? 40) },
    );
    const valid = seen.filter((s) => s.startsWith('v'));
    assert.equal(new Set(valid).size, valid.length, 'no valid update handled twice');
    assert.equal(valid.length, expected);
    assert.ok(
      errors.every((error) => error instanceof Error),
      'every report is an Error',
    );
  } finally {
    await bot.stopBot();
    await running.catch(() => undefined);
    await emu.stop();
  }
});
