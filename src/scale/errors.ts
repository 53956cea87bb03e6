/**
 * The typed errors of the update queue.
 * @module
 */

/** Redis could not be reached (wrong URL, server down, refused credentials) when a queue process started. */
export class QueueRedisError extends Error {
  /** The Redis URL with any password replaced by `***` (never the bot token, which is not in it). */
  readonly url: string;

  /** @param message what failed @param url the Redis URL (redacted here) @param cause the client's error */
  constructor(message: string, url: string, cause?: unknown) {
    const safe = redactRedisUrl(url);
    super(`${message} (Redis at ${safe})${cause instanceof Error ? `: ${cause.message}` : ''}`, { cause });
    this.name = 'QueueRedisError';
    this.url = safe;
  }
}

/** A stream entry that is not a queued update (no `u` field, or not an Update as JSON): reported, then acknowledged. */
export class MalformedQueueEntryError extends Error {
  /** The stream the entry was read from. */
  readonly stream: string;
  /** The entry's id in the stream. */
  readonly entryId: string;

  /** @param problem what is wrong @param stream where @param entryId which entry */
  constructor(problem: string, stream: string, entryId: string) {
    super(`Malformed queue entry ${entryId} in ${stream} acknowledged and skipped: ${problem}`);
    this.name = 'MalformedQueueEntryError';
    this.stream = stream;
    this.entryId = entryId;
  }
}

/** `redis://user:secret@host` → `redis://user:***@host`; anything unparsable is shown without credentials. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
