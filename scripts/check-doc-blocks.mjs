// Type-checks every ```ts code block of README.md and docs/*.md against the sources, so that the
// documentation cannot drift from the code. Usage: `node scripts/check-doc-blocks.mjs [files...]`.
//
// How a block is checked:
// - each block becomes its own module in .doc-blocks/ (gitignored), compiled with the repo's
//   tsconfig; `botte`, `botte/async` and `botte/testing` resolve to src/;
// - names Botte exports (Botte, types, util, ...) that a block uses without importing or declaring
//   them are imported for it, so snippets may stay short;
// - a few placeholder variables that snippets commonly assume (`bot`, `chatId`, `message`, ...)
//   are declared globally in .doc-blocks/fixtures.ts; a block that declares its own shadows them;
// - a relative import of an example (`import { createButtonsBot } from './buttons-bot.js'`)
//   resolves to examples/buttons-bot.ts, so that docs can build on the example bots;
// - a block whose fence says ```ts skip-check is not checked (for fragments that can't compile;
//   use sparingly). Other languages (```sh, ```js, ```python) are ignored.
// Errors are reported as README.md:LINE.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, '.doc-blocks');

/** Pages whose blocks are one program split in steps, checked another way (reason given). */
const CHECKED_ELSEWHERE = {
  'docs/first-hour.md':
    'every line of its blocks is in examples/first-hour.ts, type-checked and run (test/docs-first-hour.test.ts)',
};

/** The Markdown files to check: the arguments, or README.md and docs/*.md. */
function markdownFiles() {
  // `--also FILE` adds a file to the default set (the test uses it to plant a broken block).
  const args = process.argv.slice(2);
  const also = args[0] === '--also' ? args.splice(0, 2)[1] : undefined;
  if (args.length > 0) return args.map((file) => resolve(file));
  const docs = join(root, 'docs');
  const files = [join(root, 'README.md')];
  if (existsSync(docs)) {
    for (const name of readdirSync(docs).sort()) if (name.endsWith('.md')) files.push(join(docs, name));
  }
  if (also) files.push(resolve(also));
  return files.filter((file) => !(relative(root, file).replace(/\\/g, '/') in CHECKED_ELSEWHERE));
}

