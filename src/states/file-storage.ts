/**
 * States kept in a JSON file, for bots that must remember conversations across restarts on one
 * machine. The file is read once (lazily, at the first call) and rewritten after changes,
 * atomically (temp file + rename), one write at a time: changes made in the same tick, or while a
 * write is in flight, are saved together by one write of the latest snapshot.
 * @module
 */
import { readJsonFile, AtomicJsonWriter, loadOnce } from './json-file.js';
import { RecordMapStorage, type StateRecord } from './memory-storage.js';
import type { StorageKeyOptions } from './key.js';
import { lockStateFile } from './file-lock.js';

/** The file's layout. */
interface StateFileContent {
  version: 1;
  records: Record<string, StateRecord>;
}

/**
 * A state storage in a JSON file (pyTelegramBotAPI's `StatePickleStorage`, in JSON). Data must
 * be JSON-serialisable. One process per file: at its first use the storage takes a lock file
 * (`<filePath>.lock`, holding the pid); while another living process holds it, every call
 * rejects with a `StateFileLockedError` (two processes would each keep their own copy in memory
 * and lose each other's writes). A lock left by a dead process is taken over.
 */
export class StateFileStorage extends RecordMapStorage {
  private map?: Map<string, StateRecord>;
  private readonly writer: AtomicJsonWriter;
  private readonly loadRecords = loadOnce(() => this.load());

  /**
   * @param filePath the JSON file (created with its folder at the first change)
   * @param options prefix and separator of the keys
   */
  constructor(
    readonly filePath = './.state-save/states.json',
    options: StorageKeyOptions = {},
  ) {
    super(options);
    this.writer = new AtomicJsonWriter(
      filePath,
      (): StateFileContent => ({
        version: 1,
        records: Object.fromEntries(this.map ?? []),
      }),
    );
  }

  protected override records(): Promise<Map<string, StateRecord>> {
    return this.loadRecords();
  }

  private async load(): Promise<Map<string, StateRecord>> {
    lockStateFile(this.filePath);
    const content = (await readJsonFile(this.filePath)) as Partial<StateFileContent> | undefined;
    const records = content?.records;
    if (content !== undefined && (typeof records !== 'object' || records === null)) {
      throw new Error(`${this.filePath} is not a Botte state file`);
    }
    this.map = new Map(Object.entries(records ?? {}));
    return this.map;
  }

  protected override changed(): Promise<void> {
    return this.writer.write();
  }

  /** Resolves once the file holds every change made so far (writing only if it is behind). */
  flush(): Promise<void> {
    return this.writer.flush();
  }
}
