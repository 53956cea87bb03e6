// What a user sees when the optional `redis` package is missing, or is not node-redis v4+: a clear
// error at the first storage call, saying what to install, with the import error as its cause.
// Each case runs in a child process whose module resolution is changed by a Node module hook
// (module.register), so that `import('redis')` fails or gives a module without createClient.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs a first storage call in a child process where `redis` resolves as `resolveRedis` says. */
function firstCall(resolveRedis: string): { message: string; name: string; cause?: string } {
  const hooks = `export async function resolve(specifier, context, next) {
      if (specifier === 'redis') { ${resolveRedis} }
      return next(specifier, context);
    }`;
  const script = `
    import { register } from 'node:module';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));
    const { StateRedisStorage } = await import('./src/states/index.ts');
    const storage = new StateRedisStorage({ url: 'redis://127.0.0.1:1' });
    const error = await storage.getState({ chatId: 1, userId: 1 }).then(() => new Error('no error'), (e) => e);
    console.log(JSON.stringify({ name: error.name, message: error.message, cause: error.cause?.message }));`;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(run.status, 0, `the child process failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!);
}

describe('the redis package', () => {
  it('missing: the first call says to install it, with the import error as cause', () => {
    const result = firstCall(
      `throw Object.assign(new Error("Cannot find package 'redis'"), { code: 'ERR_MODULE_NOT_FOUND' });`,
    );
    assert.equal(result.name, 'Error');
    assert.match(result.message, /need the "redis" package.*npm install redis/);
    assert.match(result.cause ?? '', /Cannot find package 'redis'/);
  });

  it('without createClient (not node-redis v4+): the first call says which version is needed', () => {
    const result = firstCall(
      `return { url: 'data:text/javascript,' + encodeURIComponent('export const version = 3;'), shortCircuit: true };`,
    );
    assert.equal(result.name, 'Error');
    assert.match(result.message, /has no createClient\(\): node-redis v4 or later is needed/);
  });
});
