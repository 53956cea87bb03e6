/**
 * One-off: seeds spec/bot-api.json (Bot API 10.3) from the `.d.ts` files of `@grammyjs/types`
 * 5.0.0 and from the per-method facts Botte kept in code (positional order, Message results,
 * retry safety, webhook-reply eligibility). Kept for the record of how the description began;
 * the description is edited by hand from then on (see docs/bot-api-description.md). To run it
 * again: `npm install --no-save @grammyjs/types@5.0.0 && node --import tsx scripts/seed-bot-api.ts`.
 */
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import ts from 'typescript';

const require = createRequire(import.meta.url);
const dir = dirname(require.resolve('@grammyjs/types/methods.d.ts'));

interface Field {
  name: string;
  type: string;
  required: boolean;
  readonly?: boolean;
  description?: string;
}
interface TypeDecl {
  name: string;
  kind: 'interface' | 'alias';
  exported: boolean;
  typeParameters?: string;
  extends?: string[];
  description?: string;
  fields?: Field[];
  type?: string;
}

function docOf(source: string, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (!last || source.slice(last.pos, last.pos + 3) !== '/**') return undefined;
  const text = source
    .slice(last.pos, last.end)
    .replace(/^\/\*\*\s?/, '')
    .replace(/\s*\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\*?\s?/, '').trimEnd())
    .join('\n')
    .trim();
  return text || undefined;
}

const types: TypeDecl[] = [];
let methodsNode: ts.TypeAliasDeclaration | undefined;
let methodsSource = '';
let methodsFile: ts.SourceFile | undefined;
let languageCodes = '';

function fieldsOf(source: string, file: ts.SourceFile, members: ts.NodeArray<ts.TypeElement>, owner: string): Field[] {
  return members.map((m) => {
    if (!ts.isPropertySignature(m) || !m.type) throw new Error(`${owner}: unsupported member ${m.getText(file)}`);
    const field: Field = { name: m.name.getText(file), type: m.type.getText(file), required: !m.questionToken };
    if (m.modifiers?.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword)) field.readonly = true;
    const description = docOf(source, m);
    if (description) field.description = description;
    return field;
  });
}

function visit(source: string, file: ts.SourceFile, node: ts.Node, prefix: string): void {
  const exported = prefix !== '' || !!(ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export);
  if (ts.isInterfaceDeclaration(node)) {
    const decl: TypeDecl = { name: prefix + node.name.text, kind: 'interface', exported };
    if (node.typeParameters) decl.typeParameters = node.typeParameters.map((p) => p.getText(file)).join(', ');
    const ext = node.heritageClauses?.flatMap((h) => h.types.map((t) => t.getText(file)));
    if (ext?.length) decl.extends = ext;
    const description = docOf(source, node);
    if (description) decl.description = description;
    decl.fields = fieldsOf(source, file, node.members, decl.name);
    types.push(decl);
  } else if (ts.isTypeAliasDeclaration(node)) {
    if (node.name.text === 'ApiMethods') {
      methodsNode = node;
      methodsSource = source;
      methodsFile = file;
      return;
    }
    const decl: TypeDecl = { name: prefix + node.name.text, kind: 'alias', exported };
    if (node.typeParameters) decl.typeParameters = node.typeParameters.map((p) => p.getText(file)).join(', ');
    const description = docOf(source, node);
    if (description) decl.description = description;
    decl.type = node.type.getText(file);
    types.push(decl);
  } else if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
    for (const child of node.body.statements) visit(source, file, child, `${prefix}${node.name.getText(file)}.`);
  } else if (ts.isVariableStatement(node)) {
    // `LanguageCodes`: declared by the package but absent from its JavaScript (no runtime value);
    // the description keeps only the union of its codes, as the type `LanguageCode`.
    const decl = node.declarationList.declarations[0]!;
    if (decl.name.getText(file) !== 'LanguageCodes' || !decl.type || !ts.isTypeLiteralNode(decl.type))
      throw new Error('unexpected const');
    const codes = decl.type.members.map((m) => (m as ts.PropertySignature).type!.getText(file));
    languageCodes = codes.join(' | ');
  } else if (
    !ts.isImportDeclaration(node) &&
    !ts.isExportDeclaration(node) &&
    node.kind !== ts.SyntaxKind.EndOfFileToken
  ) {
    throw new Error(`unsupported node ${ts.SyntaxKind[node.kind]}: ${node.getText(file).slice(0, 80)}`);
  }
}

