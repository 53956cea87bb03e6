// Under `--unhandled-rejections=strict` Node raises an unhandled rejection as an uncaught
// exception *before* any unhandledRejection listener runs; a program that handles uncaught
// exceptions itself then sees each rejection once. Botte's listener must not raise it a second
// time (src/api/unobserved-errors.ts: "behave as if this listener were not there"), and a bot's
// own forgotten call still reaches the bot's exception handler. Run in a child process
// (test/fixtures/unobserved-child.ts), where no test runner listens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crashThenStop } from './unobserved-child-run.js';

test('with --unhandled-rejections=strict, a handled rejection that is not a bot error is not raised again', async () => {
  const { code, stderr } = await crashThenStop(['--unhandled-rejections=strict'], undefined, {
    BOTTE_OWN_UNCAUGHT: '1',
  });
  assert.equal(code, 0, `the process must go on and stop cleanly; stderr: ${stderr}`);
  assert.equal(stderr.match(/own uncaught handler: not a bot error/g)?.length, 1, stderr);
});
