// Botte's Bot API description (spec/bot-api.json) is the one source of its method table, types,
// emulator method list and conformance input: the generated files must match it, and the README
// must state the version and method count it describes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generate, readSpec, returnsMessage, type BotApiSpec } from '../scripts/generate-methods.js';
import { METHOD_TABLE } from '../src/api/generated/method-table.js';
import { DefaultFlag } from '../src/api/method-spec.js';
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
  assert.deepEqual(
    update.fields!.map((f) => f.name).filter((n) => n !== 'update_id'),
    spec.updateTypes,
  );
});

test('every method of the description is well formed: unique, typed parameters, a result, its facts', () => {
  const names = new Set<string>();
  for (const m of spec.methods) {
    assert.ok(!names.has(m.name), `${m.name} twice`);
    names.add(m.name);
    assert.match(m.name, /^[a-z][A-Za-z]+$/);
    assert.ok(m.returns.length > 0, `${m.name} has a result type`);
    for (const p of m.params) assert.ok(p.type.length > 0 && /^[a-z_]+$/.test(p.name), `${m.name}.${p.name}`);
    for (const fact of ['idempotent', 'webhookReply'] as const)
      assert.equal(typeof m[fact], 'boolean', `${m.name}.${fact}`);
  }
});

/** The description with its first method changed by `change` (a deep copy: `spec` stays as it is). */
function withFirstMethod(change: (method: Record<string, unknown>) => void): BotApiSpec {
  const copy = structuredClone(spec);
  change(copy.methods[0] as unknown as Record<string, unknown>);
  return copy;
}

test('a method without a decision on a fact fails the generation, naming the method and what to decide', () => {
  for (const fact of ['idempotent', 'webhookReply']) {
    const broken = withFirstMethod((m) => {
      delete m[fact];
    });
    assert.throws(
      () => generate(broken),
      (error: Error) =>
        error.message.includes(`${spec.methods[0]!.name}: no "${fact}"`) && error.message.includes('true when'),
    );
  }
});

test('whether a method returns a Message is derived from its result type; a written value must agree', () => {
  const table = generate(
    withFirstMethod((m) => {
      delete m.returnsMessage;
    }),
  ).get('src/api/generated/method-table.ts')!;
  assert.match(table, /getUpdates: \{[^\n]*returnsMessage: false/);
  const wrong = withFirstMethod((m) => {
    m.returnsMessage = true;
  });
  assert.throws(() => generate(wrong), /getUpdates: "returnsMessage": true, but its result type Update\[\] says false/);
  for (const [returns, expected] of [
    ['Message', true],
    ['Message.TextMessage', true],
    ['(Update.Edited & Message) | true', true],
    ['Message[]', true],
    ['MessageId', false],
    ['MessageId[]', false],
    ['SentWebAppMessage', false],
    ['PreparedInlineMessage', false],
    ['true', false],
  ] as const) {
    assert.equal(returnsMessage(returns), expected, returns);
  }
  assert.equal(METHOD_TABLE.getUserPersonalChatMessages.returnsMessage, true, 'a list of Messages is enriched too');
  assert.equal(METHOD_TABLE.copyMessage.returnsMessage, false, 'a MessageId is not a Message');
});

test('the constructor defaults a method takes come from DefaultFlag and its parameters', () => {
  assert.equal(
    METHOD_TABLE.sendMessage.defaults,
    DefaultFlag.parseMode |
      DefaultFlag.disableNotification |
      DefaultFlag.protectContent |
      DefaultFlag.replyParameters |
      DefaultFlag.linkPreviewOptions,
  );
  assert.equal(METHOD_TABLE.sendPhoto.defaults & DefaultFlag.linkPreviewOptions, 0);
  assert.equal(METHOD_TABLE.getMe.defaults, 0);
});
