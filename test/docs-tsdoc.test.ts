// Every exported name of src/ has a TSDoc comment (members of exported classes and interfaces
// too). Overloads count as documented when one of them is; a class merged with an interface of
// the same name (the pattern of src/types/) is documented once, on either declaration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const documented = (node: ts.Node) => ts.getJSDocCommentsAndTags(node).length > 0;
const isHidden = (member: ts.Node) =>
  (ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : []).some(
    (m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword,
  );

function undocumented(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const groups = new Map<string, ts.Node[]>();
  const add = (key: string, node: ts.Node) => groups.set(key, [...(groups.get(key) ?? []), node]);
  source.forEachChild((node) => {
    if (!(ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Export)) return;
    if (ts.isVariableStatement(node)) {
      add(node.declarationList.declarations.map((d) => d.name.getText()).join(','), node);
      return;
    }
    if (
      !(
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node) ||
        ts.isEnumDeclaration(node)
      )
    )
      return;
    const name = node.name?.getText() ?? 'default';
    add(name, node);
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      for (const member of node.members) {
        if (
          !member.name ||
          ts.isConstructorDeclaration(member) ||
          isHidden(member) ||
          member.name.getText().startsWith('#') ||
          member.name.getText() === 'prototype'
        )
          continue;
        add(`${name}.${member.name.getText()}`, member);
      }
    }
  });
  return [...groups]
    .filter(([, nodes]) => !nodes.some(documented))
    .map(([name, nodes]) => {
      const line = source.getLineAndCharacterOfPosition(nodes[0]!.getStart()).line + 1;
      return `${file}:${line} ${name}`;
    });
}

test('every exported name in src/ has a TSDoc comment', () => {
  const missing = sourceFiles('src').flatMap(undocumented);
  assert.deepEqual(missing, []);
});
