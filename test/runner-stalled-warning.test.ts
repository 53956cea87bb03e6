// A handler running longer than `stalledWindowMs` stops holding the offset; the bot warns once
// (with how many, an example id and the window), not at every stalled update: the warning points
// at slow handlers, it must not flood the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger, type LogRecord } from '../src/logger.js';
import { gatedPollingBot, stopQuietly, waitFor } from './helpers.js';

test('stalled handlers: one warning naming the update and the window, however many stall', async () => {
  const records: LogRecord[] = [];
  const level = logger.getLevel();
  logger.setLevel('warn').setOutput((record) => records.push(record));
  const emu = await BotApiEmulator.start();
  const { bot, running, release } = gatedPollingBot(emu, { stalledWindowMs: 50, longPollingTimeout: 1 });
  try {
    const polledPast = (id: number) =>
      emu.callsOf('getUpdates').some((c) => typeof c.params.offset === 'number' && c.params.offset > id);
    const first = emu.pushMessage('slow one', { chatId: 1, userId: 1 });
    await waitFor(() => polledPast(first.update_id), { message: 'the offset never moved past the stalled update' });
    const second = emu.pushMessage('slow two', { chatId: 2, userId: 2 });
    await waitFor(() => polledPast(second.update_id), { message: 'the offset never moved past the second one' });
    assert.deepEqual(
      records.map((r) => r.message),
      [
        `1 update(s) (e.g. ${first.update_id}) are still being handled after 50 ms (slow handlers?); ` +
          'the offset moves past them so that other chats keep flowing',
      ],
    );
  } finally {
    release();
    await stopQuietly(bot);
    await running.catch(() => undefined);
    logger.setLevel(level).setOutput(null);
    await emu.stop();
  }
});
