// One process loading both builds (`require('botte')` and `import 'botte'`): an error made by
// one copy passes `instanceof` against the other copy's class. Runs against the built package
// (dist/), which `npm test` builds first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const built = existsSync('dist/cjs/index.js') && existsSync('dist/esm/index.js');

type ErrorModule = Record<string, new (...args: any[]) => Error>;

test('error classes pass instanceof across the CommonJS and ESM builds', {
  skip: built ? false : 'run `npm run build` first',
}, async () => {
  const cjs = require(resolve('dist/cjs/index.js')) as ErrorModule;
  const esm = (await import(pathToFileURL(resolve('dist/esm/index.js')).href)) as ErrorModule;
  const cjsTesting = require(resolve('dist/cjs/testing/index.js')) as ErrorModule;
  const esmTesting = (await import(pathToFileURL(resolve('dist/esm/testing/index.js')).href)) as ErrorModule;
  assert.notEqual(cjs.ApiTelegramException, esm.ApiTelegramException, 'two copies are loaded');

  const make: Record<string, (m: ErrorModule) => Error> = {
    ApiTelegramException: (m) =>
      new m.ApiTelegramException!('sendMessage', { ok: false, error_code: 403, description: 'Forbidden' }, 403),
    ApiHTTPException: (m) => new m.ApiHTTPException!('getMe', 'socket hang up', 'ECONNRESET'),
    ApiInvalidJSONException: (m) => new m.ApiInvalidJSONException!('getMe', '<html>', 502),
    LocalFileError: (m) => new m.LocalFileError!('sendDocument', '/nope', { code: 'ENOENT' }),
    UnknownFilterKeyError: (m) => new m.UnknownFilterKeyError!('comands', 'unknown key'),
  };
  for (const [name, build] of Object.entries(make)) {
    for (const [from, to] of [
      [cjs, esm],
      [esm, cjs],
    ] as const) {
      const error = build(from);
      assert.ok(error instanceof to[name]!, `${name} from one build is instanceof the other's`);
      assert.ok(error instanceof from[name]!, `${name} is instanceof its own class`);
      if (name.startsWith('Api') || name === 'LocalFileError')
        assert.ok(error instanceof to.ApiException!, `${name} is an ApiException of the other build`);
    }
  }
  // Distinct classes stay distinct.
  const http = new cjs.ApiHTTPException!('getMe', 'x', 'ECONNRESET');
  assert.ok(!(http instanceof esm.ApiTelegramException!));
  assert.ok(!(new Error('plain') instanceof esm.ApiException!));
  assert.ok(!({} instanceof esm.ApiException!) && !((null as unknown as object) instanceof esm.ApiException!));

  const passportError = new (require(resolve('dist/cjs/passport/index.js')) as ErrorModule).PassportDecryptionError!(
    'bad key',
    'key',
  );
  const esmPassport = (await import(pathToFileURL(resolve('dist/esm/passport/index.js')).href)) as ErrorModule;
  assert.ok(passportError instanceof esmPassport.PassportDecryptionError!);
  assert.ok(new cjsTesting.TelegramError!(403, 'Forbidden') instanceof esmTesting.TelegramError!);
});

test("a user's subclass of a branded error keeps the ordinary instanceof", async () => {
  const { ApiException, ApiHTTPException } = await import('../src/index.js');
  class MyError extends ApiException {}
  assert.ok(new MyError('x', 'getMe') instanceof MyError);
  assert.ok(new MyError('x', 'getMe') instanceof ApiException);
  assert.ok(!(new ApiException('x', 'getMe') instanceof MyError), 'a base instance is not a subclass instance');
  assert.ok(!(new ApiHTTPException('getMe', 'x', 'E') instanceof MyError));
});
