// Botte's unhandledRejection listener (src/api/unobserved-errors.ts) must keep Node's own choice
// for rejections that are not a bot's errors: `--unhandled-rejections=warn` (here through
// NODE_OPTIONS) keeps the process alive, `--unhandled-rejections=throw` (on the command line)
// ends it. Run in child processes (test/fixtures/unobserved-child.ts), where no test runner
// listens to unhandledRejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/** Starts the fixture, waits until its bot runs, leaves a non-bot rejection unhandled, then asks it to stop. */
async function crashThenStop(
  execArgv: string[],
  nodeOptions: string | undefined,
  extraEnv: Record<string, string> = {},
) {
  const env = { ...process.env, ...extraEnv };
  if (nodeOptions === undefined) delete env.NODE_OPTIONS;
  else env.NODE_OPTIONS = nodeOptions;
  const child = spawn(process.execPath, [...execArgv, '--import', 'tsx', 'test/fixtures/unobserved-child.ts'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env,
  });
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
    return { code, stderr };
  } finally {
    child.kill();
  }
}

test('with --unhandled-rejections=warn in NODE_OPTIONS, a rejection that is not a bot error only warns', async () => {
  const { code, stderr } = await crashThenStop([], '--unhandled-rejections=warn');
  assert.equal(code, 0, `the process must go on and stop cleanly; stderr: ${stderr}`);
});

test('with --unhandled-rejections=throw on the command line, a rejection that is not a bot error ends the process', async () => {
  const { code, stderr } = await crashThenStop(['--unhandled-rejections=throw'], undefined);
  assert.notEqual(code, 0, 'a rejection that is not a bot error must end the process');
  assert.match(stderr, /not a bot error/);
});

test("with a listener of the program's own, a rejection that is not a bot error is left to it", async () => {
  const { code, stderr } = await crashThenStop([], undefined, { BOTTE_OWN_LISTENER: '1' });
  assert.equal(code, 0, `the process must go on and stop cleanly; stderr: ${stderr}`);
  assert.match(stderr, /own listener: not a bot error/);
});
