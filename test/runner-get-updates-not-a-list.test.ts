// A getUpdates answer whose result is not a list (a broken proxy or gateway in front of the Bot
// API) is reported with what came back, and polling goes on: the next good answer is handled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiInvalidJSONException, Botte } from '../src/index.js';
import { withEmulator } from './emulator-harness.js';
import { waitFor, withLogs } from './helpers.js';

test('a getUpdates result that is not a list is logged with its body, and polling goes on', async () => {
  await withEmulator(async (emu) => {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    const seen: string[] = [];
    bot.handleMsg({}, (message) => {
      seen.push(message.text ?? '');
    });
    let broken = 1;
    emu.onMethod('getUpdates', (_params, _call, fallback) => (broken-- > 0 ? { updates: [] } : fallback()));
    try {
      await withLogs('error', async (records) => {
        const running = bot.runthebot({ longPollingTimeout: 1, backoff: { initialMs: 10, maxMs: 10 } });
        emu.pushMessage('after the broken answer');
        await waitFor(() => seen.length === 1, { message: 'polling did not go on after the broken answer' });
        assert.deepEqual(seen, ['after the broken answer']);
        const record = records.find((r) => r.message.startsWith('getUpdates: the result is not a list'));
        assert.ok(record, `no log line for the broken answer: ${JSON.stringify(records.map((r) => r.message))}`);
        const error = record.error;
        assert.ok(error instanceof ApiInvalidJSONException);
        assert.equal(error.body, '{"updates":[]}', 'the error carries what came back');
        await bot.stopBot();
        await running;
      });
    } finally {
      await bot.stopBot();
    }
  });
});
