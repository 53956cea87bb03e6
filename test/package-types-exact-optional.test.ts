// Filters and Telegram-type constructors given values that may be undefined, in a consumer project
// compiled with exactOptionalPropertyTypes against the built package (found by a trial bot of a
// typed-API user): `{ commands: admin ? ['ban'] : undefined }` is a filter left out, as it is at
// run time (src/dispatch/filters.ts skips undefined keys), and `new types.ReplyParameters(id,
// { quote: maybe })` an option left out, as for `new types.InputMediaPhoto(id, { caption: maybe })`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve('.');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const built = existsSync('dist/esm/index.d.ts');

const consumer = `
import { Botte, types } from 'botte';

const maybe = (): string | undefined => process.env['X'];
const admin = process.env['ADMIN'] === '1';
const bot = new Botte('1:x');

bot.handleMsg({ commands: admin ? ['ban'] : undefined, contentTypes: undefined, chatTypes: undefined }, (m) => m.text);
bot.handleMsg({ regexp: undefined, func: undefined, isChatAdmin: admin ? true : undefined }, (m) => m.text);
bot.callbackQueryHandler({ callbackData: undefined, func: undefined }, (q) => q.id);
bot.chatMemberHandler({ func: undefined, chatId: undefined }, (u) => u.chat.id);
bot.registerMessageHandler((m) => m.message_id, { commands: undefined });

void new types.InputTextMessageContent('t', { parse_mode: admin ? 'HTML' : undefined, entities: undefined });
void new types.InlineQueryResultArticle('a', 't', new types.InputTextMessageContent('x'), { description: maybe() });
void new types.ReplyParameters(1, { quote: maybe(), chat_id: undefined });
void new types.LinkPreviewOptions({ url: maybe(), is_disabled: undefined });
`;

test('filters and Telegram-type constructors accept undefined values under exactOptionalPropertyTypes', {
  skip: built ? false : 'run `npm run build` first',
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-exact-optional-'));
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
