// A webhook bot (no polling) whose handler awaits stopPolling(): nothing to stop, the call
// resolves and the handler goes on, with no error reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { recordErrors } from './helpers.js';
import { withEmulator } from './emulator-harness.js';
import { privateMessage } from './private-message.js';

test('stopPolling() awaited in a webhook handler resolves and the handler goes on', async () => {
  await withEmulator(async (emu) => {
    const { errors, exceptionHandler } = recordErrors();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, exceptionHandler });
    bot.handleMsg({}, async (message) => {
      await bot.stopPolling();
      await bot.sendMessage(message.chat.id, 'still here');
    });
    const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
    try {
      const update = privateMessage(1, 7, 'hi');
      const response = await fetch(server.url, { method: 'POST', body: JSON.stringify(update) });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
      await emu.waitForCall('sendMessage');
      assert.deepEqual(
        emu.callsOf('sendMessage').map((c) => c.params.text),
        ['still here'],
      );
      assert.deepEqual(errors, []);
    } finally {
      await bot.stopBot();
    }
  });
});
