// docs/first-hour.md stays true: each line of its TypeScript blocks is in examples/first-hour.ts
// (type-checked by `tsc -p test/tsconfig.json`), and the page's testing walk-through runs
// against the emulator with the outcome the page describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testingExample } from '../examples/first-hour.js';

test('every line of the code blocks of docs/first-hour.md is in examples/first-hour.ts', () => {
  const page = readFileSync('docs/first-hour.md', 'utf8');
  const example = new Set(
    readFileSync('examples/first-hour.ts', 'utf8')
      .split('\n')
      .map((line) => line.trim()),
  );
  const blocks = [...page.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  assert.ok(blocks.length >= 6, `found ${blocks.length} blocks`);
  // Imports from the package are imports from the sources in the example.
  const fromPackage = /^import .* from 'botte(\/\w+)?';$/;
  const missing = blocks.flatMap((block) =>
    block
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !fromPackage.test(line) && !example.has(line)),
  );
  assert.deepEqual(missing, [], 'lines of docs/first-hour.md missing from examples/first-hour.ts');
  // The README links the page.
  assert.match(readFileSync('README.md', 'utf8'), /\(docs\/first-hour\.md\)/);
});

test("the page's testing walk-through does what it says against the emulator", async () => {
  const lines: string[] = [];
  await testingExample((...parts: unknown[]) => lines.push(parts.map(String).join(' ')));
  assert.deepEqual(lines, ['blocked', 'vote:yes true']);
});
