// Without handleSignals a bot installs no signal listener: SIGINT ends the process at once, as it
// does for any Node program (a bot must not swallow Ctrl+C unless asked to).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startChildWithLines } from './child-lines.js';

const startChild = (mode: 'default' | 'once') =>
  startChildWithLines('test/fixtures/signals-child.ts', { args: [mode] });

test('without handleSignals, SIGINT ends the process by the signal, with no graceful stop', async () => {
  const { child, stderr, next, exitWithin } = startChild('default');
  try {
    assert.equal(await next(), 'handling');
    child.kill('SIGINT');
    assert.deepEqual(await exitWithin(10_000), { code: null, signal: 'SIGINT' }, stderr());
    assert.doesNotMatch(stderr(), /SIGINT received/);
  } finally {
    child.kill('SIGKILL');
  }
});

test('with handleSignals, SIGTERM (what Docker and systemd send) stops the bot gracefully like SIGINT', async () => {
  const { child, stderr, next, exitWithin } = startChild('once');
  try {
    assert.equal(await next(), 'handling');
    child.kill('SIGTERM');
    const summary = JSON.parse(await next());
    assert.deepEqual(summary.replies, ['done: slow one'], 'the running handler finished');
    assert.equal(summary.confirmed, true);
    assert.deepEqual(await exitWithin(10_000), { code: 0, signal: null }, stderr());
    assert.match(stderr(), /SIGTERM received: stopping the bot/);
  } finally {
    child.kill('SIGKILL');
  }
});
