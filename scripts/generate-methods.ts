/**
 * Generates Botte's Bot API method table from the type package `@grammyjs/types`,
 * the single source of truth for the 185 methods, their parameters and their results.
 *
 * Output (committed, regenerated with `npm run generate` after upgrading the type package):
 * - src/api/generated/method-table.ts: for each method, its positional parameters and which
 *   constructor defaults (parse mode, notifications, ...) apply to it;
 * - src/api/generated/bot-api-methods.ts: the typed `BotApiMethods` interface with the
 *   package's documentation on every method.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const source = readFileSync(require.resolve('@grammyjs/types/methods.d.ts'), 'utf8');
const file = ts.createSourceFile('methods.d.ts', source, ts.ScriptTarget.Latest, true);

/**
 * Positional parameters where the seed document's order differs from "the required ones, in
 * Telegram's order": the methods that edit either a chat message or an inline message, and
 * getUpdates, whose parameters are all optional but positional in the seed.
 */
const POSITIONAL_OVERRIDES: Record<string, string[]> = {
  getUpdates: ['offset', 'limit', 'timeout', 'allowed_updates'],
  editMessageText: ['text', 'chat_id', 'message_id', 'inline_message_id'],
  editMessageCaption: ['caption', 'chat_id', 'message_id', 'inline_message_id'],
  editMessageMedia: ['media', 'chat_id', 'message_id', 'inline_message_id'],
  editMessageReplyMarkup: ['chat_id', 'message_id', 'inline_message_id'],
  editMessageLiveLocation: ['latitude', 'longitude', 'chat_id', 'message_id', 'inline_message_id'],
  stopMessageLiveLocation: ['chat_id', 'message_id', 'inline_message_id'],
  editMessageChecklist: ['business_connection_id', 'chat_id', 'message_id', 'checklist'],
  stopPoll: ['chat_id', 'message_id'],
  answerCallbackQuery: ['callback_query_id', 'text'],
  setGameScore: ['user_id', 'score'],
  getGameHighScores: ['user_id'],
  setChatMenuButton: [],
  getChatMenuButton: [],
};

/** Constructor defaults, as bit flags, applied when the method takes the parameter. */
const DEFAULT_FLAGS: Record<string, number> = {
  parse_mode: 1,
  disable_notification: 2,
  protect_content: 4,
  reply_parameters: 8,
  link_preview_options: 16,
};

interface Param { name: string; optional: boolean; doc: string }
interface Method { name: string; doc: string; params: Param[]; hasArgs: boolean; argsOptional: boolean }

function docOf(node: ts.Node): string {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (!last) return '';
  return source
    .slice(last.pos, last.end)
    .replace(/^\/\*\*\s?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trim())
    .join('\n')
    .trim();
}

