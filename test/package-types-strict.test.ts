// The built declarations type-check in a consumer project with TypeScript's strictest optional
// flags, which many projects turn on (exactOptionalPropertyTypes, noUncheckedIndexedAccess,
// noPropertyAccessFromIndexSignature) and with skipLibCheck off, so that tsc reads every .d.ts
// of botte, botte/testing, botte/async, botte/scale and botte/advanced. A real tsc run on a
// temporary project whose node_modules/botte is a symlink to this repository (dist/ comes from
// `npm run build`, which `npm test` runs first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve('.');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = existsSync('dist/esm/index.d.ts') && existsSync('dist/esm/scale/index.d.ts');

const consumer = `
import * as botte from 'botte';
import * as testing from 'botte/testing';
import * as asyncEntry from 'botte/async';
import * as scale from 'botte/scale';
import * as advanced from 'botte/advanced';

const backend: botte.HandlerBackend = new botte.FileHandlerBackend('./steps.json');
const bot = new botte.Botte('1:x', { nextStepBackend: backend });
bot.handleMsg({ contentTypes: ['photo'] }, (m) => m.photo[0]?.file_id);
export const entries = [botte, testing, asyncEntry, scale, advanced, bot];
`;

test('the declarations compile under exactOptionalPropertyTypes and the other strict flags', {
  skip: built ? false : 'run `npm run build` first',
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-strict-consumer-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(repo, join(dir, 'node_modules', 'botte'), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(join(dir, 'index.ts'), consumer);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          noPropertyAccessFromIndexSignature: true,
          noImplicitOverride: true,
          noEmit: true,
          target: 'ES2022',
          module: 'nodenext',
          moduleResolution: 'nodenext',
          skipLibCheck: false,
          types: ['node'],
          typeRoots: [join(repo, 'node_modules', '@types')],
        },
        files: ['index.ts'],
      }),
    );
    const run = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(run.error, undefined, `tsc did not finish: ${String(run.error)}`);
    assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
