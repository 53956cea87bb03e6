// A consumer project compiled against the built package (dist/, made by `npm run build`, which
// `npm test` runs first) under each moduleResolution a TypeScript user may have: every subpath
// (`botte`, `botte/testing`, `botte/async`) resolves, and `declare module 'botte'` augments the
// filter keys. Each case is a real `tsc` run on a temporary project whose node_modules/botte is
// a symlink to this repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve('.');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = existsSync('dist/esm/index.d.ts') && existsSync('dist/cjs/testing/index.d.ts');

const consumer = `
import { Botte, ApiTelegramException, type CustomFilterKeys } from 'botte';
import { BotApiEmulator, TelegramError } from 'botte/testing';
import { AsyncBotte } from 'botte/async';

declare module 'botte' {
  interface CustomFilterKeys { isPremium: boolean }
}

export async function check(): Promise<void> {
  const emu: BotApiEmulator = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ isPremium: true }, (m) => m.text.toUpperCase());
  // @ts-expect-error a misspelt key does not compile
  bot.handleMsg({ isPremum: true }, (m) => m.text);
  bot.callbackQueryHandler({ callbackData: /^x/ }, (c) => c.data.toUpperCase());
  const premium: CustomFilterKeys['isPremium'] = true;
  const error: unknown = new TelegramError(403, 'Forbidden');
  if (error instanceof ApiTelegramException) void error.errorCode;
  void premium;
  void AsyncBotte;
  await emu.stop();
}
`;

const cases = [
  { name: 'node10', module: 'commonjs', moduleResolution: 'node10', type: 'commonjs' },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', type: 'module' },
  { name: 'nodenext (CommonJS consumer)', module: 'nodenext', moduleResolution: 'nodenext', type: 'commonjs' },
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', type: 'module' },
] as const;

for (const c of cases) {
  test(`botte, botte/testing and botte/async resolve under moduleResolution ${c.name}`, {
    skip: built ? false : 'run `npm run build` first',
  }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'botte-consumer-'));
    try {
      mkdirSync(join(dir, 'node_modules'));
      symlinkSync(repo, join(dir, 'node_modules', 'botte'), 'dir');
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: c.type }));
      writeFileSync(join(dir, 'index.ts'), consumer);
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: c.module,
            moduleResolution: c.moduleResolution,
            esModuleInterop: true,
            skipLibCheck: false,
            types: ['node'],
            typeRoots: [join(repo, 'node_modules', '@types')],
          },
          files: ['index.ts'],
        }),
      );
      const run = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(run.error, undefined, `tsc did not finish: ${String(run.error)}`);
      assert.equal(run.status, 0, `tsc failed under ${c.name}:\n${run.stdout}${run.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
