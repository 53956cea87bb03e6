// runWebhooks({ handleSignals: true }): SIGTERM (what systemd, Docker and Kubernetes send) stops a
// webhook bot gracefully, as it does a polling one: the request being handled gets its handler's
// work done and a 200 (so Telegram does not deliver it again), the signal handlers go away and
// the process exits 0 by itself. The bot runs in a child process so that the signal reaches it
// alone; the emulator (delivering webhooks like Telegram) runs here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { BotApiEmulator } from '../src/testing/index.js';
import { waitFor } from './helpers.js';

test('SIGTERM: the webhook request being handled finishes with 200, and the process exits 0', async () => {
  const emu = await BotApiEmulator.start({ deliverWebhooks: { retryDelayMs: 50 } });
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/webhook-signals-child.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BOTTE_TOKEN: emu.token, BOTTE_API_URL: emu.apiUrl },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    assert.equal(await next(), 'ready', stderr);
    const pushed = emu.pushMessage('slow one');
    assert.equal(await next(), 'handling', stderr);
    child.kill('SIGTERM');
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000).unref());
    assert.equal(await Promise.race([exited, timeout]), 0, `the process did not exit 0 by itself:\n${stderr}`);
    assert.match(stderr, /SIGTERM received: stopping the bot/);
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
