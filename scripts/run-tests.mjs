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
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, BOTTE_TEST: '1' },
});
process.exit(result.status ?? 1);
