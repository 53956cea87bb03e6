// A call that leaves out a required file (sendPhoto without `photo`, setChatPhoto, uploadStickerFile,
// ...) gets Telegram's own answer from the emulator: `Bad Request: there is no <name> in the
// request`. Every required parameter whose type in spec/bot-api.json is a file (`F`, `F | string`)
// is tried, so that the emulator's list of file parameters (MEDIA_FIELDS of
// src/testing/send-methods.ts) cannot fall behind the Bot API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readSpec } from '../scripts/generate-methods.js';
import { METHOD_TABLE } from '../src/api/generated/method-table.js';
import { useEmulator } from './emulator-harness.js';

const spec = readSpec(new URL('../spec/bot-api.json', import.meta.url).pathname);

/** [method, the required file parameter, the required parameters before it]. */
const cases: [string, string, string[]][] = [];
for (const method of spec.methods) {
  const entry = (METHOD_TABLE as unknown as Record<string, { positional: string[]; required: number } | string>)[
    method.name
  ];
  if (typeof entry !== 'object') continue;
  const required = entry.positional.slice(0, entry.required);
  required.forEach((name, i) => {
    const type = method.params.find((param) => param.name === name)?.type;
    if (type === 'F' || type === 'F | string') cases.push([method.name, name, required.slice(0, i)]);
  });
}

const emu = await useEmulator();

test('the spec has required file parameters to check (sendPhoto, setChatPhoto, uploadStickerFile, ...)', () => {
  const names = cases.map(([method, name]) => `${method}.${name}`);
  for (const known of ['sendPhoto.photo', 'sendDocument.document', 'setChatPhoto.photo', 'uploadStickerFile.sticker'])
    assert.ok(names.includes(known), `${known} in ${names.join(', ')}`);
});

test('each required file left out is answered "there is no <name> in the request"', async () => {
  const wrong: string[] = [];
  for (const [method, name, before] of cases) {
    // The parameters checked before the file are present (any value: only presence is checked first).
    const params = Object.fromEntries(before.map((other) => [other, other === 'chat_id' ? 1 : 'x']));
    const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    });
    const body = (await res.json()) as { ok: boolean; description?: string };
    const expected = `Bad Request: there is no ${name} in the request`;
    if (res.status !== 400 || body.description !== expected)
      wrong.push(`${method} without ${name}: ${res.status} ${body.description}`);
  }
  assert.deepEqual(wrong, []);
});
