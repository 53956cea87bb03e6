// Mutation testing of what changed since the last recorded run (TESTING.md, "Mutation testing"):
// a full Stryker run takes hours on 2 cores, this one only the changed files of the core folders.
//
//   node scripts/mutation-changed.mjs            runs Stryker on the changed files (nothing to do: exit 0)
//   node scripts/mutation-changed.mjs --print    prints the files, the test files and the command only
//   node scripts/mutation-changed.mjs --json     the same as JSON (read by test/tooling-mutation-changed.test.ts)
//   node scripts/mutation-changed.mjs --since <commit>   compares against that commit instead
//   node scripts/mutation-changed.mjs --max-files <n>    mutates at most n files (the rest are listed as skipped)
//   node scripts/mutation-changed.mjs --break <score>     fails (exit 1) when the run's score is below <score> %
//   node scripts/mutation-changed.mjs --scores <report.json> [--break <score>]   only reads a Stryker JSON report
//   node scripts/mutation-changed.mjs --or-subset   when nothing changed, mutates the SUBSET below
//                                                   instead (what .ci/run does: the tool is run each time)
//
// The baseline is the commit on TESTING.md's line `mutation-baseline: <commit>`: the commit of
// the last run recorded there. Files changed since it (committed or not, added or modified; a
// deleted file has nothing to mutate) under src/runner, src/dispatch, src/api (not generated),
// src/webhook and src/states are mutated; a changed test file of one of those areas
// (test/runner-*.test.ts...) puts every source file of its folder back in, since a weaker test
// can let mutants of the unchanged code through (a test file added since cannot weaken anything,
// so it does not). The tests run are those of the areas concerned
// (STRYKER_TESTS=runner-,... as in stryker.config.mjs).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { percent, tally } from './mutation-tally.mjs';

/** The mutated folders (stryker.config.mjs's `mutate`) and the test file prefix of each. */
const AREAS = [
  { folder: 'src/runner/', tests: 'runner-' },
  { folder: 'src/dispatch/', tests: 'dispatch-' },
  { folder: 'src/api/', tests: 'api-', except: 'src/api/generated/' },
  { folder: 'src/webhook/', tests: 'webhook-' },
  { folder: 'src/states/', tests: 'states-' },
];

/**
 * The documented subset (TESTING.md) that `--or-subset` mutates when nothing changed: two core
 * files whose exactly-once and reply-target logic is pure, with the unit-level test files that
 * reach them, so the run takes a few minutes on 2 cores and still fails CI below --break.
 */
const SUBSET = {
  files: ['src/runner/offset-tracker.ts', 'src/api/reply-target.ts'],
  tests: ['runner-offset-tracker', 'api-answers'],
};

function fail(message) {
  console.error(`mutation-changed: ${message}`);
  process.exit(2);
}

function option(name) {
  const at = process.argv.indexOf(name);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith('--')) fail(`${name} needs a value`);
  return value;
}

function git(...args) {
  return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function baseline() {
  const given = option('--since');
  if (given) return given;
  if (!existsSync('TESTING.md')) fail('no TESTING.md here (run from the repository root) and no --since');
  const found = /^mutation-baseline: `?([0-9a-f]{7,40})`?\s*$/m.exec(readFileSync('TESTING.md', 'utf8'));
  if (!found) fail('TESTING.md has no line "mutation-baseline: <commit>"; give --since <commit>');
  return found[1];
}

function areaOf(file) {
  return AREAS.find((area) => file.startsWith(area.folder) && !(area.except && file.startsWith(area.except)));
}

function isMutable(file) {
  return file.endsWith('.ts') && !file.endsWith('.d.ts') && areaOf(file) !== undefined && existsSync(file);
}

function sourcesOf(area) {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(`${path}/`);
      else if (isMutable(path)) out.push(path);
    }
  };
  walk(area.folder);
  return out;
}

/** Per-file and total score of a Stryker JSON report (scripts/mutation-tally.mjs). */
function scores(reportPath) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  const rows = [];
  const total = { detected: 0, valid: 0 };
  for (const [file, { mutants }] of Object.entries(report.files ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const { counts, detected, valid } = tally(mutants);
    total.detected += detected;
    total.valid += valid;
    rows.push({ file, detected, valid, counts });
  }
  return { rows, total };
}

