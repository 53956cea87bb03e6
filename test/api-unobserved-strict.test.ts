// Under `--unhandled-rejections=strict` Node raises an unhandled rejection as an uncaught
// exception *before* any unhandledRejection listener runs; a program that handles uncaught
// exceptions itself then sees each rejection once. Botte's listener must not raise it a second
// time (src/api/unobserved-errors.ts: "behave as if this listener were not there"), and a bot's
// own forgotten call still reaches the bot's exception handler. Run in a child process
// (test/fixtures/unobserved-child.ts), where no test runner listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

test('with --unhandled-rejections=strict, a handled rejection that is not a bot error is not raised again', async () => {
  const env: NodeJS.ProcessEnv = { ...process.env, BOTTE_OWN_UNCAUGHT: '1' };
  delete env.NODE_OPTIONS;
  const child = spawn(
    process.execPath,
    ['--unhandled-rejections=strict', '--import', 'tsx', 'test/fixtures/unobserved-child.ts'],
    { stdio: ['pipe', 'pipe', 'pipe'], env },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => String((await lines.next()).value);
  try {
    assert.equal(await next(), 'reported: ApiTelegramException 403', stderr);
    assert.equal(await next(), 'still alive: after', stderr);
    child.stdin!.write('crash\n');
    // Node handles an unhandled rejection right after the current microtasks: by now it has.
    await new Promise((resolve) => setTimeout(resolve, 500));
    child.stdin!.write('stop\n');
    const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
    assert.notEqual(code, 'timeout', 'the child neither crashed nor stopped within 15 s');
    assert.equal(code, 0, `the process must go on and stop cleanly; stderr: ${stderr}`);
    assert.equal(stderr.match(/own uncaught handler: not a bot error/g)?.length, 1, stderr);
  } finally {
    child.kill();
  }
});
