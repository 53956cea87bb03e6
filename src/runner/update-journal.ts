/**
 * The update journal: how polling keeps at-least-once while moving past slow handlers.
 *
 * Telegram's getUpdates answers at most 100 updates from the offset, and the offset confirms
 * (forgets) everything below it. A handler still running holds the offset, so without help the
 * poller can see only the 99 updates above it: slow handlers cap throughput at about 100 updates
 * per slow-handler duration. Moving the offset past the running update frees the window, but
 * Telegram then forgets that update, and a crash (kill -9) before it finishes would lose it.
 *
 * With a journal both hold: before the offset moves past unfinished updates, they are written
 * to the journal (and the offset moves only once the write has completed); when they finish they
 * are taken out again. The next run replays what the journal still holds before polling.
 * Replayed updates that Telegram also delivers again are recognised by their `update_id` and
 * handled once.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { dirName, nodeFs } from '../runtime/node-only.js';
import { usableUpdateId } from '../dispatch/malformed-update.js';

/**
 * Durable storage of the updates polling moved past before they finished. One journal per bot.
 * Implement it to keep them elsewhere than in a file (e.g. Redis); {@link FileUpdateJournal} is
 * the built-in one. Botte never runs two of its calls at once.
 */
export interface UpdateJournal {
  /** The updates the previous run added and did not remove ([] when none). Called once per run, before polling. */
  load(): Promise<readonly unknown[]>;
  /** Adds `updates`. Must resolve only once they are stored durably enough to survive the process being killed. */
  add(updates: readonly Update[]): Promise<void>;
  /** Removes the updates with these ids (they finished). Need not be durable at once: a stale entry only means a duplicate after a crash. */
  remove(ids: readonly number[]): Promise<void>;
}

/** Rewrite the file when it has grown past this many bytes and holds mostly removed entries. */
const COMPACT_BYTES = 1 << 20;

/**
 * An {@link UpdateJournal} in an append-only file of JSON lines (`{"add":[updates]}`,
 * `{"remove":[ids]}`), written with one synchronous append per call: a killed process never
 * leaves half a line (a power cut may, and a torn last line is ignored). The file is emptied
 * whenever nothing is left in it, and rewritten (temporary file + rename) when it grows large.
 * It is written only when slow handlers make polling move past unfinished updates, and when
 * those finish.
 */
export class FileUpdateJournal implements UpdateJournal {
  /** What the file holds, by update_id. */
  private readonly live = new Map<number, unknown>();
  private fs: typeof import('node:fs') | undefined;
  private fd: number | undefined;
  private bytes = 0;

  /** @param filePath the journal file (created when first needed, with its folder) */
  constructor(readonly filePath: string) {}

