// handleSignals: SIGINT stops a polling bot gracefully (the running handler finishes, its
// update is confirmed, the process exits by itself); a second signal exits at once. Each in a
// child process, so that the signals reach only the bot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep } from './helpers.js';
import { startChildWithLines } from './child-lines.js';

const startChild = (mode: string) => startChildWithLines('test/fixtures/signals-child.ts', { args: [mode] });

test('SIGINT: the running handler finishes, its update is confirmed, and the process exits 0', async () => {
  const { child, next, exitWithin, stderr } = startChild('once');
  try {
    assert.equal(await next(), 'handling');
    child.kill('SIGINT');
    const summary = JSON.parse(await next());
    assert.deepEqual(summary, { replies: ['done: slow one'], confirmed: true, pending: 0, listeners: 0 });
    assert.deepEqual(await exitWithin(10_000), { code: 0, signal: null }, stderr());
    assert.match(stderr(), /SIGINT received: stopping the bot/);
  } finally {
    child.kill('SIGKILL');
  }
});

test('a second SIGINT exits at once, without waiting for the handler', async () => {
  const { child, next, exitWithin, stderr } = startChild('twice');
  try {
    assert.equal(await next(), 'handling');
    child.kill('SIGINT');
    await sleep(200);
    child.kill('SIGINT');
    // The handler would take 30 s more and then exit with 0: exit code 130 well before that means
    // the second signal did it (the wide window keeps a busy machine from failing the test).
    assert.deepEqual(await exitWithin(15_000), { code: 130, signal: null }, stderr());
    assert.match(stderr(), /again: exiting without waiting/);
  } finally {
    child.kill('SIGKILL');
  }
});
