/**
 * A lock file next to a storage file, so that two processes never use one state file at once
 * (each would keep its own copy in memory and the last write would win, losing the other's
 * changes). The lock holds the owner's pid; a lock left by a process that is gone (killed, crashed)
 * is taken over. Released when the process exits.
 * @module
 */
import { dirName as dirname, nodeFsSync } from '../runtime/node-only.js';

/** Another living process uses this state file: refused, since both would lose each other's writes. */
export class StateFileLockedError extends Error {
  /** The state file. */
  readonly filePath: string;
  /** The lock file. */
  readonly lockPath: string;
  /** The pid of the process holding the lock. */
  readonly ownerPid: number;

  /** @param filePath the state file @param lockPath its lock @param ownerPid the holder */
  constructor(filePath: string, lockPath: string, ownerPid: number) {
    super(
      `${filePath} is used by another process (pid ${ownerPid}, see ${lockPath}): one state file serves one process. ` +
        'Use a file per process, or a shared storage such as StateRedisStorage.',
    );
    this.name = 'StateFileLockedError';
    this.filePath = filePath;
    this.lockPath = lockPath;
    this.ownerPid = ownerPid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const held = new Set<string>();
let exitHookInstalled = false;

function releaseAll(): void {
  for (const lockPath of held) {
    try {
      const { readFileSync, unlinkSync } = nodeFsSync('File storage');
      if (readFileSync(lockPath, 'utf8').trim() === String(process.pid)) unlinkSync(lockPath);
    } catch {
      // Already gone.
    }
  }
  held.clear();
}

/**
 * Takes the lock of `filePath` for this process (`<filePath>.lock`), or throws a
 * {@link StateFileLockedError} when a living process holds it. Several storages of one process
 * may share a file's lock. Synchronous: it runs once, at the storage's first use.
 */
export function lockStateFile(filePath: string): void {
  const lockPath = `${filePath}.lock`;
  if (held.has(lockPath)) return;
  // node:fs taken at use, not imported: importing Botte must work where it is missing (Workers).
  const { mkdirSync, readFileSync, unlinkSync, writeFileSync } = nodeFsSync('File storage');
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      held.add(lockPath);
      if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.on('exit', releaseAll);
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = NaN;
    try {
      owner = Number(readFileSync(lockPath, 'utf8').trim());
    } catch {
      continue; // removed meanwhile: try again
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
      throw new StateFileLockedError(filePath, lockPath, owner);
    }
    // A stale lock (its process is gone, or it is ours from an earlier run with the same pid).
    try {
      unlinkSync(lockPath);
    } catch {
      // Another process took it over first; the next attempt sees its lock.
    }
  }
  throw new Error(`Could not take the lock ${lockPath} of ${filePath}`);
}
