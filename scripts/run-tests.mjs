// Runs every test/*.test.ts file with Node's own test runner (TypeScript through tsx).
// Node 20's `--test` takes no globs, so the file list is built here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort()
  .map((name) => `test/${name}`);
// A last-resort deadline, so that a broken build fails instead of hanging CI: on Node 20 it bounds
// each test file, on Node 22+ each test. Waiting loops in the tests have their own, shorter
// deadlines with a message saying what did not happen (test/helpers.ts: waitFor). A test that
// failed half-way may leave a bot polling: --test-force-exit ends the file once its tests are done
// (test/blocking-report.mjs keeps that exit from losing the file's last reports).
const TEST_TIMEOUT_MS = 300_000;
const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    './test/blocking-report.mjs',
    '--test',
    '--test-concurrency=2',
    '--test-force-exit',
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    ...files,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, BOTTE_TEST: '1' },
  },
);
process.exit(result.status ?? 1);
