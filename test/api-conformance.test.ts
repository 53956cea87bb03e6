// Conformance with Botte's Bot API description, from the input `npm run generate` writes
// (test/fixtures/bot-api-conformance.json): every method exists on the bot, takes its required
// parameters and sends them to the emulator under Telegram's names; every update type reaches
// its registrar.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ApiTelegramException } from '../src/api/errors.js';
import { REGISTRARS } from '../src/dispatch/registrars.js';
import { BOT_API_METHOD_COUNT, BOT_API_VERSION } from '../src/api/generated/api-version.js';
import type { BotApiEmulator } from '../src/testing/index.js';
import { dispatchHarness, startClient } from './helpers.js';

interface ConformanceMethod {
  name: string;
  positional: string[];
  required: { name: string; type: string }[];
  optional: string[];
  /** Parameter → the dotted path whose presence lets a call leave the parameter out. */
  requiredUnless?: Record<string, string>;
}
const conformance = JSON.parse(
  readFileSync(new URL('./fixtures/bot-api-conformance.json', import.meta.url), 'utf8'),
) as {
  version: string;
  methods: ConformanceMethod[];
  updateTypes: string[];
};

/** A value of TypeScript type `type` (as the description spells it) that the emulator accepts. */
function sample(name: string, type: string): unknown {
  const t = type.trim();
  if (name === 'chat_id' || name === 'from_chat_id' || name === 'user_id') return 1001;
  if (t.endsWith('[]') || t.startsWith('ReadonlyArray<') || t.startsWith('Array<')) return [];
  const literal = /^"([^"]*)"/.exec(t);
  if (literal) return literal[1];
  if (/(^|\| )number( |$)/.test(t)) return 7;
  if (/(^|\| )string( |$)/.test(t) || /(^|\| )F( |$)/.test(t)) return `${name}-value`;
  if (t === 'boolean' || t === 'true') return true;
  return {};
}

/** Leading positional parameters a call must pass: up to the last required one. */
function requiredPositional(m: ConformanceMethod): string[] {
  const required = new Set(m.required.map((p) => p.name));
  let count = 0;
  m.positional.forEach((key, i) => {
    if (required.has(key)) count = i + 1;
  });
  return m.positional.slice(0, count);
}

