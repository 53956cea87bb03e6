// Botte's Bot API description (spec/bot-api.json) is the one source of its method table, types,
// emulator method list and conformance input: the generated files must match it, and the README
// must state the version and method count it describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, readSpec } from '../scripts/generate-methods.js';
import { BOT_API_VERSION, BOT_API_METHOD_COUNT, UPDATE_TYPE_NAMES } from '../src/api/generated/api-version.js';
import { util } from '../src/index.js';

const spec = readSpec(new URL('../spec/bot-api.json', import.meta.url).pathname);

test('every generated file is up to date with spec/bot-api.json (run `npm run generate`)', () => {
  const stale: string[] = [];
  for (const [path, content] of generate(spec)) {
    const current = readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
    if (current !== content) stale.push(path);
  }
  assert.deepEqual(stale, []);
});

test('the README states the Bot API version and method count of the description', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const stated = /Bot API (\d+\.\d+), (\d+) methods/.exec(readme);
  assert.ok(stated, 'the README says "Bot API X.Y, N methods"');
  assert.equal(stated[1], spec.version);
  assert.equal(Number(stated[2]), spec.methods.length);
  assert.equal(BOT_API_VERSION, spec.version);
  assert.equal(BOT_API_METHOD_COUNT, spec.methods.length);
});

test('util.updateTypes lists every update type of the description, and Update has each as a field', () => {
  assert.deepEqual([...util.updateTypes], spec.updateTypes);
  assert.deepEqual([...UPDATE_TYPE_NAMES], spec.updateTypes);
  const update = spec.types.find((t) => t.name === 'Update' && t.kind === 'interface')!;
  assert.deepEqual(update.fields!.map((f) => f.name).filter((n) => n !== 'update_id'), spec.updateTypes);
});

test('every method of the description is well formed: unique, typed parameters, a result, its facts', () => {
  const names = new Set<string>();
  for (const m of spec.methods) {
    assert.ok(!names.has(m.name), `${m.name} twice`);
    names.add(m.name);
    assert.match(m.name, /^[a-z][A-Za-z]+$/);
    assert.ok(m.returns.length > 0, `${m.name} has a result type`);
    for (const p of m.params) assert.ok(p.type.length > 0 && /^[a-z_]+$/.test(p.name), `${m.name}.${p.name}`);
    for (const fact of ['returnsMessage', 'idempotent', 'webhookReply'] as const) assert.equal(typeof m[fact], 'boolean', `${m.name}.${fact}`);
  }
});
