/**
 * Small helpers for the file-backed storages: read a JSON file that may not exist yet, and write
 * one atomically (temp file + rename) with writes serialised and coalesced.
 * @module
 */
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Reads and parses `filePath`; undefined when the file does not exist or is empty. */
export async function readJsonFile(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (text.trim() === '') return undefined;
  return JSON.parse(text);
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

  /**
   * @param filePath the file to write
   * @param snapshot returns what to write, called when the write actually starts
   */
  constructor(private readonly filePath: string, private readonly snapshot: () => unknown) {}

  /** Schedules a write; resolves once a write that started after this call has finished. */
  write(): Promise<void> {
    // A queued write has not taken its snapshot yet, so it already covers this change.
    if (this.queued) return this.queued;
    const next = this.running.catch(() => undefined).then(() => {
      this.queued = undefined;
      return this.writeNow();
    });
    this.queued = next;
    this.running = next;
    return next;
  }

  private async writeNow(): Promise<void> {
    const text = JSON.stringify(this.snapshot());
    await mkdir(dirname(this.filePath), { recursive: true });
    // Unique per process and per write, so two writers (even two processes) never share a temp file.
    const temp = `${this.filePath}.${process.pid}.${++tempCounter}.tmp`;
    try {
      await writeFile(temp, text, 'utf8');
      await rename(temp, this.filePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}
