/**
 * Small helpers for the file-backed storages: load a file once, read a JSON file that may not
 * exist yet, and write one atomically (temp file + rename) with writes serialised and coalesced.
 * @module
 */
import { dirName as dirname, nodeFsPromises } from '../runtime/node-only.js';

/** Reads and parses `filePath`; undefined when the file does not exist or is empty. */
export async function readJsonFile(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await (await nodeFsPromises('File storage')).readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // Named, so that the log says which file to repair; it is left as it is (never overwritten).
    throw new Error(`${filePath} is not valid JSON (${(error as Error).message}); fix or remove it`, { cause: error });
  }
}

/**
 * Wraps an async `load` so that it runs once: every call shares its promise. A failed load is
 * forgotten, so the next call tries again (the file may be readable by then).
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

let tempCounter = 0;

/**
 * Writes snapshots of some in-memory value to one file. Only one write runs at a time; requests
 * made while a write runs are merged into a single follow-up write of the latest snapshot, so a
 * burst of changes costs at most two writes and the file always holds complete JSON.
 */
export class AtomicJsonWriter {
  private running: Promise<void> = Promise.resolve();
  private queued?: Promise<void>;
  // A change the file does not hold yet: set by write()/markDirty(), cleared when a write takes
  // its snapshot, set again when that write fails.
  private dirty = false;

  /**
   * @param filePath the file to write
   * @param snapshot returns what to write, called when the write actually starts
   */
  constructor(
    private readonly filePath: string,
    private readonly snapshot: () => unknown,
  ) {}

  /** Notes a change whose write is deferred (a delayed save); {@link flush} writes it. */
  markDirty(): void {
    this.dirty = true;
  }

  /** Schedules a write; resolves once a write that started after this call has finished. */
  write(): Promise<void> {
    this.dirty = true;
    // A queued write has not taken its snapshot yet, so it already covers this change.
    if (this.queued) return this.queued;
    const next = this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.writeNow();
      });
    this.queued = next;
    this.running = next;
    return next;
  }

  /**
   * Resolves once the file holds the latest snapshot: waits for the write in flight and writes
   * again only when something changed since its snapshot (or it failed). Nothing to do: no write.
   */
  flush(): Promise<void> {
    return this.running.catch(() => undefined).then(() => (this.dirty ? this.write() : undefined));
  }

  private async writeNow(): Promise<void> {
    this.dirty = false;
    // Unique per process and per write, so two writers (even two processes) never share a temp file.
    const temp = `${this.filePath}.${process.pid}.${++tempCounter}.tmp`;
    try {
      const text = JSON.stringify(this.snapshot()); // taken now, before the first await
      const { mkdir, writeFile, rename } = await nodeFsPromises('File storage');
      await mkdir(dirname(this.filePath), { recursive: true });
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.filePath);
    } catch (error) {
      this.dirty = true; // the file is still behind: the next flush() tries again
      await nodeFsPromises('File storage')
        .then((fs) => fs.unlink(temp))
        .catch(() => undefined);
      throw error;
    }
  }
}
