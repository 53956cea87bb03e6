// A handler that forgets to await a call that Telegram refuses must not kill the bot; other
// unhandled rejections keep Node's default (the process ends). Run in a child process, where
// no test runner listens to unhandledRejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

test('an un-awaited call refused by Telegram is reported and the bot goes on; other rejections still crash', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/unobserved-child.ts'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  assert.equal(await next(), 'reported: ApiTelegramException 403');
  assert.equal(await next(), 'still alive: after');
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.stdin!.write('crash\n');
  const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000))]);
  if (code === 'timeout') child.kill();
  assert.notEqual(code, 0, 'a rejection that is not a bot error must end the process');
  assert.notEqual(code, 'timeout');
  assert.match(stderr, /not a bot error/);
});
