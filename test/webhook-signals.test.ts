// runWebhooks({ handleSignals: true }): SIGTERM (what systemd, Docker and Kubernetes send) stops a
// webhook bot gracefully, as it does a polling one: the request being handled gets its handler's
// work done and a 200 (so Telegram does not deliver it again), the signal handlers go away and
// the process exits 0 by itself. The bot runs in a child process so that the signal reaches it
// alone; the emulator (delivering webhooks like Telegram) runs here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { waitFor } from './helpers.js';
import { startChildWithLines } from './child-lines.js';

test('SIGTERM: the webhook request being handled finishes with 200, and the process exits 0', async () => {
  const emu = await BotApiEmulator.start({ deliverWebhooks: { retryDelayMs: 50 } });
  const { child, next, exitWithin, stderr } = startChildWithLines('test/fixtures/webhook-signals-child.ts', {
    env: { ...process.env, BOTTE_TOKEN: emu.token, BOTTE_API_URL: emu.apiUrl },
  });
  try {
    assert.equal(await next(), 'ready', stderr());
    const pushed = emu.pushMessage('slow one');
    assert.equal(await next(), 'handling', stderr());
    child.kill('SIGTERM');
    assert.deepEqual(
      await exitWithin(15_000),
      { code: 0, signal: null },
      `the process did not exit 0 by itself:\n${stderr()}`,
    );
    assert.match(stderr(), /SIGTERM received: stopping the bot/);
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.text),
      ['done: slow one'],
    );
    // Delivered once: the answer was a 200, so the emulator (like Telegram) does not retry it.
    await waitFor(() => emu.pendingUpdates().length === 0, {
      message: () => `the update is still pending: ${JSON.stringify(emu.pendingUpdates())}`,
    });
    assert.ok(!emu.pendingUpdates().some((u) => u.update_id === pushed.update_id));
  } finally {
    child.kill('SIGKILL');
    await emu.stop();
  }
});