for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.d.ts') && f !== 'mod.d.ts')
  .sort()) {
  const source = readFileSync(join(dir, name), 'utf8');
  const file = ts.createSourceFile(name, source, ts.ScriptTarget.Latest, true);
  file.forEachChild((node) => visit(source, file, node, ''));
}

// Botte's own per-method facts, as they were kept in code before the description existed.
const POSITIONAL: Record<string, string[]> = {
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
const RESULT_IS_MESSAGE = /^(send|forward|copy|edit|stop(Message)?Live|setGameScore)/;
const IDEMPOTENT =
  /^(get|set|delete|edit|answer|ban|unban|restrict|promote|pin|unpin|leave|close|reopen|hide|unhide|approve|decline|revoke|remove|verify|read|stop|logOut)/;
const WEBHOOK_REPLY = new Set([
  'sendMessage',
  'forwardMessage',
  'copyMessage',
  'sendLocation',
  'sendVenue',
  'sendContact',
  'sendPoll',
  'sendDice',
  'sendChatAction',
  'sendGame',
  'sendInvoice',
  'sendPhoto',
  'sendAudio',
  'sendDocument',
  'sendVideo',
  'sendAnimation',
  'sendVoice',
  'sendVideoNote',
  'sendSticker',
  'editMessageText',
  'editMessageCaption',
  'editMessageReplyMarkup',
  'deleteMessage',
  'setMessageReaction',
  'answerCallbackQuery',
  'answerInlineQuery',
  'answerShippingQuery',
  'answerPreCheckoutQuery',
  'pinChatMessage',
  'unpinChatMessage',
  'banChatMember',
  'unbanChatMember',
  'approveChatJoinRequest',
  'declineChatJoinRequest',
  'leaveChat',
]);

const methods: unknown[] = [];
const aliases: unknown[] = [];
if (!methodsNode || !methodsFile || !ts.isTypeLiteralNode(methodsNode.type)) throw new Error('ApiMethods not found');
for (const member of methodsNode.type.members) {
  const description = docOf(methodsSource, member);
  if (ts.isPropertySignature(member) && member.type && ts.isIndexedAccessTypeNode(member.type)) {
    aliases.push({
      name: member.name.getText(methodsFile),
      target: member.type.indexType.getText(methodsFile).replace(/["']/g, ''),
      description,
    });
    continue;
  }
  if (!ts.isMethodSignature(member) || !member.type)
    throw new Error(`unsupported ApiMethods member ${member.getText(methodsFile)}`);
  const name = member.name.getText(methodsFile);
  const args = member.parameters[0];
  const params =
    args?.type && ts.isTypeLiteralNode(args.type) ? fieldsOf(methodsSource, methodsFile, args.type.members, name) : [];
  if (args && !(args.type && ts.isTypeLiteralNode(args.type)))
    throw new Error(`${name}: parameters are not a type literal`);
  const allOptional = params.every((p) => !p.required);
  if (args?.questionToken && !allOptional) throw new Error(`${name}: optional arguments with required parameters`);
  const method: Record<string, unknown> = { name, description, params, returns: member.type.getText(methodsFile) };
  // The package types a few all-optional parameter objects as required arguments; kept as is.
  if (args && !args.questionToken && allOptional && params.length > 0) method.argsRequired = true;
  if (POSITIONAL[name]) method.positional = POSITIONAL[name];
  method.returnsMessage = RESULT_IS_MESSAGE.test(name);
  method.idempotent = IDEMPOTENT.test(name);
  method.webhookReply = WEBHOOK_REPLY.has(name);
  methods.push(method);
}

const languageCode = types.find((t) => t.name === 'LanguageCode')!;
languageCode.type = languageCodes;

const update = types.find((t) => t.name === 'Update' && t.kind === 'interface')!;
const updateTypes = update.fields!.filter((f) => f.name !== 'update_id').map((f) => f.name);

const spec = { version: '10.3', date: '2026-08-24', methods, aliases, updateTypes, types };
writeFileSync('spec/bot-api.json', JSON.stringify(spec, null, 1) + '\n');
console.log(
  `${methods.length} methods, ${aliases.length} aliases, ${types.length} types, ${updateTypes.length} update types`,
);
