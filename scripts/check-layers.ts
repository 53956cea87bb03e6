// The layer rule of src/ (docs/CONTRIBUTING.md, "Layers"): every folder of src/ sits in one layer
// of LAYERS, bottom first, and imports only from its own folder and from layers below its own.
// Folders of one layer do not import each other. Run by test/house-layers.test.ts (so by
// `npm test`); `node --import tsx scripts/check-layers.ts` prints the same report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** The layers, bottom first: a folder may import from its own folder and from earlier rows. */
export const LAYERS: readonly (readonly string[])[] = [
  // Telegram's own types, generated from spec/bot-api.json, and the runtime probes: no imports from src/.
  ['telegram-types', 'runtime'],
  // Constructible Telegram types (keyboards, InputFile, ...).
  ['types'],
  // Helpers, the logger, token redaction, sleep.
  ['util'],
  // Text formatting and Telegram Passport: user-facing helpers that need no bot.
  ['formatting', 'passport'],
  // The Bot API client: transport, errors, settings, the method table and its generated signatures.
  ['api'],
  // FSM states and their storages; next-step/reply handler backends.
  ['states'],
  // Handlers, filters, middlewares, the update pipeline.
  ['dispatch'],
  // Built on dispatch: the callbackData factory and its filter; the webhook receivers.
  ['callback-data', 'webhook'],
  // The bot a user builds: polling, scheduling, `Botte`, `AsyncBotte`.
  ['runner'],
  // botte/scale: several processes sharing a queue and a flood limiter.
  ['scale'],
  // botte/testing: the Bot API emulator and the conversation kit (may drive a real bot).
  ['testing'],
  // `npx botte playground`: the emulator, the user's bot and a chat page.
  ['playground'],
  // Entry points (src/index.ts, src/async.ts) and namespace barrels (a folder's index.ts): they
  // gather the public modules from every layer.
  ['entry'],
];

/** Files that sit in a layer other than their folder's (paths relative to src/). */
const FILE_LAYERS = new Map<string, string>([
  ['logger.ts', 'util'],
  ['index.ts', 'entry'],
  ['async.ts', 'entry'],
  ['advanced.ts', 'entry'],
  ['api/generated/telegram-types.ts', 'telegram-types'],
  ['api/generated/api-version.ts', 'telegram-types'],
]);

/** Folder barrels that an entry point exports (as a namespace or with `export *`): they sit with the entry points. */
const BARRELS = new Set([
  'types/index.ts',
  'util/index.ts',
  'formatting/index.ts',
  'passport/index.ts',
  'states/index.ts',
  'callback-data/index.ts',
  'webhook/index.ts',
  'dispatch/custom-filters/index.ts',
  'testing/index.ts',
  'scale/index.ts',
]);

type Graph = Map<string, Map<string, string>>;

const rank = new Map<string, number>(LAYERS.flatMap((row, index) => row.map((name) => [name, index] as const)));

/** The folder (unit) and layer of a file, given as a path relative to src/ with `/` separators. */
export function unitOf(file: string): { unit: string; layer: string | undefined } {
  const own = FILE_LAYERS.get(file);
  if (own !== undefined) return { unit: own, layer: own };
  if (BARRELS.has(file)) return { unit: `barrel:${file}`, layer: 'entry' };
  const folder = file.includes('/') ? file.slice(0, file.indexOf('/')) : undefined;
  if (folder === undefined) return { unit: file, layer: undefined };
  return { unit: folder, layer: rank.has(folder) ? folder : undefined };
}

/**
 * Relative module specifiers that `source` depends on: imports (`import type` too), re-exports
 * (`export * as x from`), dynamic `import()`, `import('…')` types and module augmentations.
 */
export function importsOf(source: string): string[] {
  const file = ts.createSourceFile('file.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const add = (node: ts.Node | undefined): void => {
    if (node !== undefined && ts.isStringLiteralLike(node) && node.text.startsWith('.')) found.push(node.text);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isModuleDeclaration(node)) add(node.name);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0]);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/**
 * Checks `files` (path relative to src/ → source text) against the layer rule and returns one
 * message per problem: an import against the direction, a file without a layer, an import
 * cycle between folders. An empty list means the rule holds.
 */
