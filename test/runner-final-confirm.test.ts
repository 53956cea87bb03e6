// Stopping confirms the last offset to Telegram with one more getUpdates. When that call fails the
// bot retries it (a 5xx or a network error is often gone a moment later), and when it cannot, it
// says so: the updates handled since the last poll may then be delivered again after a restart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import type { FaultKind } from '../src/testing/types.js';
import { logger, type LogRecord } from '../src/logger.js';
import { stopQuietly, waitFor } from './helpers.js';

/** Handles one message, then fails the final confirmation `times` times with `kind`, then stops. */
async function stopWithFailingConfirm(kind: FaultKind, times: number) {
  const records: LogRecord[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => records.push(record));
  const emu = await BotApiEmulator.start();
  try {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, retry: false });
    bot.handleMsg({ func: () => true }, (message) => void bot.replyTo(message, 'ok'));
    // A long poll that does not come back by itself before the stop aborts it.
    const running = bot.runthebot({ longPollingTimeout: 30 });
    try {
      const update = emu.pushMessage('hi');
      await waitFor(() => emu.callsOf('sendMessage').length > 0, { message: 'the bot never answered' });
      // The poll in flight was sent before the fault exists: only the final confirmation meets it.
      const pending = (offset: number) =>
        emu.callsOf('getUpdates').some((c) => c.status === undefined && c.params.offset === offset);
      await waitFor(() => pending(update.update_id + 1), { message: 'no long poll past the handled update' });
      emu.injectFault({ method: 'getUpdates', kind, times });
    } finally {
      await stopQuietly(bot, 10_000);
    }
    await running;
    return { records, calls: emu.callsOf('getUpdates') };
  } finally {
    logger.setLevel(level).setOutput(null);
    await emu.stop();
  }
}

const messages = (records: LogRecord[]) => records.map((r) => r.message.replace(/\(.*\)/, '(…)'));

test('a final confirmation failing twice is retried, and the third try confirms the offset', async () => {
  const { records, calls } = await stopWithFailingConfirm('http-500', 2);
  const last = calls.at(-1)!;
  assert.equal(last.status, 200, 'the last getUpdates (the confirmation) succeeded');
  const offset = (last.params as { offset: number }).offset;
  assert.deepEqual(messages(records), [
    `Could not confirm the last offset ${offset} (…); retrying`,
    `Could not confirm the last offset ${offset} (…); retrying`,
  ]);
});

test('a final confirmation failing three times is given up, with an error saying what it means', async () => {
  const { records, calls } = await stopWithFailingConfirm('http-500', 3);
  const offset = (calls.at(-1)!.params as { offset: number }).offset;
  assert.deepEqual(messages(records), [
    `Could not confirm the last offset ${offset} (…); retrying`,
    `Could not confirm the last offset ${offset} (…); retrying`,
    `Could not confirm the last offset ${offset} (…); retrying`,
    `The last offset ${offset} was not confirmed; updates handled since the last poll may be delivered again`,
  ]);
});

test('a revoked token at the final confirmation is not retried', async () => {
  const { records, calls } = await stopWithFailingConfirm('unauthorized', 3);
  const offset = (calls.at(-1)!.params as { offset: number }).offset;
  assert.deepEqual(messages(records), [
    `The last offset ${offset} was not confirmed; updates handled since the last poll may be delivered again`,
  ]);
});

test('a network error at the final confirmation is retried too', async () => {
  const { records, calls } = await stopWithFailingConfirm('reset', 1);
  const last = calls.at(-1)!;
  assert.equal(last.status, 200, 'the last getUpdates (the confirmation) succeeded');
  const offset = (last.params as { offset: number }).offset;
  assert.deepEqual(messages(records), [`Could not confirm the last offset ${offset} (…); retrying`]);
});
