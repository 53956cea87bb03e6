// handleSignals: SIGINT stops a polling bot gracefully (the running handler finishes, its
// update is confirmed, the process exits by itself); a second signal exits at once. Each in a
// child process, so that the signals reach only the bot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { sleep } from './helpers.js';

function startChild(mode: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/signals-child.ts', mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const exitWithin = (ms: number) =>
    Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);
  return { child, next, exitWithin, stderr: () => stderr };
}

test('SIGINT: the running handler finishes, its update is confirmed, and the process exits 0', async () => {
  const { child, next, exitWithin, stderr } = startChild('once');
  try {
    assert.equal(await next(), 'handling');
    child.kill('SIGINT');
    const summary = JSON.parse(await next());
    assert.deepEqual(summary, { replies: ['done: slow one'], confirmed: true, pending: 0, listeners: 0 });
    assert.equal(await exitWithin(10_000), 0, stderr());
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
    assert.equal(await exitWithin(15_000), 130, stderr());
    assert.match(stderr(), /again: exiting without waiting/);
  } finally {
    child.kill('SIGKILL');
  }
});
