/**
 * Exactly-once bookkeeping for long polling. Telegram forgets an update when a getUpdates call
 * carries an `offset` above its id, so the offset sent is the lowest update_id still being
 * handled: a crash or a stop never loses an update that was not finished. Updates above that
 * offset that did finish come back in the next batch; their ids are remembered here so that
 * they are skipped instead of being handled twice.
 * @module
 */

/** Tracks the update_ids fetched by the poller and computes the offset to confirm. */
export class OffsetTracker {
  /** Ids being handled (queued or running) → when they were accepted (ms), or -1 once released. */
  private readonly inFlight = new Map<number, number>();
  /** Ids that finished but may still come back because the offset has not passed them. */
  private readonly finished = new Set<number>();
  /** Highest id ever accepted. */
  private maxSeen = -1;
  /** The offset sent with the last getUpdates that Telegram answered (undefined: none yet). */
  confirmed: number | undefined;
  /** An offset to start from (after skipPending), used until updates are seen. */
  private startOffset: number | undefined;

  /** Starts from `offset` (used by skipPending). */
  startAt(offset: number): void {
    this.startOffset = offset;
    if (offset - 1 > this.maxSeen) this.maxSeen = offset - 1;
  }

  /** Number of ids being handled. */
  get unfinished(): number {
    return this.inFlight.size;
  }

  /** Whether `id` was already accepted (in flight, finished, or below the confirmed offset). */
  isKnown(id: number): boolean {
    if (this.inFlight.has(id) || this.finished.has(id)) return true;
    return this.confirmed !== undefined && id < this.confirmed;
  }

  /** Records an accepted update. */
  accept(id: number, now = Date.now()): void {
    this.inFlight.set(id, now);
    if (id > this.maxSeen) this.maxSeen = id;
  }

  /** Records a finished update. */
  finish(id: number): void {
    if (this.inFlight.delete(id)) this.finished.add(id);
  }

  /**
   * The offset to send next: the lowest id still in flight and not released, or the highest id
   * seen + 1 when there is none; undefined before anything was seen (Telegram then starts with
   * its oldest pending update).
   */
  offset(): number | undefined {
    if (this.maxSeen < 0) return this.startOffset;
    let lowest = this.maxSeen + 1;
    for (const [id, since] of this.inFlight) {
      if (id < lowest && since >= 0) lowest = id;
    }
    return lowest;
  }

  /**
   * Lets in-flight updates accepted more than `ms` ago stop holding the offset back. They stay
   * in flight (never handled twice); only a crash before they finish would lose them (unless an
   * update journal keeps them). Returns the ids released now.
   */
  releaseOlderThan(ms: number, now = Date.now()): number[] {
    const released = this.stalled(ms, now);
    this.release(released);
    return released;
  }

  /** The in-flight ids accepted more than `ms` ago that still hold the offset back. */
  stalled(ms: number, now = Date.now()): number[] {
    const cutoff = now - ms;
    const ids: number[] = [];
    for (const [id, since] of this.inFlight) if (since >= 0 && since < cutoff) ids.push(id);
    return ids;
  }

  /** Lets the in-flight `ids` stop holding the offset back (ids no longer in flight are ignored). */
  release(ids: readonly number[]): void {
    for (const id of ids) if (this.inFlight.has(id)) this.inFlight.set(id, -1);
  }

  /** Telegram answered a getUpdates sent with `offset`: ids below it are gone for good. */
  confirm(offset: number | undefined): void {
    if (offset === undefined) return;
    if (this.confirmed === undefined || offset > this.confirmed) this.confirmed = offset;
    for (const id of this.finished) if (id < offset) this.finished.delete(id);
  }
}
