#!/usr/bin/env node
// Runs docs/testing.md's vitest example the way a user would: a fresh project with vitest from
// npm, botte linked in as a package (built dist/, resolved through package.json's exports), the
// example bot's file copied next to the test with its import pointing at 'botte'.
// Used by .ci/run; needs the npm registry. `node scripts/test-vitest-example.mjs`
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// vitest 4+ needs Node 22.12 or newer; on Node 20 the last line that supports it.
const major = Number(process.versions.node.split('.')[0]);
const vitest = major >= 22 ? 'vitest@latest' : 'vitest@3';

const page = readFileSync(join(root, 'docs/testing.md'), 'utf8');
const block = /```ts skip-check\n(import \{[^}]*\} from 'vitest';[\s\S]*?)```/.exec(page)?.[1];
if (!block) throw new Error('docs/testing.md: the vitest example block was not found');

if (!existsSync(join(root, 'dist/esm/testing/index.js'))) {
  execFileSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

const project = mkdtempSync(join(tmpdir(), 'botte-vitest-'));
try {
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'vitest-user', private: true, type: 'module' }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--loglevel=error', vitest], {
    cwd: project,
    stdio: 'inherit',
  });
  // botte as an installed package: its own dependencies come from this repository's node_modules.
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  symlinkSync(root, join(project, 'node_modules/botte'), 'dir');
  const bot = readFileSync(join(root, 'examples/buttons-bot.ts'), 'utf8').replace("'../src/index.js'", "'botte'");
  writeFileSync(join(project, 'buttons-bot.ts'), bot);
  writeFileSync(join(project, 'bot.test.ts'), block);
  execFileSync(process.execPath, [join(project, 'node_modules/vitest/vitest.mjs'), 'run'], {
    cwd: project,
    stdio: 'inherit',
  });
  console.log(`vitest example (${vitest}, Node ${process.versions.node}): PASS`);
} finally {
  rmSync(project, { recursive: true, force: true });
}