describe(`Bot API ${BOT_API_VERSION} conformance`, () => {
  test('the conformance input matches the generated version and method count', () => {
    assert.equal(conformance.version, BOT_API_VERSION);
    assert.equal(conformance.methods.length, BOT_API_METHOD_COUNT);
  });

  let client: Awaited<ReturnType<typeof startClient>>;
  before(async () => {
    client = await startClient();
  });
  after(() => client.close());

  test("every method exists with its required parameters and sends them under Telegram's names", async () => {
    const problems: string[] = [];
    const bot = client.bot as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    for (const m of conformance.methods) {
      if (typeof bot[m.name] !== 'function') {
        problems.push(`${m.name}: not a method of the bot`);
        continue;
      }
      const types = new Map(m.required.map((p) => [p.name, p.type]));
      const positional = requiredPositional(m);
      const args: unknown[] = positional.map((key) => sample(key, types.get(key) ?? 'number | string'));
      const rest = m.required.filter((p) => !positional.includes(p.name));
      const options = Object.fromEntries(rest.map((p) => [p.name, sample(p.name, p.type)]));
      if (rest.length > 0) args.push(options);
      const before = client.emu.callsOf(m.name).length;
      try {
        await bot[m.name]!(...args);
      } catch (error) {
        // The emulator may refuse sample values (an unknown file_id...): the request still went out.
        if (!(error instanceof ApiTelegramException)) {
          problems.push(`${m.name}: ${String(error)}`);
          continue;
        }
      }
      const calls = client.emu.callsOf(m.name);
      if (calls.length !== before + 1) {
        problems.push(`${m.name}: no request reached the emulator`);
        continue;
      }
      const sent = calls.at(-1)!.params as Record<string, unknown>;
      const expected: Record<string, unknown> = {};
      positional.forEach((key, i) => {
        expected[key] = args[i];
      });
      Object.assign(expected, options);
      for (const [key, value] of Object.entries(expected)) {
        const got = sent[key];
        const same = JSON.stringify(got) === JSON.stringify(value) || String(got) === String(value);
        if (!same) problems.push(`${m.name}: ${key} sent as ${JSON.stringify(got)}, expected ${JSON.stringify(value)}`);
      }
      for (const key of Object.keys(sent)) {
        if (!(key in expected)) problems.push(`${m.name}: unexpected field ${key}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  test('a parameter that is "required unless" another is given may be left out, and only then', async () => {
    const problems: string[] = [];
    const bot = client.bot as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const withRule = conformance.methods.filter((m) => m.requiredUnless !== undefined);
    assert.ok(withRule.length > 0, 'the description has requiredUnless parameters');
    for (const m of withRule) {
      for (const [name, path] of Object.entries(m.requiredUnless!)) {
        const types = new Map(m.required.map((p) => [p.name, p.type]));
        const positional = requiredPositional(m);
        const query = client.emu.pushCallbackQuery('x');
        // The alternative given (e.g. ephemeral_message_parameters.callback_query_id): the call goes out without `name`.
        const [head, ...rest] = path.split('.');
        const alternative =
          rest.length === 0
            ? query.callback_query!.id
            : rest.reduceRight<unknown>((inner, key) => ({ [key]: inner }), query.callback_query!.id);
        const args = positional.map((key) =>
          key === name ? undefined : sample(key, types.get(key) ?? 'number | string'),
        );
        const extra = Object.fromEntries(
          m.required.filter((p) => !positional.includes(p.name)).map((p) => [p.name, sample(p.name, p.type)]),
        );
        try {
          await bot[m.name]!(...args, { ...extra, [head!]: alternative });
        } catch (error) {
          if (error instanceof ApiTelegramException && error.message.includes(`${name} is empty`))
            problems.push(`${m.name}: refused without ${name} although ${path} was given`);
        }
        const sent = client.emu.callsOf(m.name).at(-1)?.params as Record<string, unknown> | undefined;
        if (sent === undefined || name in sent)
          problems.push(`${m.name}: the call without ${name} did not go out as such`);
        // Neither given: Telegram's "<name> is empty".
        await assert.rejects(
          bot[m.name]!(...args, extra),
          new RegExp(`${name} is empty`),
          `${m.name} without ${name} nor ${path}`,
        );
      }
    }
    assert.deepEqual(problems, []);
  });
});

describe(`Bot API ${BOT_API_VERSION} update types`, () => {
  const harness = dispatchHarness();
  let emu: BotApiEmulator;
  before(async () => {
    emu = await harness.start();
  });
  after(() => harness.stop());

  test('the registrar table covers exactly the update types of the description', () => {
    assert.deepEqual(REGISTRARS.map((row) => row.updateType).sort(), [...conformance.updateTypes].sort());
  });

  test('every update type reaches its registrar and its register… twin', async () => {
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    const user = { id: 1001, is_bot: false, first_name: 'Ann' };
    const chat = { id: 1001, type: 'private', first_name: 'Ann' };
    const payload = (type: string, i: number): Record<string, unknown> => {
      const row = REGISTRARS.find((r) => r.updateType === type)!;
      if (row.kind === 'message')
        return {
          message_id: 100 + i,
          date: 1,
          chat,
          from: user,
          text: `m${i}`,
          ...(type.startsWith('edited') ? { edit_date: 2 } : {}),
        };
      if (row.kind === 'callback') return { id: `q${i}`, from: user, chat_instance: '1', data: 'x' };
      return { id: `o${i}`, from: user, user, chat, date: 1 };
    };
    conformance.updateTypes.forEach((type, i) => {
      const row = REGISTRARS.find((r) => r.updateType === type)!;
      const registrar = (bot as unknown as Record<string, (...args: unknown[]) => unknown>)[row.register]!;
      registrar.call(bot, () => {
        seen.push(type);
      });
      emu.pushUpdate({ [type]: payload(type, i) } as never);
    });
    await feed();
    assert.deepEqual(seen, conformance.updateTypes);
  });
});
