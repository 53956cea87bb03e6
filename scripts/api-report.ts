// The API report: every public export of every entry point of package.json's "exports", with its
// kind and signature, written to etc/botte.api.md. `npm run api-report` rewrites it;
// test/house-api-report.test.ts fails while the file and the sources disagree, so a change of
// the public surface shows up in review as a change of this file (docs/CONTRIBUTING.md).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the report lives, relative to the repository root. */
export const REPORT_PATH = 'etc/botte.api.md';

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope;

/** The entry points: subpath of package.json's "exports" → its source file under src/. */
export function entryPoints(root = ROOT): Map<string, string> {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { import?: { types?: string } }>;
  };
  const entries = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') continue; // ./package.json
    const types = target.import?.types;
    if (types === undefined) continue;
    const source = types.replace(/^\.\/dist\/esm\//, 'src/').replace(/\.d\.ts$/, '.ts');
    entries.set(subpath === '.' ? 'botte' : `botte/${subpath.slice(2)}`, join(root, source));
  }
  return entries;
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return 'class';
  if (f & ts.SymbolFlags.Enum) return 'enum';
  if (f & ts.SymbolFlags.Function) return 'function';
  if (f & ts.SymbolFlags.Variable) return 'const';
  if (f & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return 'namespace';
  if (f & ts.SymbolFlags.Interface) return 'interface';
  if (f & ts.SymbolFlags.TypeAlias) return 'type';
  return 'other';
}

/** Symbols already listed, with the path they were first listed under (`botte: types.Message`). */
const listed = new Map<ts.Symbol, string>();

function describe(checker: ts.TypeChecker, symbol: ts.Symbol, name: string, lines: string[], entry: string): void {
  const kind = kindOf(symbol);
  const first = listed.get(symbol);
  if (first !== undefined) {
    // A second path to one thing: listed once, so that duplicates are easy to see (and to remove).
    lines.push(`${kind} ${name} (same as ${first})`);
    return;
  }
  listed.set(symbol, `${entry}: ${name}`);
  const decl = symbol.declarations?.[0];
  if (kind === 'namespace') {
    lines.push(`namespace ${name}`);
    const members = checker
      .getExportsOfModule(symbol)
      .slice()
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const member of members) describe(checker, resolve(checker, member), `${name}.${member.name}`, lines, entry);
    return;
  }
  if (kind === 'function') {
    const type = checker.getTypeOfSymbol(symbol);
    for (const signature of type.getCallSignatures()) {
      lines.push(`function ${name}${oneLine(checker.signatureToString(signature, undefined, FLAGS))}`);
    }
    return;
  }
  if (kind === 'const') {
    lines.push(`const ${name}: ${oneLine(checker.typeToString(checker.getTypeOfSymbol(symbol), undefined, FLAGS))}`);
    // A value that is also a type (`export const Update = ...; export type Update = ...`).
    if (symbol.flags & ts.SymbolFlags.TypeAlias) lines.push(`type ${name}`);
    return;
  }
  if (kind === 'type' && decl !== undefined && ts.isTypeAliasDeclaration(decl)) {
    const params = decl.typeParameters ? `<${decl.typeParameters.map((p) => oneLine(p.getText())).join(', ')}>` : '';
    lines.push(`type ${name}${params} = ${oneLine(decl.type.getText())}`);
    return;
  }
  if (kind === 'class' || kind === 'interface') {
    lines.push(`${kind} ${name}${typeParametersOf(symbol)}${heritageOf(symbol)}`);
    if (kind === 'class') {
      const ctor = checker.getTypeOfSymbol(symbol);
      for (const signature of ctor.getConstructSignatures()) {
        lines.push(`  new${oneLine(checker.signatureToString(signature, undefined, FLAGS))}`);
      }
      for (const member of checker.getPropertiesOfType(ctor)) {
        if (member.name === 'prototype' || !isOwn(member, symbol) || isHidden(member)) continue;
        lines.push(`  static ${member.name}: ${memberType(checker, member)}`);
      }
    }
    // Own members only: inherited ones are listed under the class or interface that declares them.
    const members = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
    for (const member of members) {
      if (!isOwn(member, symbol) || isHidden(member)) continue;
      const optional = member.flags & ts.SymbolFlags.Optional ? '?' : '';
      lines.push(`  ${member.name}${optional}: ${memberType(checker, member)}`);
    }
    return;
  }
  lines.push(`${kind} ${name}`);
}

function typeParametersOf(symbol: ts.Symbol): string {
  for (const decl of symbol.declarations ?? []) {
    if ((ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) && decl.typeParameters) {
      return `<${decl.typeParameters.map((p) => oneLine(p.getText())).join(', ')}>`;
    }
  }
  return '';
}

function heritageOf(symbol: ts.Symbol): string {
  const clauses: string[] = [];
  for (const decl of symbol.declarations ?? []) {
    if (!ts.isClassDeclaration(decl) && !ts.isInterfaceDeclaration(decl)) continue;
    for (const clause of decl.heritageClauses ?? []) clauses.push(oneLine(clause.getText()));
  }
  return clauses.length > 0 ? ` ${clauses.join(' ')}` : '';
}

function isOwn(member: ts.Symbol, owner: ts.Symbol): boolean {
  return (member.declarations ?? []).some((d) => owner.declarations?.includes(d.parent as ts.Declaration));
}

function isHidden(member: ts.Symbol): boolean {
  return (member.declarations ?? []).some((d) => {
    const flags = ts.getCombinedModifierFlags(d);
    return (
      (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 ||
      ts.isPrivateIdentifier((d as ts.NamedDeclaration).name as ts.Node)
    );
  });
}

function memberType(checker: ts.TypeChecker, member: ts.Symbol): string {
  const decl = member.valueDeclaration ?? member.declarations?.[0];
  const type = decl ? checker.getTypeOfSymbolAtLocation(member, decl) : checker.getTypeOfSymbol(member);
  return oneLine(checker.typeToString(type, undefined, FLAGS));
}

function resolve(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  return symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The report's text, built from the sources as they are now. */
export function buildReport(root = ROOT): string {
  const entries = entryPoints(root);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (config === undefined) throw new Error('tsconfig.json could not be read');
  const program = ts.createProgram([...entries.values()], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  listed.clear();
  const out = [
    '# Botte API report',
    '',
    "Generated by `npm run api-report` (scripts/api-report.ts) from the entry points of package.json's",
    '"exports". Do not edit by hand: a change here is a change of the public surface; see docs/CONTRIBUTING.md.',
  ];
  for (const [entry, file] of entries) {
    const source = program.getSourceFile(file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) throw new Error(`${entry}: ${file} is not a module`);
    const lines: string[] = [];
    const exports = checker
      .getExportsOfModule(moduleSymbol)
      .slice()
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const symbol of exports) describe(checker, resolve(checker, symbol), symbol.name, lines, entry);
    out.push('', `## ${entry}`, '', `${exports.length} exports.`, '', '```ts', ...lines, '```');
  }
  return `${out.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = buildReport();
  mkdirSync(join(ROOT, dirname(REPORT_PATH)), { recursive: true });
  writeFileSync(join(ROOT, REPORT_PATH), report);
  console.log(`${REPORT_PATH}: ${report.split('\n').length} lines`);
}
