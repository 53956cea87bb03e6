// Un-awaited state calls, step-handler registrations and downloads that reject (storage down,
// missing file) are reported to the exceptionHandler and the bot goes on, as un-awaited Bot API
// calls are (see dispatch-unobserved.test.ts). Run in a child process, where no test runner
// listens to unhandledRejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

test('un-awaited state calls, step handlers and downloads that reject are reported; the process lives on', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/unobserved-states-child.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await Promise.race([
    new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode))),
    new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000)),
  ]);
  if (code === 'timeout') child.kill('SIGKILL');
  assert.equal(code, 0, `the child ended with ${code}\nstdout:\n${stdout}\nstderr:\n${stderr}`);
  const reported = stdout
    .split('\n')
    .filter((line) => line.startsWith('reported: '))
    .sort();
  assert.deepEqual(
    reported,
    [
      'reported: A request to the Telegram API failed (method downloadFile): HTTP 404 for no/such/file.txt',
      'reported: A request to the Telegram API failed (method getFile): Telegram returned no file_path for this file',
      'reported: storage down (getData)',
      'reported: storage down (getState)',
      'reported: storage down (setData)',
      'reported: storage down (setState)',
      'reported: storage down (steps)',
    ],
    `stdout:\n${stdout}\nstderr:\n${stderr}`,
  );
  assert.match(stdout, /still alive: echo after/);
  assert.match(stdout, /stopped/);
});