const methods: Method[] = [];
/** Deprecated names the package keeps as aliases (`kickChatMember` → `banChatMember`). */
const aliases: { name: string; target: string; doc: string }[] = [];
file.forEachChild((node) => {
  if (!ts.isTypeAliasDeclaration(node) || node.name.text !== 'ApiMethods') return;
  if (!ts.isTypeLiteralNode(node.type)) throw new Error('ApiMethods is not a type literal');
  for (const member of node.type.members) {
    if (ts.isPropertySignature(member) && member.type && ts.isIndexedAccessTypeNode(member.type)) {
      const target = member.type.indexType.getText(file).replace(/["']/g, '');
      aliases.push({ name: member.name.getText(file), target, doc: docOf(member) });
      continue;
    }
    if (!ts.isMethodSignature(member)) continue;
    const name = member.name.getText(file);
    const args = member.parameters[0];
    const params: Param[] = [];
    if (args?.type && ts.isTypeLiteralNode(args.type)) {
      for (const property of args.type.members) {
        if (!ts.isPropertySignature(property)) continue;
        params.push({ name: property.name.getText(file), optional: !!property.questionToken, doc: docOf(property) });
      }
    }
    methods.push({ name, doc: docOf(member), params, hasArgs: !!args, argsOptional: !!args?.questionToken });
  }
});
if (methods.length < 150) throw new Error(`only ${methods.length} methods found: has the package layout changed?`);

function positionalOf(method: Method): string[] {
  const override = POSITIONAL_OVERRIDES[method.name];
  if (override) {
    for (const key of override) {
      if (!method.params.some((p) => p.name === key)) throw new Error(`${method.name} has no parameter ${key}`);
    }
    return override;
  }
  return method.params.filter((p) => !p.optional).map((p) => p.name);
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

function comment(lines: string[], indent: string): string {
  const body = lines.join('\n').replace(/\*\//g, '*\\/').split('\n');
  return `${indent}/**\n${body.map((l) => `${indent} *${l ? ` ${l}` : ''}`).join('\n')}\n${indent} */\n`;
}

const header = '// Generated by scripts/generate-methods.ts from @grammyjs/types. Do not edit by hand.\n';

let table = header + `import type { MethodSpec } from '../method-spec.js';\n\n`;
table += '/** Every Bot API method: its positional parameters and the constructor defaults it takes. */\n';
table += 'export const METHOD_TABLE = {\n';
for (const method of methods) {
  const positional = positionalOf(method);
  const required = positional.filter((key) => !method.params.find((p) => p.name === key)!.optional).length;
  let flags = 0;
  for (const param of method.params) flags |= DEFAULT_FLAGS[param.name] ?? 0;
  // The parameter object of a call that passes every positional parameter, as one literal: the
  // same hidden class for every such call of a method, instead of keys added one by one.
  const args = positional.map((_, i) => `p${i}: unknown`).join(', ');
  const fields = positional.map((key, i) => `${JSON.stringify(key)}: p${i}`).join(', ');
  const build = `(${args}) => ({ ${fields} })`;
  table += `  ${method.name}: { positional: ${JSON.stringify(positional)}, required: ${required}, defaults: ${flags}, build: ${build} },\n`;
}
for (const alias of aliases) table += `  ${alias.name}: ${JSON.stringify(alias.target)},\n`;
table += '} as const satisfies Record<string, MethodSpec | string>;\n\n';
table += '/** The name of a Bot API method. */\nexport type MethodName = keyof typeof METHOD_TABLE;\n';

let iface = header + `import type { ApiParams, ApiResult, OptionsOf } from '../method-spec.js';\n\n`;
iface += '/**\n * Every method of the Telegram Bot API, as a method of the bot: required parameters are\n';
iface += " * positional, all others go into the last options object with Telegram's names.\n */\n";
iface += 'export interface BotApiMethods {\n';
for (const method of methods) {
  const positional = positionalOf(method);
  const required = positional.filter((key) => !method.params.find((p) => p.name === key)!.optional).length;
  const m = JSON.stringify(method.name);
  const docLines = method.doc.split('\n');
  for (let count = required; count <= positional.length; count++) {
    const used = positional.slice(0, count);
    const paramDocs = used.map((key) => {
      const doc = method.params.find((p) => p.name === key)!.doc.split('\n')[0];
      return `@param ${camel(key)} ${doc}`;
    });
    const optionsKeys = used.map((key) => JSON.stringify(key)).join(' | ') || 'never';
    const optionsRequired = method.hasArgs && !method.argsOptional && used.length < method.params.filter((p) => !p.optional).length;
    paramDocs.push(`@param ${used.includes('options') ? 'extra' : 'options'} the optional parameters, with Telegram's names`);
    iface += comment([...docLines, '', ...paramDocs], '  ');
    const args = used.map((key) => `${camel(key)}: ApiParams<${m}>[${JSON.stringify(key)}]`);
    if (method.params.length > used.length) {
      // sendPoll has a parameter named `options` (the answers); its options object is `extra`.
      const optionsName = used.includes('options') ? 'extra' : 'options';
      args.push(`${optionsName}${optionsRequired ? '' : '?'}: OptionsOf<${m}, ${optionsKeys}>`);
    }
    iface += `  ${method.name}(${args.join(', ')}): Promise<ApiResult<${m}>>;\n`;
  }
}
for (const alias of aliases) {
  iface += comment(alias.doc.split('\n'), '  ');
  iface += `  ${alias.name}: BotApiMethods[${JSON.stringify(alias.target)}];\n`;
}
iface += '}\n';

mkdirSync('src/api/generated', { recursive: true });
writeFileSync('src/api/generated/method-table.ts', table);
writeFileSync('src/api/generated/bot-api-methods.ts', iface);
console.log(`generated ${methods.length} methods`);
