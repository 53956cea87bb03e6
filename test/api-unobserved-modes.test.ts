// Botte's unhandledRejection listener (src/api/unobserved-errors.ts) must keep Node's own choice
// for rejections that are not a bot's errors: `--unhandled-rejections=warn` (here through
// NODE_OPTIONS) keeps the process alive, `--unhandled-rejections=throw` (on the command line)
// ends it. Run in child processes (test/fixtures/unobserved-child.ts), where no test runner
// listens to unhandledRejection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashThenStop } from './unobserved-child-run.js';

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
