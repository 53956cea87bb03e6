// scripts/mutation-changed.mjs picks the files a CI mutation run mutates: those of the core
// folders changed since the commit TESTING.md records. Checked on a real git repository in a
// temporary folder (the script is run there, as CI runs it at the repository root).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const script = resolve('scripts/mutation-changed.mjs');
let repo: string;

function write(file: string, text = `export const x = ${JSON.stringify(file)};\n`): void {
  mkdirSync(dirname(join(repo, file)), { recursive: true });
  writeFileSync(join(repo, file), text);
}
function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
}
function commitAll(message: string): string {
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
}
interface Picked {
  since: string;
  files: string[];
  skipped: string[];
  tests: string[];
  command?: string;
  subset?: boolean;
}
function pick(...args: string[]): Picked {
  const run = spawnSync(process.execPath, [script, '--json', ...args], { cwd: repo, encoding: 'utf8' });
  assert.equal(run.status, 0, `the script failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Picked;
}

let base: string;
before(() => {
  repo = mkdtempSync(join(tmpdir(), 'botte-mutation-changed-'));
  git('init', '-q');
  for (const file of [
    'src/runner/polling.ts',
    'src/runner/botte.ts',
    'src/api/client.ts',
    'src/api/generated/methods.ts',
    'src/dispatch/filters.ts',
    'src/webhook/core.ts',
    'src/states/file-lock.ts',
    'src/states/redis-storage.ts',
    'src/logger.ts',
    'test/runner-echo.test.ts',
    'test/states-redis.test.ts',
  ])
    write(file);
  base = commitAll('start');
  write('TESTING.md', `# Testing\n\nmutation-baseline: ${base}\n`);
  commitAll('record the run');
});
after(() => rmSync(repo, { recursive: true, force: true }));

test('--or-subset: nothing changed, so the documented subset is mutated (CI runs the tool every time)', () => {
  const picked = pick('--or-subset');
  assert.equal(picked.subset, true);
  assert.deepEqual(picked.files, ['src/runner/offset-tracker.ts', 'src/api/reply-target.ts']);
  assert.deepEqual(picked.tests, ['runner-offset-tracker', 'api-answers']);
  assert.match(picked.command ?? '', /^STRYKER_TESTS=runner-offset-tracker,api-answers npx stryker run/);
});

test('nothing changed since the recorded commit: nothing to mutate, and the script says so', () => {
  const picked = pick();
  assert.equal(picked.since, base);
  assert.deepEqual(picked.files, []);
  assert.equal(picked.command, undefined);
  const run = spawnSync(process.execPath, [script], { cwd: repo, encoding: 'utf8' });
  assert.equal(run.status, 0);
  assert.match(run.stdout, /nothing in the mutated folders changed/);
});

test('changed, added and uncommitted files of the core folders are mutated; generated code, other folders and deleted files are not', () => {
  write('src/runner/polling.ts', 'export const x = 2;\n');
  write('src/api/generated/methods.ts', 'export const x = 2;\n');
  write('src/logger.ts', 'export const x = 2;\n');
  write('src/webhook/new-adapter.ts');
  commitAll('change');
  write('src/states/file-lock.ts', 'export const x = 3;\n'); // not committed
  write('src/dispatch/new-filter.ts'); // untracked
  unlinkSync(join(repo, 'src/states/redis-storage.ts'));
  write('src/api/README.md', 'not code\n');
  const picked = pick();
  assert.deepEqual(picked.files, [
    'src/dispatch/new-filter.ts',
    'src/runner/polling.ts',
    'src/states/file-lock.ts',
    'src/webhook/new-adapter.ts',
  ]);
  assert.deepEqual(picked.tests, ['runner-', 'dispatch-', 'webhook-', 'states-']);
  assert.equal(
    picked.command,
    'STRYKER_TESTS=runner-,dispatch-,webhook-,states- npx stryker run stryker.config.mjs --mutate src/dispatch/new-filter.ts,src/runner/polling.ts,src/states/file-lock.ts,src/webhook/new-adapter.ts',
  );
  const withSubset = pick('--or-subset');
  assert.equal(withSubset.subset, false, 'the subset only stands in when nothing changed');
  assert.deepEqual(withSubset.files, picked.files);
  commitAll('more');
});

test('a changed test file puts its whole folder back in (a weaker test can let old mutants through)', () => {
  const since = git('rev-parse', 'HEAD');
  write('test/runner-echo.test.ts', '// changed\n');
  const picked = pick('--since', since);
  assert.deepEqual(picked.files, ['src/runner/botte.ts', 'src/runner/polling.ts']);
  assert.deepEqual(picked.tests, ['runner-']);
  commitAll('test change');
});

test('an added test file puts nothing back in: a new test can only kill more mutants', () => {
  const since = git('rev-parse', 'HEAD');
  write('test/states-new-case.test.ts', '// new\n');
  assert.deepEqual(pick('--since', since).files, []);
  commitAll('new test');
  assert.deepEqual(pick('--since', since).files, [], 'committed, it is still an added file');
});

test('--max-files keeps the run short and lists what it left out', () => {
  const picked = pick('--since', base, '--max-files', '2');
  assert.equal(picked.files.length, 2);
  assert.ok(picked.skipped.length > 0);
  assert.deepEqual([...picked.files, ...picked.skipped], [...picked.files, ...picked.skipped].sort());
});

test('a missing baseline or an unknown commit is a clear error, not a full run', () => {
  write('TESTING.md', '# Testing\n');
  let run = spawnSync(process.execPath, [script, '--json'], { cwd: repo, encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /no line "mutation-baseline: <commit>"/);
  run = spawnSync(process.execPath, [script, '--json', '--since', 'deadbeef'], { cwd: repo, encoding: 'utf8' });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /deadbeef is not a commit/);
});

test('--scores reads a Stryker report: per-file and total score, and --break fails below the limit', () => {
  const mutant = (status: string) => ({ status });
  const report = {
    files: {
      'src/states/key.ts': {
        mutants: [mutant('Killed'), mutant('Killed'), mutant('Timeout'), mutant('Survived'), mutant('Ignored')],
      },
      'src/runner/polling.ts': {
        mutants: [mutant('Killed'), mutant('NoCoverage'), mutant('CompileError'), mutant('Killed')],
      },
    },
  };
  writeFileSync(join(repo, 'report.json'), JSON.stringify(report));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [script, '--scores', 'report.json', ...args], { cwd: repo, encoding: 'utf8' });
  const plain = run();
  assert.equal(plain.status, 0, plain.stderr);
  assert.match(plain.stdout, /src\/runner\/polling\.ts: 66\.7 % \(2\/3; Killed 2, NoCoverage 1, CompileError 1\)/);
  assert.match(plain.stdout, /src\/states\/key\.ts: 75\.0 % \(3\/4;/);
  assert.match(plain.stdout, /score 71\.4 % \(5\/7\)/);
  assert.equal(run('--break', '70').status, 0);
  const below = run('--break', '85');
  assert.equal(below.status, 1);
  assert.match(below.stdout, /below 85 %/);
});
