// The reliability suite (RELIABILITY.md): test/reliability/*.test.ts plus the fuzz and token
// secrecy tests with more runs. Scaled down by default (about 2 minutes on 2 cores);
// BOTTE_RELIABILITY_FULL=1 runs the full sizes. Figures are printed as `# FIGURE {...}` lines.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const full = process.env.BOTTE_RELIABILITY_FULL === '1';
const files = readdirSync('test/reliability')
  .filter((name) => name.endsWith('.test.ts'))
  .sort()
  .map((name) => `test/reliability/${name}`);
files.push('test/runner-poison.test.ts', 'test/api-token-secrecy.test.ts');
const result = spawnSync(
  process.execPath,
  ['--expose-gc', '--import', 'tsx', '--test', '--test-concurrency=1', ...files],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      BOTTE_TEST: '1',
      BOTTE_FUZZ_RUNS: process.env.BOTTE_FUZZ_RUNS ?? (full ? '50000' : '2000'),
      BOTTE_FUZZ_POLL_RUNS: process.env.BOTTE_FUZZ_POLL_RUNS ?? (full ? '2000' : '150'),
    },
  },
);
process.exit(result.status ?? 1);
