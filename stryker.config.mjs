// Mutation testing (`npm run mutation`, see TESTING.md): Stryker mutates the core folders and runs
// the node:test files (through tsx) that cover each mutant; a mutant no test notices "survives".
// Not part of `npm test`: a full run takes hours on 2 cores. For a part of it:
//   STRYKER_TESTS=runner-,api-retry npm run mutation -- --mutate src/runner/offset-tracker.ts
// (STRYKER_TESTS: comma-separated parts of test file names, as for scripts/run-tests.mjs).
import { readdirSync } from 'node:fs';

const only = process.env.STRYKER_TESTS?.split(',').filter(Boolean);
// Not run against mutants: the packed-package smoke test checks dist/ (not the mutated src/),
// and the TSDoc check reads comments.
const skipped = new Set(['package-smoke.test.ts', 'docs-tsdoc.test.ts']);
const testFiles = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts') && !skipped.has(name))
  .filter((name) => !only || only.some((part) => name.includes(part)))
  .sort()
  .map((name) => `test/${name}`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'tap',
  tap: {
    testFiles,
    nodeArgs: ['--test-reporter=tap', '-r', '{{hookFile}}', '--import', 'tsx', '{{testFile}}'],
    forceBail: true,
  },
  mutate: [
    'src/runner/**/*.ts',
    'src/dispatch/**/*.ts',
    'src/api/**/*.ts',
    '!src/api/generated/**',
    'src/webhook/**/*.ts',
    'src/states/**/*.ts',
  ],
  // The tap runner measures coverage per test file: each mutant runs only the files that reach it.
  coverageAnalysis: 'perTest',
  // Code that runs at import time (method tables...) would need every file rerun per mutant.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  concurrency: 2,
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // `live` (scripts/stryker-live-reporter.mjs) keeps each result as it comes: a stopped run loses nothing.
  plugins: ['@stryker-mutator/*', new URL('./scripts/stryker-live-reporter.mjs', import.meta.url).pathname],
  reporters: ['clear-text', 'progress', 'json', 'html', 'live'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  clearTextReporter: {
    allowColor: false,
    logTests: false,
    maxTestsToLog: 0,
    reportMutants: true,
    reportScoreTable: true,
  },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['coverage', 'reports', 'bench', 'dist', 'examples/**/node_modules', '.stryker-tmp*'],
  cleanTempDir: 'always',
};
