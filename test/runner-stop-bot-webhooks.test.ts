// stopBot() also closes the servers runWebhooks started: after it the port takes no more
// connections (a bot stopped on SIGTERM must free its port for the next deployment).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { privateMessage } from './private-message.js';

const update = (id: number) => JSON.stringify(privateMessage(id, id, 'hi'));

test('stopBot() closes every runWebhooks server: the port refuses connections afterwards', async () => {
  const bot = new Botte('123456:webhook-stop-bot', { validateToken: false });
  const seen: string[] = [];
  bot.handleMsg({}, (message) => {
    seen.push(message.text);
  });
  const first = await bot.runWebhooks({ port: 0, urlPath: '/one' });
  const second = await bot.runWebhooks({ port: 0, urlPath: '/two' });
  try {
    for (const server of [first, second]) {
      const response = await fetch(server.url, { method: 'POST', body: update(1) });
      assert.equal(response.status, 200);
      await response.arrayBuffer();
    }
    assert.deepEqual(seen, ['hi', 'hi']);
    await bot.stopBot();
    for (const server of [first, second]) {
      const outcome = await fetch(server.url, {
        method: 'POST',
        body: update(2),
        signal: AbortSignal.timeout(5000),
      }).then(
        (response) => `answered ${response.status}`,
        (error: Error) => (error.name === 'TimeoutError' ? 'no answer in 5 s' : 'refused'),
      );
      assert.equal(outcome, 'refused', `${server.url} after stopBot()`);
    }
  } finally {
    await first.close().catch(() => undefined);
    await second.close().catch(() => undefined);
  }
});
