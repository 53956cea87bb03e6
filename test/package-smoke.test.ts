// The built package as users get it: `npm pack`, unpacked into the node_modules of a temporary
// project (its dependencies linked from this repo's, as no registry is reached), then imported by
// name — ESM and CommonJS, every subpath of the exports map — running the echo bot against the
// emulator of `botte/testing`, and type-checked by tsc under moduleResolution node10, node16 and
// bundler. The rest of the suite imports src/ through tsx and would not notice a broken dist/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = resolve(import.meta.dirname ?? dirname(new URL(import.meta.url).pathname), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { typesVersions?: unknown };
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
let project: string;

/** Runs `node <file>` in the consumer project; returns its stdout (the last line: a JSON report). */
async function node(file: string): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, [file], {
    cwd: project,
    timeout: 60_000,
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
}

/** Type-checks the consumer files with `tsconfig.<name>.json`; rejects with tsc's diagnostics. */
async function typecheck(name: string): Promise<void> {
  try {
    await run(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: project, timeout: 120_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    assert.fail(`tsc (${name}) failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

before(async () => {
  if (!existsSync(join(root, 'dist/esm/index.js')) || !existsSync(join(root, 'dist/cjs/index.js'))) {
    await run(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, timeout: 300_000 });
  }
  project = await mkdtemp(join(tmpdir(), 'botte-consumer-'));
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], {
    cwd: root,
    timeout: 120_000,
  });
  const tarball = join(project, (JSON.parse(stdout) as Array<{ filename: string }>)[0]!.filename);
  const modules = join(project, 'node_modules');
  await mkdir(join(modules, '@grammyjs'), { recursive: true });
  await mkdir(join(modules, '@types'), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', modules]);
  await rename(join(modules, 'package'), join(modules, 'botte'));
  for (const dep of ['undici', '@grammyjs/types', '@types/node', 'undici-types']) {
    if (existsSync(join(root, 'node_modules', dep)))
      await symlink(join(root, 'node_modules', dep), join(modules, dep), 'dir');
  }
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, dependencies: { botte: '*' } }),
  );
  await writeFile(join(project, 'esm.mjs'), ESM_SCRIPT);
  await writeFile(join(project, 'cjs.cjs'), CJS_SCRIPT);
  await writeFile(join(project, 'consumer.ts'), CONSUMER);
  await writeFile(join(project, 'consumer-esm.mts'), CONSUMER);
  const options = {
    strict: true,
    noEmit: true,
    target: 'ES2022',
    lib: ['ES2023'],
    types: ['node'],
    skipLibCheck: true,
  };
  // The declaration files themselves are checked once (skipLibCheck off: slow, it checks every
  // .d.ts they pull in); the other resolutions check what a consumer sees through them.
  const configs = {
    node10: { module: 'commonjs', moduleResolution: 'node10', files: ['consumer.ts'] },
    node16: { module: 'node16', moduleResolution: 'node16', files: ['consumer.ts', 'consumer-esm.mts'] },
    bundler: { module: 'esnext', moduleResolution: 'bundler', skipLibCheck: false, files: ['consumer.ts'] },
  };
  for (const [name, { files, ...resolution }] of Object.entries(configs)) {
    await writeFile(
      join(project, `tsconfig.${name}.json`),
      JSON.stringify({ compilerOptions: { ...options, ...resolution }, files }),
    );
  }
});
after(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

test('ESM: `botte`, `botte/async` and `botte/testing` resolve to dist/esm and run the echo bot', async () => {
  const report = await node('esm.mjs');
  assert.deepEqual(report, {
    resolved: ['dist/esm/index.js', 'dist/esm/async.js', 'dist/esm/testing/index.js'],
    replies: ['Howdy!', 'echo: hi from ESM', 'async: hi from ESM'],
    asyncIsBotte: true,
    version: report.version,
  });
  assert.match(String(report.version), /^\d+\.\d+\.\d+/);
});

test('CommonJS: require() of each subpath resolves to dist/cjs and runs the echo bot', async () => {
  const report = await node('cjs.cjs');
  assert.deepEqual(report, {
    resolved: ['dist/cjs/index.js', 'dist/cjs/async.js', 'dist/cjs/testing/index.js'],
    replies: ['Howdy!', 'echo: hi from CJS', 'async: hi from CJS'],
    asyncIsBotte: true,
  });
});

test('types under moduleResolution node16 (CommonJS and ESM consumers)', () => typecheck('node16'));
test('types under moduleResolution bundler, the declaration files checked too', () => typecheck('bundler'));
// node10 ignores the exports map: `botte/async` and `botte/testing` need typesVersions in package.json.
test(
  'types under moduleResolution node10',
  { todo: pkg.typesVersions === undefined ? 'needs typesVersions in package.json' : false },
  () => typecheck('node10'),
);

/** The echo bot of the README, run by both scripts: Botte from `botte`, AsyncBotte from `botte/async`. */
const ECHO = `
async function main(Botte, AsyncBotte, BotApiEmulator, tag) {
  const emu = await BotApiEmulator.start();
  const replies = [];
  try {
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ commands: ['start'] }, (message) => bot.replyTo(message, 'Howdy!'));
    bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, 'echo: ' + message.text));
    let running = bot.runthebot({ longPollingTimeout: 1 });
    emu.pushMessage('/start');
    replies.push((await emu.waitForCall('sendMessage', undefined, { timeoutMs: 10000 })).params.text);
    let since = emu.calls.length;
    emu.pushMessage('hi from ' + tag);
    replies.push((await emu.waitForCall('sendMessage', undefined, { since, timeoutMs: 10000 })).params.text);
    await bot.stopBot();
    await running;
    const asyncBot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
    asyncBot.handleMsg({ func: () => true }, async (message) => { await asyncBot.replyTo(message, 'async: ' + message.text); });
    running = asyncBot.polling({ longPollingTimeout: 1 });
    since = emu.calls.length;
    emu.pushMessage('hi from ' + tag);
    replies.push((await emu.waitForCall('sendMessage', undefined, { since, timeoutMs: 10000 })).params.text);
    await asyncBot.stopBot();
    await running;
    return { replies, asyncIsBotte: asyncBot instanceof Botte };
  } finally {
    await emu.stop();
  }
}
const shortPath = (file) => file.replace(/\\\\/g, '/').replace(/^.*\\/node_modules\\/botte\\//, '');
`;

const ESM_SCRIPT = `import { Botte } from 'botte';
import { AsyncBotte } from 'botte/async';
import { BotApiEmulator } from 'botte/testing';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
${ECHO}
const resolved = ['botte', 'botte/async', 'botte/testing'].map((name) => shortPath(fileURLToPath(import.meta.resolve(name))));
const version = createRequire(import.meta.url)('botte/package.json').version;
console.log(JSON.stringify({ resolved, ...(await main(Botte, AsyncBotte, BotApiEmulator, 'ESM')), version }));
`;

const CJS_SCRIPT = `const { Botte } = require('botte');
const { AsyncBotte } = require('botte/async');
const { BotApiEmulator } = require('botte/testing');
${ECHO}
const resolved = ['botte', 'botte/async', 'botte/testing'].map((name) => shortPath(require.resolve(name)));
main(Botte, AsyncBotte, BotApiEmulator, 'CJS').then((report) => console.log(JSON.stringify({ resolved, ...report })));
`;

/** A consumer of the public types; the @ts-expect-error lines prove the types are real, not `any`. */
const CONSUMER = `import { Botte, ApiTelegramException, type Message } from 'botte';
import { AsyncBotte } from 'botte/async';
import { BotApiEmulator } from 'botte/testing';

const bot: Botte = new AsyncBotte('123:abc');
bot.handleMsg({ commands: ['start'] }, async (message: Message) => {
  const sent = await bot.sendMessage(message.chat.id, 'hi');
  const id: number = sent.message_id;
  return id;
});
export async function check(emu: BotApiEmulator): Promise<number> {
  const me = await bot.getMe();
  // @ts-expect-error: getMe's user has no such field
  void me.no_such_field;
  // @ts-expect-error: sendMessage needs a chat id and a text
  void bot.sendMessage();
  emu.pushMessage('hello', { chatId: 1 });
  return me.id;
}
export const isApiError = (error: unknown): boolean => error instanceof ApiTelegramException && error.errorCode === 429;
`;
