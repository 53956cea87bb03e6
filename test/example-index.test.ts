// Every bot in examples/ says what it shows, is listed in docs/examples.md and is run by a test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';

const examples = readdirSync('examples').filter((name) => name.endsWith('.ts') && name !== 'run-main.ts');
const tests = readdirSync('test')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => readFileSync(`test/${name}`, 'utf8'))
  .join('\n');
const index = readFileSync('docs/examples.md', 'utf8');

test('examples/: at least 25 bots, each with a top comment, listed in docs/examples.md and tested', () => {
  assert.ok(examples.length >= 25, `only ${examples.length} examples`);
  const problems: string[] = [];
  for (const name of examples) {
    const source = readFileSync(`examples/${name}`, 'utf8');
    if (!source.startsWith('/**')) problems.push(`${name}: no top comment saying what it shows`);
    if (!index.includes(`(../examples/${name})`)) problems.push(`${name}: not listed in docs/examples.md`);
    // readme-tour.ts is only type-checked (it is the README's snippets, not a bot to run).
    if (name !== 'readme-tour.ts' && !tests.includes(`'../examples/${name.replace(/\.ts$/, '.js')}'`))
      problems.push(`${name}: no test/*.test.ts imports it`);
  }
  assert.deepEqual(problems, []);
});
