// The repository as a newcomer meets it: a clean install on the oldest supported Node, a licence
// file, and the README's first commands pointing at scripts that exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  license: string;
  engines: { node: string };
  scripts: Record<string, string>;
  files: string[];
};
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

const parse = (v: string): number[] =>
  v
    .replace(/^v/, '')
    .split('.')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
const compare = (a: number[], b: number[]): number => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** Whether `version` satisfies an engines range of the simple forms npm packages use. */
function admits(range: string, version: string): boolean {
  const v = parse(version);
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .split(/\s+(?=[<>^~=])/)
      .every((part) => {
        const m = /^(>=|<=|>|<|\^|~|=)?\s*v?([\d.x*]+)$/.exec(part.trim());
        if (!m) return true;
        const [, op = '=', raw] = m;
        const r = parse(raw!.replace(/[x*]/g, '0'));
        const c = compare(v, r);
        switch (op) {
          case '>=':
            return c >= 0;
          case '>':
            return c > 0;
          case '<=':
            return c <= 0;
          case '<':
            return c < 0;
          case '^':
            return v[0] === r[0] && c >= 0;
          case '~':
            return v[0] === r[0] && v[1] === r[1] && c >= 0;
          default: {
            // `20`, `20.x` and `20.1` name every version they prefix; `20.1.2` names one version.
            const given = raw!.split('.').filter((piece) => /^\d+$/.test(piece)).length;
            return given < 3 ? v.slice(0, given).every((n, i) => n === r[i]) : c === 0;
          }
        }
      }),
  );
}

test('every locked package installs on the oldest supported Node without EBADENGINE', () => {
  const oldest = /(\d+\.\d+\.\d+)/.exec(pkg.engines.node)![1]!;
  assert.ok(admits('>=22', '20.18.1') === false && admits('>= 20.0.0', oldest), 'the range check itself works');
  assert.ok(
    admits('18 || 20 || >=22', '20.18.1') && !admits('^20.19.0 || >=23', '20.18.1'),
    'the range check itself works',
  );
  const refusing = Object.entries(lock.packages)
    .filter(([, entry]) => entry.engines && !Array.isArray(entry.engines) && typeof entry.engines.node === 'string')
    .filter(([, entry]) => !admits((entry.engines as { node: string }).node, oldest))
    .map(([name, entry]) => `${name} (${(entry.engines as { node: string }).node})`);
  assert.deepEqual(refusing, [], `these packages refuse Node ${oldest}; pin or override them in package.json`);
});

test('the licence package.json names is shipped as a LICENSE file', () => {
  assert.equal(pkg.license, 'MIT');
  assert.ok(existsSync('LICENSE'), 'LICENSE file missing');
  assert.match(readFileSync('LICENSE', 'utf8'), /^MIT License[\s\S]*Botte contributors/);
});

test("the README's first screen gives commands that work on a fresh clone", () => {
  const readme = readFileSync('README.md', 'utf8');
  const firstScreen = readme.slice(0, readme.indexOf('\n---\n'));
  const block = /In a fresh clone of this repository:\n\n```sh\n([\s\S]*?)```/.exec(firstScreen);
  assert.ok(block, 'the first screen has a shell block of fresh-clone commands');
  const commands = block[1]!
    .split('\n')
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter(Boolean);
  // `npm start` needs the dev dependencies (tsx), so the README must install first.
  assert.deepEqual(commands, ['npm install && npm start', 'npm test']);
  // CI runs them exactly as written, so a fresh clone is what CI checks.
  const ci = readFileSync('.ci/run', 'utf8')
    .split('\n')
    .map((line) => line.trim());
  for (const command of commands)
    assert.ok(ci.includes(command), `.ci/run runs \`${command}\` as the README writes it`);
  assert.match(pkg.scripts.start!, /examples\/echo-bot\.ts/);
  assert.ok(pkg.scripts.test);
});

test('`npm start` without BOT_TOKEN and without a terminal plays the conversation and ends by itself', () => {
  const env = { ...process.env };
  delete env.BOT_TOKEN;
  // What `npm start` runs (package.json "start"), with stdin not a terminal, as in CI.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/echo-bot.ts'], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 90_000,
  });
  assert.equal(run.error, undefined, `did not end within 90 s: ${String(run.error)}\n${run.stdout}`);
  assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
  assert.match(run.stdout, /user: \/start\nbot: {2}Howdy, how are you doing\?/);
  assert.match(run.stdout, /bot: {2}Echo me, please\./);
  assert.match(run.stdout, /Stopped\./);
});
