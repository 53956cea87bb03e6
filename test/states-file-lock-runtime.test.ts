// On a runtime without node:fs (Cloudflare Workers, a browser) a StateFileStorage fails at its
// first use with a RuntimeFeatureUnavailableError naming the feature, so the user knows which
// part of the bot needs a different storage. Emulated here by hiding `process.getBuiltinModule`,
// the only way Botte reaches node:fs synchronously (src/runtime/node-only.ts). Found by mutation
// testing (docs/testing/mutation-mut-leftovers.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RuntimeFeatureUnavailableError, StateFileStorage } from '../src/index.js';

test('without node:fs, a StateFileStorage fails with an error naming "File storage"', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-nofs-'));
  const runtime = process as { getBuiltinModule?: unknown };
  const getBuiltinModule = runtime.getBuiltinModule;
  try {
    const file = join(dir, 'states.json');
    runtime.getBuiltinModule = undefined;
    await assert.rejects(new StateFileStorage(file).getState({ chatId: 1, userId: 1 }), (error: Error) => {
      assert.ok(error instanceof RuntimeFeatureUnavailableError, String(error));
      assert.match(error.message, /^File storage needs node:fs, which this runtime .* does not provide/);
      return true;
    });
    runtime.getBuiltinModule = getBuiltinModule;
    assert.equal(existsSync(`${file}.lock`), false, 'no lock was taken');
  } finally {
    runtime.getBuiltinModule = getBuiltinModule;
    rmSync(dir, { recursive: true, force: true });
  }
});