/** The ```ts blocks of a Markdown text, with the line (1-based) of their first code line. */
export function extractBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let current;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (current === undefined) {
      const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/.exec(line);
      if (open)
        current = { fence: open[2], indent: open[1].length, lang: open[3], info: open[4], start: i + 2, code: [] };
    } else if (line.trim().startsWith(current.fence) && line.trim().replace(/[`~]/g, '') === '') {
      if (['ts', 'typescript'].includes(current.lang) && !/\bskip-check\b/.test(current.info)) {
        blocks.push({ line: current.start, code: current.code.join('\n') });
      }
      current = undefined;
    } else {
      current.code.push(line.slice(Math.min(current.indent, line.length - line.trimStart().length)));
    }
  }
  return blocks;
}

/** The names a module exports, following `export * from` (enough for src/index.ts's style). */
function exportedNames(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
  const names = [];
  for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)) {
    for (const part of match[1].split(',')) {
      const name = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.push(name);
    }
  }
  for (const match of text.matchAll(/export\s+\*\s+as\s+(\w+)/g)) names.push(match[1]);
  for (const match of text.matchAll(
    /export\s+(?:declare\s+)?(?:abstract\s+)?(?:class|function|const|let|interface|type|enum)\s+(\w+)/g,
  ))
    names.push(match[1]);
  for (const match of text.matchAll(/export\s+\*\s+from\s+'([^']+)'/g)) {
    names.push(...exportedNames(resolve(dirname(file), match[1].replace(/\.js$/, '.ts')), seen));
  }
  return names;
}

const FIXTURES = `// Placeholders the snippets of the docs assume; a block that declares its own shadows them.
import type { Botte, BotteOptions, Message, types } from 'botte';
import type { BotApiEmulator } from 'botte/testing';
declare global {
  var bot: Botte;
  var bot2: Botte;
  var TOKEN: string;
  var chatId: number;
  var userId: number;
  var messageId: number;
  var fromChatId: number;
  var toChatId: number;
  var text: string;
  var newText: string;
  var fileId: string;
  var buffer: Buffer;
  var audio: Buffer;
  var markup: types.ReplyKeyboardMarkup;
  var message: Message;
  var emu: BotApiEmulator;
  var handler: (obj: any) => unknown; // a handler of any update type
  var handleTextDoc: (message: Message) => unknown;
  var sendSomething: (message: Message) => unknown;
  var privateKey: string;
  var publicKey: string;
  var nonce: string;
  var botId: number;
  var createMyBot: (token: string, options?: BotteOptions) => Botte;
  var processNameStep: (obj: any) => unknown;
  var processAgeStep: (obj: any) => unknown;
  var processSexStep: (obj: any) => unknown;
  var onReply: (obj: any) => unknown;
  // Other runtimes' globals, as far as the runtime snippets use them.
  var Bun: { serve(options: { port?: number; fetch(request: Request): Response | Promise<Response> }): unknown };
  var Deno: {
    env: { get(name: string): string | undefined };
    serve(options: { port?: number }, handler: (request: Request) => Response | Promise<Response>): unknown;
  };
}
export {};
`;

function main() {
  const files = markdownFiles();
  const botteNames = [...new Set(exportedNames(join(root, 'src/index.ts')))];
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'fixtures.ts'), FIXTURES);
  /** Generated file → { markdown file, first code line, lines added before the code }. */
  const origins = new Map();
  let count = 0;
  for (const file of files) {
    // tsc's include globs skip names that start with a dot, hence the cleanup of `../`.
    const base = relative(root, file)
      .replace(/[\\/]/g, '_')
      .replace(/\.md$/i, '')
      .replace(/[^\w-]/g, '_')
      .replace(/^_+/, '');
    for (const block of extractBlocks(readFileSync(file, 'utf8'))) {
      const body = block.code;
      const declared = new Set();
      for (const match of body.matchAll(/import\s+(?:type\s+)?\{([^}]*)\}\s+from/g)) {
        for (const part of match[1].split(','))
          declared.add(
            part
              .trim()
              .replace(/^type\s+/, '')
              .split(/\s+as\s+/)
              .pop()
              ?.trim(),
          );
      }
      for (const match of body.matchAll(/import\s+(?:\*\s+as\s+)?(\w+)(?:\s*,\s*\{[^}]*\})?\s+from/g))
        declared.add(match[1]);
      for (const match of body.matchAll(/(?:^|[^.\w])(?:const|let|var|class|function|interface|type|enum)\s+(\w+)/gm))
        declared.add(match[1]);
      const wanted = botteNames.filter(
        (name) => !declared.has(name) && new RegExp(`(?<![\\w.$'"])${name}\\b`).test(body),
      );
      const prefix = [
        wanted.length > 0 ? `import { ${wanted.join(', ')} } from 'botte';` : '',
        `import './fixtures.js';`,
      ];
      const name = `${base}-${String(++count).padStart(3, '0')}.ts`;
      writeFileSync(join(outDir, name), `${prefix.join('\n')}\n${body}\nexport {};\n`);
      for (const match of body.matchAll(/from\s+'\.\/([\w-]+)\.js'/g)) {
        if (existsSync(join(root, 'examples', `${match[1]}.ts`))) {
          writeFileSync(join(outDir, `${match[1]}.ts`), `export * from '../examples/${match[1]}.js';\n`);
        }
      }
      origins.set(name, { file: relative(root, file), line: block.line, offset: prefix.length });
    }
  }
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    JSON.stringify(
      {
        extends: '../tsconfig.json',
        compilerOptions: {
          noEmit: true,
          rootDir: '..',
          noUnusedLocals: false,
          noUnusedParameters: false,
          // Readers' projects are `strict` but rarely use this one; the README's class examples omit `override`.
          noImplicitOverride: false,
          paths: {
            botte: ['../src/index.ts'],
            'botte/async': ['../src/async.ts'],
            'botte/testing': ['../src/testing/index.ts'],
            'botte/scale': ['../src/scale/index.ts'],
          },
        },
        include: ['./*.ts'],
      },
      null,
      2,
    ),
  );
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(outDir, 'tsconfig.json'), '--pretty', 'false'], {
    encoding: 'utf8',
  });
  const output = `${result.stdout}${result.stderr}`;
  const problems = [];
  for (const line of output.split('\n')) {
    if (!line.trim()) continue;
    const match = /^(?:.*[\\/])?\.doc-blocks[\\/]([^(]+)\((\d+),(\d+)\): (.*)$/.exec(line);
    const origin = match && origins.get(match[1]);
    if (origin)
      problems.push(`${origin.file}:${origin.line + Number(match[2]) - 1 - origin.offset}:${match[3]} ${match[4]}`);
    else if (!/^\s/.test(line) || problems.length === 0) problems.push(line);
    else problems[problems.length - 1] += `\n${line}`;
  }
  if (result.status !== 0 || problems.length > 0) {
    console.error(`Code blocks that do not type-check (${problems.length}):\n${problems.join('\n')}`);
    console.error('\nFix the snippet, or mark a fragment that cannot compile with ```ts skip-check.');
    console.log(`${count} TypeScript code blocks in ${files.length} Markdown files checked.`);
    process.exit(1);
  }
  console.log(`${count} TypeScript code blocks in ${files.length} Markdown files checked: they type-check.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
