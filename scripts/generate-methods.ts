/**
 * Generates everything Botte derives from its Bot API description, spec/bot-api.json (see
 * docs/bot-api-description.md for its format and for how to move to a new Bot API version).
 *
 * Output (committed; `npm run generate` rewrites it, test/api-description.test.ts checks it is current):
 * - src/api/generated/telegram-types.ts: every Bot API type and the `ApiMethods` signatures;
 * - src/api/generated/method-table.ts: per method its positional parameters, the constructor
 *   defaults it takes and Botte's facts (Message result, safe to repeat, webhook reply);
 * - src/api/generated/bot-api-methods.ts: the typed `BotApiMethods` interface;
 * - src/api/generated/api-version.ts: the version, the method count and the update types;
 * - src/testing/method-names.ts: the emulator's method list;
 * - test/fixtures/bot-api-conformance.json: what the conformance test checks per method.
 *
 * `--check` writes nothing and exits 1 when a file differs from what it would write.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefaultFlag } from '../src/api/method-spec.js';

/** A parameter of a method, or a field of an object type. */
export interface SpecField {
  name: string;
  type: string;
  required: boolean;
  readonly?: boolean;
  description?: string;
  /**
   * Telegram's "required unless …": the parameter may be left out when this other one (a dotted
   * path into the parameters) is given, e.g. chat_id of an ephemeral reply to a callback query.
   */
  requiredUnless?: string;
}
/** One Bot API method. */
export interface SpecMethod {
  name: string;
  description?: string;
  params: SpecField[];
  returns: string;
  /** Positional parameters when they differ from "the required ones, in Telegram's order". */
  positional?: string[];
  /** The parameter object is required although every parameter is optional. */
  argsRequired?: boolean;
  /**
   * The result is a Message (or a list of them, or true) that gets `content_type` and `from_user`.
   * Derived from `returns` (see {@link returnsMessage}); when written, it must say the same.
   */
  returnsMessage?: boolean;
  /** Repeating the call after a failure cannot duplicate anything visible. Required: no default. */
  idempotent: boolean;
  /** The call may travel in the body of a webhook response. Required: no default. */
  webhookReply: boolean;
  /** The Bot API version that added the method or last changed it, when later than 10.3, the version spec/bot-api.json was first written for. */
  since?: string;
}
/** One type: an interface with fields, or an alias with a TypeScript type expression. */
export interface SpecType {
  name: string;
  kind: 'interface' | 'alias';
  exported: boolean;
  typeParameters?: string;
  extends?: string[];
  description?: string;
  fields?: SpecField[];
  type?: string;
  since?: string;
}
/** The whole description. */
export interface BotApiSpec {
  version: string;
  date: string;
  methods: SpecMethod[];
  aliases: { name: string; target: string; description?: string }[];
  updateTypes: string[];
  types: SpecType[];
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The constructor defaults a method takes, as bit flags: one per parameter named like a key of
 * `DefaultFlag` (src/api/method-spec.ts, the one list of them), in snake_case.
 */
function defaultFlags(method: SpecMethod): number {
  let flags = 0;
  for (const param of method.params) flags |= (DefaultFlag as Record<string, number>)[camel(param.name)] ?? 0;
  return flags;
}

/** Whether the result type names a Message (`Message`, `Message.TextMessage`, `Message[]`, `... | true`). */
export function returnsMessage(returns: string): boolean {
  return /(^|[^\w.])Message\b/.test(returns);
}

/** What each method's facts must say, for the error of a method that lacks one. */
const DECISIONS = {
  idempotent:
    'true when repeating the call after a failure cannot duplicate anything visible (it is then retried after 5xx and network errors)',
  webhookReply:
    'true when the call may travel in the body of a webhook response (replyInResponse): no uploads needed and its result not useful',
} as const;

/**
 * Botte's facts of every method, checked: a method added to the description without a decision
 * on each fact fails the generation (with what to decide), instead of silently getting a default.
 */
export function methodFacts(
  methods: readonly SpecMethod[],
): Map<string, { returnsMessage: boolean; idempotent: boolean; webhookReply: boolean }> {
  const facts = new Map<string, { returnsMessage: boolean; idempotent: boolean; webhookReply: boolean }>();
  const problems: string[] = [];
  for (const m of methods) {
    for (const [fact, meaning] of Object.entries(DECISIONS)) {
      if (typeof m[fact as keyof typeof DECISIONS] !== 'boolean') problems.push(`${m.name}: no "${fact}" (${meaning})`);
    }
    const derived = returnsMessage(m.returns);
    if (m.returnsMessage !== undefined && m.returnsMessage !== derived) {
      problems.push(
        `${m.name}: "returnsMessage": ${m.returnsMessage}, but its result type ${m.returns} says ${derived} (drop the key or correct it)`,
      );
    }
    facts.set(m.name, { returnsMessage: derived, idempotent: m.idempotent, webhookReply: m.webhookReply });
  }
  for (const key of Object.keys(DefaultFlag)) {
    const param = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    if (!methods.some((m) => m.params.some((p) => p.name === param)))
      problems.push(`DefaultFlag.${key}: no method has a parameter ${param}`);
  }
  if (problems.length > 0)
    throw new Error(
      `spec/bot-api.json: every method needs a decision on each of Botte's facts:\n  ${problems.join('\n  ')}`,
    );
  return facts;
}

function comment(text: string | undefined, indent: string): string {
  if (!text) return '';
  const body = text.replace(/\*\//g, '*\\/').split('\n');
  if (body.length === 1) return `${indent}/** ${body[0]} */\n`;
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

function positionalOf(method: SpecMethod): string[] {
  if (method.positional) {
    for (const key of method.positional) {
      if (!method.params.some((p) => p.name === key)) throw new Error(`${method.name} has no parameter ${key}`);
    }
    return method.positional;
  }
  return method.params.filter((p) => p.required).map((p) => p.name);
}

/**
 * How many leading positional parameters a call must pass: up to the last required one. A
 * positional parameter that became optional (chat_id of an ephemeral reply, Bot API 10.4) keeps
 * its place before a required one, so calls written for the older version keep their meaning.
 */
function requiredCount(method: SpecMethod, positional: string[]): number {
  let count = 0;
  positional.forEach((key, i) => {
    if (method.params.find((p) => p.name === key)!.required) count = i + 1;
  });
  return count;
}

function fieldLines(fields: SpecField[], indent: string): string {
  let out = '';
  for (const f of fields) {
    out += comment(f.description, indent);
    out += `${indent}${f.readonly ? 'readonly ' : ''}${f.name}${f.required ? '' : '?'}: ${f.type};\n`;
  }
  return out;
}

function typeDecl(t: SpecType, indent: string, inNamespace: boolean): string {
  const name = t.name.split('.').at(-1)!;
  const params = t.typeParameters ? `<${t.typeParameters}>` : '';
  const exp = t.exported || inNamespace ? 'export ' : '';
  let out = comment(t.description, indent);
  if (t.kind === 'alias') return out + `${indent}${exp}type ${name}${params} = ${t.type};\n`;
  const ext = t.extends?.length ? ` extends ${t.extends.join(', ')}` : '';
  out += `${indent}${exp}interface ${name}${params}${ext} {\n${fieldLines(t.fields ?? [], indent + '  ')}${indent}}\n`;
  return out;
}

const HEADER = '// Generated by scripts/generate-methods.ts from spec/bot-api.json. Do not edit by hand.\n';

/** Every generated file, path → content. */
export function generate(spec: BotApiSpec): Map<string, string> {
  const files = new Map<string, string>();
  const methods = spec.methods;
  const names = new Set<string>();
  for (const m of methods) {
    if (names.has(m.name)) throw new Error(`method ${m.name} twice`);
    names.add(m.name);
  }

  // --- types ---
  let types =
    HEADER +
    `/**\n * Every type of Telegram Bot API ${spec.version}, and the signatures of its methods (\`ApiMethods\`).\n * @module\n */\n\n`;
  const namespaces = new Map<string, SpecType[]>();
  for (const t of spec.types) {
    const dot = t.name.indexOf('.');
    if (dot < 0) {
      types += typeDecl(t, '', false) + '\n';
      continue;
    }
    const ns = t.name.slice(0, dot);
    if (!namespaces.has(ns)) namespaces.set(ns, []);
    namespaces.get(ns)!.push(t);
  }
  for (const [ns, members] of namespaces) {
    types += `/** Narrower forms of {@link ${ns}}. */\nexport declare namespace ${ns} {\n`;
    types += members.map((t) => typeDecl(t, '  ', true)).join('');
    types += '}\n\n';
  }
  types += '/** Wrapper type to bundle all methods of the Telegram Bot API */\nexport type ApiMethods<F> = {\n';
  for (const m of methods) {
    types += comment(m.description, '  ');
    if (m.params.length === 0) {
      types += `  ${m.name}(): ${m.returns};\n`;
      continue;
    }
    const optional = !m.argsRequired && m.params.every((p) => !p.required);
    types += `  ${m.name}(args${optional ? '?' : ''}: {\n${fieldLines(m.params, '    ')}  }): ${m.returns};\n`;
  }
  for (const a of spec.aliases) {
    types += comment(a.description, '  ');
    types += `  ${a.name}: ApiMethods<F>[${JSON.stringify(a.target)}];\n`;
  }
  types += '};\n';
  files.set('src/api/generated/telegram-types.ts', types);

  const facts = methodFacts(methods);

  // --- method table ---
  let table = HEADER + `import type { MethodSpec } from '../method-spec.js';\n\n`;
  table += '/** Every Bot API method: its positional parameters, the constructor defaults it takes and its facts. */\n';
  table += 'export const METHOD_TABLE = {\n';
  for (const m of methods) {
    const positional = positionalOf(m);
    const required = requiredCount(m, positional);
    const flags = defaultFlags(m);
    // The parameter object of a call that passes every positional parameter, as one literal: the
    // same hidden class for every such call of a method, instead of keys added one by one.
    const args = positional.map((_, i) => `p${i}: unknown`).join(', ');
    const fields = positional.map((key, i) => `${JSON.stringify(key)}: p${i}`).join(', ');
    const fact = facts.get(m.name)!;
    const factText = `returnsMessage: ${fact.returnsMessage}, idempotent: ${fact.idempotent}, webhookReply: ${fact.webhookReply}`;
    const unless = m.params
      .filter((p) => p.requiredUnless)
      .map((p) => `${JSON.stringify(p.name)}: ${JSON.stringify(p.requiredUnless)}`);
    const conditional = unless.length > 0 ? `requiredUnless: { ${unless.join(', ')} }, ` : '';
    table += `  ${m.name}: { positional: ${JSON.stringify(positional)}, required: ${required}, ${conditional}defaults: ${flags}, ${factText}, build: (${args}) => ({ ${fields} }) },\n`;
  }
  for (const a of spec.aliases) table += `  ${a.name}: ${JSON.stringify(a.target)},\n`;
  table += '} as const satisfies Record<string, MethodSpec | string>;\n\n';
  table += '/** The name of a Bot API method. */\nexport type MethodName = keyof typeof METHOD_TABLE;\n';
  files.set('src/api/generated/method-table.ts', table);

  // --- BotApiMethods ---
  let iface = HEADER + `import type { ApiParams, ApiResult, OptionsOf } from '../method-spec.js';\n\n`;
  iface += '/**\n * Every method of the Telegram Bot API, as a method of the bot: required parameters are\n';
  iface += " * positional, all others go into the last options object with Telegram's names.\n */\n";
  iface += 'export interface BotApiMethods {\n';
  for (const m of methods) {
    const positional = positionalOf(m);
    const required = requiredCount(m, positional);
    const q = JSON.stringify(m.name);
    const docLines = (m.description ?? '').split('\n');
    for (let count = required; count <= positional.length; count++) {
      const used = positional.slice(0, count);
      const paramDocs = used.map(
        (key) => `@param ${camel(key)} ${(m.params.find((p) => p.name === key)!.description ?? key).split('\n')[0]}`,
      );
      const optionsKeys = used.map((key) => JSON.stringify(key)).join(' | ') || 'never';
      const optionsRequired =
        (!!m.argsRequired && used.length < m.params.filter((p) => p.required).length) ||
        (m.params.some((p) => p.required) && used.length < m.params.filter((p) => p.required).length);
      // sendPoll has a parameter named `options` (the answers); its options object is `extra`.
      const optionsName = used.includes('options') ? 'extra' : 'options';
      paramDocs.push(`@param ${optionsName} the optional parameters, with Telegram's names`);
      iface += comment([...docLines, '', ...paramDocs].join('\n'), '  ');
      const args = used.map((key) => `${camel(key)}: ApiParams<${q}>[${JSON.stringify(key)}]`);
      if (m.params.length > used.length)
        args.push(`${optionsName}${optionsRequired ? '' : '?'}: OptionsOf<${q}, ${optionsKeys}>`);
      iface += `  ${m.name}(${args.join(', ')}): Promise<ApiResult<${q}>>;\n`;
    }
  }
  for (const a of spec.aliases) {
    iface += comment(a.description, '  ');
    iface += `  ${a.name}: BotApiMethods[${JSON.stringify(a.target)}];\n`;
  }
  iface += '}\n';
  files.set('src/api/generated/bot-api-methods.ts', iface);

  // --- version and update types ---
  let version = HEADER + '/**\n * The Bot API version Botte follows, as its description says.\n * @module\n */\n\n';
  version += `/** The Bot API version of spec/bot-api.json. */\nexport const BOT_API_VERSION = ${JSON.stringify(spec.version)};\n\n`;
  version += `/** How many methods that version has (deprecated aliases not counted). */\nexport const BOT_API_METHOD_COUNT = ${methods.length};\n\n`;
  version += "/** Every update type of that version, in Telegram's order. */\nexport const UPDATE_TYPE_NAMES = [\n";
  version += spec.updateTypes.map((u) => `  ${JSON.stringify(u)},\n`).join('') + '] as const;\n';
  files.set('src/api/generated/api-version.ts', version);

  // --- emulator method list ---
  let list =
    HEADER + '/**\n * The names of every method of the Bot API version this package targets (kept as data so the\n';
  list += ' * published emulator needs no `.d.ts` at runtime).\n * @module\n */\n\n';
  list += '/** Every Bot API method name, spelled as Telegram spells it. */\n';
  list += 'export const BOT_API_METHODS: readonly string[] = Object.freeze([\n';
  list += methods.map((m) => `  ${JSON.stringify(m.name)},\n`).join('') + ']);\n\n';
  list += '/** Lower-cased method name → Telegram spelling; Telegram matches method names case-insensitively. */\n';
  list +=
    'export const METHOD_BY_LOWER_NAME: ReadonlyMap<string, string> = new Map(BOT_API_METHODS.map((name) => [name.toLowerCase(), name]));\n\n';
  list += '/** The Telegram spelling of `name` when it is a Bot API method (any letter case), else `undefined`. */\n';
  list +=
    'export function canonicalMethodName(name: string): string | undefined {\n  return METHOD_BY_LOWER_NAME.get(name.toLowerCase());\n}\n';
  files.set('src/testing/method-names.ts', list);

  // --- conformance input ---
  const conformance = {
    version: spec.version,
    methods: methods.map((m) => ({
      name: m.name,
      positional: positionalOf(m),
      required: m.params.filter((p) => p.required).map((p) => ({ name: p.name, type: p.type })),
      optional: m.params.filter((p) => !p.required).map((p) => p.name),
      ...(m.params.some((p) => p.requiredUnless)
        ? {
            requiredUnless: Object.fromEntries(
              m.params.filter((p) => p.requiredUnless).map((p) => [p.name, p.requiredUnless]),
            ),
          }
        : {}),
    })),
    updateTypes: spec.updateTypes,
  };
  files.set('test/fixtures/bot-api-conformance.json', JSON.stringify(conformance, null, 1) + '\n');
  return files;
}

/** Reads the description. */
export function readSpec(path = 'spec/bot-api.json'): BotApiSpec {
  return JSON.parse(readFileSync(path, 'utf8')) as BotApiSpec;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const check = process.argv.includes('--check');
  const spec = readSpec();
  let stale = 0;
  for (const [path, content] of generate(spec)) {
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === content) continue;
    if (check) {
      console.error(`out of date: ${path}`);
      stale++;
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  if (check && stale > 0) process.exit(1);
  console.log(
    `Bot API ${spec.version}: ${spec.methods.length} methods, ${spec.updateTypes.length} update types, ${spec.types.length} types`,
  );
}