export function checkLayers(files: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const graph: Graph = new Map(); // unit -> (unit -> the first "file imports spec" between them)
  for (const [file, source] of files) {
    const from = unitOf(file);
    if (from.layer === undefined) {
      problems.push(
        `src/${file}: its folder has no layer; add it to LAYERS in scripts/check-layers.ts and to docs/CONTRIBUTING.md`,
      );
      continue;
    }
    for (const spec of importsOf(source)) {
      const target = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts');
      if (target.startsWith('..')) continue; // outside src/ (never in shipped code; tsc refuses it)
      const to = unitOf(target);
      if (to.unit === from.unit) continue;
      const where = `src/${file} imports '${spec}'`;
      if (to.layer === undefined) continue; // reported as a file of its own
      if (to.layer === 'entry' && from.layer !== 'entry') {
        problems.push(`${where}: an entry point or namespace barrel (src/${target}); import the module itself`);
        continue;
      }
      const a = rank.get(from.layer)!;
      const b = rank.get(to.layer)!;
      if (b > a) problems.push(`${where}: ${from.layer} may not import ${to.layer}, which sits above it (layer rule)`);
      else if (b === a && from.layer !== 'entry')
        problems.push(`${where}: ${from.layer} and ${to.layer} sit in one layer and may not import each other`);
      const edges = graph.get(from.unit) ?? new Map<string, string>();
      graph.set(from.unit, edges);
      if (!edges.has(to.unit)) edges.set(to.unit, where);
    }
  }
  for (const cycle of cyclesOf(graph)) {
    const steps = cycle.map((unit, i) => graph.get(unit)?.get(cycle[(i + 1) % cycle.length]!));
    problems.push(`import cycle between folders ${[...cycle, cycle[0]].join(' → ')}: ${steps.join('; ')}`);
  }
  return problems;
}

/** One cycle per strongly connected group of units (Tarjan), each as the list of its units in order. */
function cyclesOf(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (unit: string): void => {
    index.set(unit, next);
    low.set(unit, next);
    next++;
    stack.push(unit);
    onStack.add(unit);
    for (const to of graph.get(unit)?.keys() ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(unit, Math.min(low.get(unit)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(unit, Math.min(low.get(unit)!, index.get(to)!));
      }
    }
    if (low.get(unit) !== index.get(unit)) return;
    const group: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== unit);
    if (group.length > 1) cycles.push(pathThrough(graph, new Set(group), unit));
  };
  for (const unit of graph.keys()) if (!index.has(unit)) visit(unit);
  return cycles;
}

/** A closed path from `start` back to it inside `group` (breadth first, so the shortest). */
function pathThrough(graph: Graph, group: ReadonlySet<string>, start: string): string[] {
  const previous = new Map<string, string | undefined>([[start, undefined]]);
  const queue = [start];
  while (queue.length > 0) {
    const unit = queue.shift()!;
    for (const to of graph.get(unit)?.keys() ?? []) {
      if (!group.has(to)) continue;
      if (to === start) {
        const path: string[] = [];
        for (let at: string | undefined = unit; at !== undefined; at = previous.get(at)) path.unshift(at);
        return path;
      }
      if (!previous.has(to)) {
        previous.set(to, unit);
        queue.push(to);
      }
    }
  }
  return [start];
}

/** Every .ts file under `srcDir`, as path relative to it → source text. */
export function readSources(srcDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts'))
        files.set(relative(srcDir, path).split('\\').join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(srcDir);
  return files;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problems = checkLayers(readSources(join(dirname(fileURLToPath(import.meta.url)), '..', 'src')));
  for (const problem of problems) console.error(problem);
  console.log(problems.length === 0 ? 'layers: ok' : `layers: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
