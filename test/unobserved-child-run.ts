// Drives test/fixtures/unobserved-child.ts: waits until its bot runs, leaves a rejection that is
// not a bot's error unhandled, then asks it to stop, and tells how the process ended.
import assert from 'node:assert/strict';
import { startChildWithLines } from './child-lines.js';

/**
 * Runs the fixture with `execArgv` before it and `NODE_OPTIONS` set to `nodeOptions` (removed when
 * undefined), plus `extraEnv`; resolves with its exit code and stderr once it ended.
 */
export async function crashThenStop(
  execArgv: string[],
  nodeOptions: string | undefined,
  extraEnv: Record<string, string> = {},
) {
  const env = { ...process.env, ...extraEnv };
  if (nodeOptions === undefined) delete env.NODE_OPTIONS;
  else env.NODE_OPTIONS = nodeOptions;
  const { child, next, send, exitWithin, stderr } = startChildWithLines('test/fixtures/unobserved-child.ts', {
    execArgv,
    env,
  });
  try {
    assert.equal(await next(), 'reported: ApiTelegramException 403', stderr());
    assert.equal(await next(), 'still alive: after', stderr());
    send('crash');
    // Node handles an unhandled rejection right after the current microtasks: by now it has.
    await new Promise((resolve) => setTimeout(resolve, 500));
    send('stop');
    const exit = await exitWithin(15_000);
    assert.notEqual(exit, 'timeout', 'the child neither crashed nor stopped within 15 s');
    return { code: exit === 'timeout' ? null : exit.code, stderr: stderr() };
  } finally {
    child.kill();
  }
}