/** Prints the scores of `reportPath`; exits 1 when --break is given and the total is below it. */
function checkScores(reportPath) {
  const limit = option('--break');
  if (limit !== undefined && !Number.isFinite(Number(limit))) fail('--break needs a number (a percentage)');
  const { rows, total } = scores(reportPath);
  for (const row of rows) {
    const counts = Object.entries(row.counts)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ');
    console.log(
      `  ${row.file}: ${percent(row.detected, row.valid).toFixed(1)} % (${row.detected}/${row.valid}; ${counts})`,
    );
  }
  const score = percent(total.detected, total.valid);
  console.log(`mutation-changed: score ${score.toFixed(1)} % (${total.detected}/${total.valid})`);
  if (limit !== undefined && score < Number(limit)) {
    console.log(
      `mutation-changed: below ${limit} %: kill the survivors with tests, or explain them as equivalent in TESTING.md`,
    );
    process.exit(1);
  }
  process.exit(0);
}

const reportToRead = option('--scores');
if (reportToRead) checkScores(reportToRead);

const since = baseline();
try {
  git('rev-parse', '--verify', '--quiet', `${since}^{commit}`);
} catch {
  fail(`the baseline ${since} is not a commit of this repository`);
}
// Against the working tree: committed and uncommitted changes; untracked files are added too.
const changed = new Set(
  [
    ...git('diff', '--name-only', '--diff-filter=AMR', since).split('\n'),
    ...git('ls-files', '--others', '--exclude-standard').split('\n'),
  ].filter(Boolean),
);
// Test files that existed at the baseline and were changed: only those can have been weakened.
// A test file added since can only kill more mutants, so it puts nothing back in.
const changedTests = new Set(git('diff', '--name-only', '--diff-filter=MR', since).split('\n').filter(Boolean));

const mutate = new Set();
const areas = new Set();
for (const file of changed) {
  if (isMutable(file)) {
    mutate.add(file);
    areas.add(areaOf(file));
  }
  const test = changedTests.has(file) ? /^test\/([a-z]+-)[^/]*\.test\.ts$/.exec(file) : null;
  const area = test && AREAS.find((candidate) => candidate.tests === test[1]);
  if (area) {
    for (const source of sourcesOf(area)) mutate.add(source);
    areas.add(area);
  }
}

const max = option('--max-files');
if (max !== undefined && !(Number.isInteger(Number(max)) && Number(max) > 0))
  fail('--max-files needs a positive whole number');
const subset = mutate.size === 0 && process.argv.includes('--or-subset');
const all = subset ? SUBSET.files : [...mutate].sort();
const files = max === undefined ? all : all.slice(0, Number(max));
const skipped = all.slice(files.length);
const tests = subset ? SUBSET.tests : AREAS.filter((area) => areas.has(area)).map((area) => area.tests);
const command =
  files.length === 0
    ? undefined
    : `STRYKER_TESTS=${tests.join(',')} npx stryker run stryker.config.mjs --mutate ${files.join(',')}`;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ since, files, skipped, tests, command, subset }, null, 2));
  process.exit(0);
}
if (subset) console.log('mutation-changed: nothing in the mutated folders changed; --or-subset: the documented subset');
console.log(
  `mutation-changed: since ${since}, ${files.length} file(s) to mutate${skipped.length ? ` (${skipped.length} skipped by --max-files: ${skipped.join(', ')})` : ''}`,
);
for (const file of files) console.log(`  ${file}`);
if (!command) {
  console.log('mutation-changed: nothing in the mutated folders changed');
  process.exit(0);
}
console.log(`  tests: ${tests.join(',')}\n  ${command}`);
if (process.argv.includes('--print')) process.exit(0);
const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs', '--mutate', files.join(',')], {
  stdio: 'inherit',
  env: { ...process.env, STRYKER_TESTS: tests.join(',') },
});
if (run.status !== 0) process.exit(run.status ?? 1);
// stryker.config.mjs's JSON report of this run.
checkScores('reports/mutation/mutation.json');