  /**
   * Reads the file, then rewrites it with only what is left. A missing or empty file is an empty
   * journal; a line that is not JSON (other than a torn last line) is an error naming the file,
   * which is left as it is.
   */
  async load(): Promise<readonly unknown[]> {
    this.fs ??= await nodeFs('An update journal');
    const fs = this.fs;
    this.closeFile();
    this.live.clear();
    let text = '';
    try {
      text = fs.readFileSync(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const lines = text.split('\n');
    const malformed: unknown[] = [];
    for (const [index, line] of lines.entries()) {
      if (line.trim() === '') continue;
      let entry: { add?: unknown; remove?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch (error) {
        if (index === lines.length - 1) break; // torn by a power cut: it was never confirmed as added
        throw new Error(`${this.filePath} is not an update journal (line ${index + 1} is not JSON); fix or remove it`, {
          cause: error,
        });
      }
      if (Array.isArray(entry?.add)) {
        for (const update of entry.add) {
          const id = usableUpdateId(update);
          // One without a usable id (none, a string, 1.5) is returned (the poller reports it) but not
          // kept: kept, it could never be removed, and would be reported again at every start.
          if (id !== undefined) this.live.set(id, update);
          else malformed.push(update);
        }
      } else if (Array.isArray(entry?.remove)) {
        for (const id of entry.remove) this.live.delete(id as number);
      } else {
        throw new Error(
          `${this.filePath} is not an update journal (line ${index + 1} is neither add nor remove); fix or remove it`,
        );
      }
    }
    const left = [...this.live.values(), ...malformed];
    if (text !== '') this.rewrite();
    return left;
  }

  /** Appends the updates. */
  async add(updates: readonly Update[]): Promise<void> {
    if (updates.length === 0) return;
    for (const update of updates) this.live.set(update.update_id, update);
    this.append(`${JSON.stringify({ add: updates })}\n`);
  }

  /** Appends the removal, or empties the file when nothing is left in it. */
  async remove(ids: readonly number[]): Promise<void> {
    let removed = false;
    for (const id of ids) removed = this.live.delete(id) || removed;
    if (!removed) return;
    if (this.live.size === 0) {
      this.fsOf().ftruncateSync(this.openFile(), 0);
      this.bytes = 0;
      return;
    }
    if (this.bytes > COMPACT_BYTES) {
      this.rewrite();
      return;
    }
    this.append(`${JSON.stringify({ remove: ids })}\n`);
  }

  private fsOf(): typeof import('node:fs') {
    if (this.fs === undefined) throw new Error('FileUpdateJournal: load() must be called first');
    return this.fs;
  }

  private openFile(): number {
    if (this.fd === undefined) {
      const fs = this.fsOf();
      fs.mkdirSync(dirName(this.filePath), { recursive: true });
      this.fd = fs.openSync(this.filePath, 'a');
      this.bytes = fs.fstatSync(this.fd).size;
    }
    return this.fd;
  }

  private append(line: string): void {
    this.fsOf().writeSync(this.openFile(), line);
    this.bytes += Buffer.byteLength(line);
  }

  /** Replaces the file by one holding only the live entries (temporary file + rename). */
  private rewrite(): void {
    const fs = this.fsOf();
    this.closeFile();
    const text = this.live.size ? `${JSON.stringify({ add: [...this.live.values()] })}\n` : '';
    const temp = `${this.filePath}.${process.pid}.tmp`;
    fs.mkdirSync(dirName(this.filePath), { recursive: true });
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, this.filePath);
  }

  private closeFile(): void {
    if (this.fd !== undefined) this.fsOf().closeSync(this.fd);
    this.fd = undefined;
  }
}

const ignore = (): void => undefined;

/** The poller's side of a journal: which updates are in flight, which are kept in the journal. */
export class JournalKeeper {
  /** Updates accepted and not finished, by id (the journal may have to keep any of them). */
  private readonly inFlight = new Map<number, Update>();
  /** Ids in the journal (moved past, not finished). */
  private readonly kept = new Set<number>();
  /** Ids that finished and are still in the journal: removed at the next {@link tidy}. */
  private finishedKept: number[] = [];
  /** No add is tried before this time (ms), after one failed. */
  private retryAt = 0;
  /** Journal calls run one after the other. */
  private chain: Promise<void> = Promise.resolve();

  /**
   * @param journal where the kept updates are stored
   * @param report receives the errors of journal calls nobody awaits
   */
  constructor(
    private readonly journal: UpdateJournal,
    private readonly report: (error: unknown) => void,
  ) {}

  /** Loads what the previous run left; the caller handles them (they stay kept until they finish). */
  load(): Promise<readonly unknown[]> {
    return this.run(() => this.journal.load());
  }

  /** An update (new or replayed) was accepted. `kept`: it is in the journal already (replayed). */
  accepted(update: Update, kept = false): void {
    this.inFlight.set(update.update_id, update);
    if (kept) this.kept.add(update.update_id);
  }

  /** An update finished: it leaves the journal (the updates finishing in the same tick in one write). */
  finished(id: number): void {
    this.inFlight.delete(id);
    if (this.kept.delete(id)) this.removeSoon(id);
  }

  private removeSoon(id: number): void {
    this.finishedKept.push(id);
    if (this.finishedKept.length === 1) setTimeout(() => this.tidy(), 0);
  }

  /**
   * Adds the in-flight `ids` to the journal; resolves true once they are stored, false (error
   * reported) when that failed, in which case they must keep holding the offset.
   */
  async keep(ids: readonly number[]): Promise<boolean> {
    const added: Update[] = [];
    for (const id of ids) {
      const update = this.inFlight.get(id);
      if (update !== undefined && !this.kept.has(id)) added.push(update);
    }
    if (added.length === 0) return true;
    // After a failure, wait a second before trying again (and reporting again): the offset stays held meanwhile.
    if (Date.now() < this.retryAt) return false;
    try {
      await this.run(() => this.journal.add(added));
    } catch (error) {
      this.retryAt = Date.now() + 1000;
      this.report(error);
      return false;
    }
    for (const update of added) {
      // One that finished during the write leaves the journal again at the next tidy.
      if (this.inFlight.has(update.update_id)) this.kept.add(update.update_id);
      else this.removeSoon(update.update_id);
    }
    return true;
  }

  /** Removes updates of the previous run that are not handled again (skipPending, duplicates). */
  async drop(ids: readonly number[]): Promise<void> {
    if (ids.length) await this.run(() => this.journal.remove(ids));
  }

  /** Removes the finished updates from the journal, in the background (errors reported); a stale entry would only mean a duplicate after a crash. */
  tidy(): void {
    if (this.finishedKept.length) this.removeFinished().catch(this.report);
  }

  /** Waits for the journal calls in progress, then removes the finished updates (errors reported). */
  async close(): Promise<void> {
    await this.removeFinished().catch(this.report);
  }

  private removeFinished(): Promise<void> {
    const ids = this.finishedKept;
    this.finishedKept = [];
    return this.run(() => (ids.length ? this.journal.remove(ids) : Promise.resolve()));
  }

  /** Runs `call` after the journal calls already queued. */
  private run<T>(call: () => Promise<T>): Promise<T> {
    const result = this.chain.catch(ignore).then(call);
    this.chain = result.then(ignore, ignore);
    return result;
  }
}
