// The layer rule of src/ (docs/CONTRIBUTING.md, "Layers"), checked on the real sources, and shown
// to catch what it is for: a planted upward import, a planted cycle, a folder without a layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkLayers, importsOf, readSources } from '../scripts/check-layers.js';

const sources = readSources('src');

test('every import in src/ follows the layer direction, with no cycle between folders', () => {
  assert.ok(sources.size > 100, `read only ${sources.size} files from src/`);
  assert.deepEqual(checkLayers(sources), []);
});

test('the import parser sees static, type-only, re-exported, dynamic and type-level imports and augmentations', () => {
  const source = [
    "import { a } from './a.js';",
    "import type { B } from '../b.js';",
    "export { c } from './c.js';",
    "export * as d from './d.js';",
    "const e = await import('./e.js');",
    "type F = typeof import('./f.js');",
    "declare module './g.js' { interface G { g: 1 } }",
    "import { readFile } from 'node:fs';",
  ].join('\n');
  assert.deepEqual(importsOf(source), ['./a.js', '../b.js', './c.js', './d.js', './e.js', './f.js', './g.js']);
});

test('an upward import is reported with its file and specifier', () => {
  const planted = new Map(sources);
  planted.set('util/planted.ts', "import type { Botte } from '../runner/botte.js';\nexport type X = Botte;\n");
  const problems = checkLayers(planted);
  assert.ok(
    problems.some((p) => p.startsWith("src/util/planted.ts imports '../runner/botte.js': util may not import runner")),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.startsWith('import cycle between folders') && p.includes('src/util/planted.ts')),
    problems.join('\n'),
  );
});

test('folders of one layer may not import each other, nor may library code import a barrel', () => {
  const planted = new Map(sources);
  planted.set('webhook/planted.ts', "export { CallbackData } from '../callback-data/callback-data.js';\n");
  planted.set('dispatch/planted.ts', "export * from '../states/index.js';\n");
  const problems = checkLayers(planted);
  assert.ok(
    problems.some((p) => p.includes('src/webhook/planted.ts') && p.includes('sit in one layer')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((p) => p.includes('src/dispatch/planted.ts') && p.includes('namespace barrel')),
    problems.join('\n'),
  );
});

test('a folder that has no layer yet is named, with where to add it', () => {
  const planted = new Map(sources);
  planted.set('brand-new/thing.ts', 'export const thing = 1;\n');
  assert.deepEqual(checkLayers(planted), [
    'src/brand-new/thing.ts: its folder has no layer; add it to LAYERS in scripts/check-layers.ts and to docs/CONTRIBUTING.md',
  ]);
});
