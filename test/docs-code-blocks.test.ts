// Every ```ts block of README.md and docs/*.md type-checks against src/ (scripts/check-doc-blocks.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = '../scripts/check-doc-blocks.mjs';

test('the TypeScript blocks of README.md and docs/*.md type-check, and a broken block is reported with its line', () => {
  // One tsc run for both checks: the real docs plus a planted broken file, whose error must be the only one.
  const dir = mkdtempSync(join(tmpdir(), 'botte-docblocks-'));
  try {
    const broken = join(dir, 'broken.md');
    writeFileSync(
      broken,
      ['# Broken', '', '```ts', "bot.handleMsg({ commands: ['x'] }, (m) => m.text.toFixed());", '```', ''].join('\n'),
    );
    const result = spawnSync(process.execPath, ['scripts/check-doc-blocks.mjs', '--also', broken], {
      encoding: 'utf8',
    });
    assert.equal(result.status, 1, `${result.stdout}${result.stderr}`);
    const problems = result.stderr.split('\n').filter((line) => / error TS\d+/.test(line));
    assert.equal(problems.length, 1, `only the planted error, but got:\n${result.stderr}`);
    assert.match(problems[0]!, /broken\.md:4:\d+ error TS\d+: Property 'toFixed' does not exist on type 'string'/);
    assert.match(result.stdout, /\d+ TypeScript code blocks in \d+ Markdown files checked/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('extractBlocks: ts/typescript fences only, skip-check honoured, line numbers kept', async () => {
  const { extractBlocks } = (await import(script)) as {
    extractBlocks(markdown: string): Array<{ line: number; code: string }>;
  };
  const markdown = [
    '# T',
    '```ts',
    'const a = 1;',
    '```',
    '```sh',
    'ls',
    '```',
    '```ts skip-check',
    'nope(',
    '```',
    '  ```typescript',
    '  let b = 2;',
    '  ```',
  ].join('\n');
  assert.deepEqual(extractBlocks(markdown), [
    { line: 3, code: 'const a = 1;' },
    { line: 12, code: 'let b = 2;' },
  ]);
});
