// A lock held by a living process of another user is refused too: the operating system then
// answers "not permitted" (EPERM) to the liveness probe, which still means "alive". Run as root
// (as in CI containers), the probe never meets EPERM in-process, so the check runs in a child
// process started as the unprivileged user `nobody` (uid 65534) against a lock held by this
// (root) process. Found by mutation testing (docs/testing/mutation-mut-leftovers.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { StateFileStorage, StateFileLockedError } from '../src/index.js';

const NOBODY = 65534;

/** Whether a user other than the owner may reach `path` (every folder above it searchable, it readable). */
function othersCanReach(path: string): boolean {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dirname(dir) === dir) break;
  }
  return (statSync(path).mode & 0o004) !== 0;
}

/**
 * Runs test/fixtures/file-lock-user-child.ts on `file` as `uid` and returns its JSON answer
 * (deadline 60 s), or undefined when the system does not let this process start one as `uid`.
 */
function runAs(uid: number, file: string, home: string): Promise<{ outcome: string; ownerPid?: number } | undefined> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/file-lock-user-child.ts', file], {
    uid,
    gid: uid,
    // Without NODE_V8_COVERAGE: the child's user may not write the coverage files of c8's folder.
    env: { ...process.env, HOME: home, NODE_V8_COVERAGE: undefined },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('the child did not exit within 60 s'));
    }, 60_000);
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // A container without that user mapped, or without the right to change user.
      if (error.code === 'EPERM' || error.code === 'EINVAL') resolve(undefined);
      else reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`the child exited with ${code}: ${out}`));
      else resolve(JSON.parse(out.trim()));
    });
  });
}

test("a lock held by another user's living process is refused, not taken over as stale", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'botte-lock-user-'));
  try {
    const file = join(dir, 'states.json');
    const asRoot = process.getuid?.() === 0;
    // A checkout or a Node installed under a private folder (/root/...) cannot run as `nobody`.
    const nobodyCanRun = othersCanReach(process.execPath) && othersCanReach('package.json');
    if (asRoot && !nobodyCanRun) t.diagnostic('nobody cannot reach node or the checkout: EPERM not exercised');
    let checkedAsNobody = false;
    if (asRoot && nobodyCanRun) {
      chmodSync(dir, 0o777); // the other user may write here: only the lock stops it
      writeFileSync(`${file}.lock`, String(process.pid));
      const answer = await runAs(NOBODY, file, dir);
      if (answer === undefined)
        t.diagnostic('this system does not let root start a process as nobody: EPERM not exercised');
      else {
        assert.deepEqual(answer, { outcome: 'locked', ownerPid: process.pid });
        assert.equal(readFileSync(`${file}.lock`, 'utf8'), String(process.pid), 'the lock is still ours');
        checkedAsNobody = true;
      }
    }
    if (!checkedAsNobody) {
      // Not root: pid 1 (init) belongs to root, so the probe meets EPERM here.
      const init = join(dir, 'init.json');
      writeFileSync(`${init}.lock`, '1');
      await assert.rejects(
        new StateFileStorage(init).getState({ chatId: 1, userId: 1, botId: 1 }),
        (error: unknown) => error instanceof StateFileLockedError && error.ownerPid === 1,
      );
      assert.equal(readFileSync(`${init}.lock`, 'utf8'), '1');
    }
    // The same probe on a process that is gone (no EPERM there): its lock is stale, taken over.
    // (In this process too, so that a per-test coverage run counts this file for the probe.)
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    const stale = join(dir, 'stale.json');
    writeFileSync(`${stale}.lock`, String(gone.pid));
    assert.equal(await new StateFileStorage(stale).getState({ chatId: 1, userId: 1, botId: 1 }), undefined);
    assert.equal(readFileSync(`${stale}.lock`, 'utf8'), String(process.pid));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
