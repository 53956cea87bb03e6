/**
 * The update queue behind getUpdates: ids, offsets, limits, long polls and allowed_updates,
 * with Telegram's semantics.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { CONFLICT_OTHER_POLLER } from './faults.js';
import { TelegramError } from './telegram-error.js';
import type { UpdateInit } from './types.js';

/** Update types Telegram leaves out unless asked for explicitly. */
export const OPT_IN_UPDATE_TYPES: readonly string[] = ['chat_member', 'message_reaction', 'message_reaction_count'];

/** The update type of an update: its one field besides `update_id`. */
export function updateTypeOf(update: object): string | undefined {
  return Object.keys(update).find((key) => key !== 'update_id');
}

interface Poller {
  allowed: (update: Update) => boolean;
  limit: number;
  finish: (result: Update[] | TelegramError) => void;
}

/** Parameters of a getUpdates call, as sent. */
export interface GetUpdatesParams {
  /** Confirms every update with a lower id (raw, validated later). */
  offset?: unknown;
  /** Most updates to return (raw, validated later). */
  limit?: unknown;
  /** Long-poll timeout in seconds (raw, validated later). */
  timeout?: unknown;
  /** Update types to receive (raw, validated later). */
  allowed_updates?: unknown;
}

function integerParam(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(number)) throw new TelegramError(400, `Bad Request: wrong parameter ${name} specified`);
  return Math.trunc(number);
}

/** Holds the not-yet-confirmed updates and answers getUpdates. */
export class UpdateQueue {
  private queue: Update[] = [];
  private nextId: number;
  private poller: Poller | undefined;
  private allowedTypes: string[] | undefined; // remembered like Telegram; undefined = default set
  /** Highest offset a getUpdates call confirmed (0 before any). */
  confirmedOffset = 0;

  /** Creates an empty queue whose first update gets `firstUpdateId`. */
  constructor(firstUpdateId = 1) {
    this.nextId = firstUpdateId;
  }

  /** The allowed_updates remembered from the last getUpdates/setWebhook that gave one. */
  get allowedUpdates(): string[] | undefined {
    return this.allowedTypes === undefined ? undefined : [...this.allowedTypes];
  }

  /** Remembers allowed_updates (an empty list restores the default set). */
  setAllowedUpdates(value: unknown): void {
    if (!Array.isArray(value)) return;
    this.allowedTypes = value.length === 0 ? undefined : value.map(String);
  }

  /** Adds an update, assigning the next `update_id` unless one is given, and wakes a long poll. */
  push(init: UpdateInit): Update {
    const { update_id: givenId, ...rest } = init;
    const id = givenId ?? this.nextId;
    this.nextId = Math.max(this.nextId, id + 1);
    const update = { update_id: id, ...rest } as Update;
    this.queue.push(update);
    this.wake();
    this.onPush?.();
    return update;
  }

  /** Called after each push (webhook delivery listens here). */
  onPush: (() => void) | undefined;

  /** Removes one delivered update (a webhook answered 2xx for it). */
  confirm(updateId: number): void {
    this.queue = this.queue.filter((u) => u.update_id !== updateId);
  }

  /** Updates not yet confirmed by an offset, oldest first. */
  pending(): Update[] {
    return [...this.queue];
  }

  /** Forgets every pending update (deleteWebhook/setWebhook with drop_pending_updates). */
  dropPending(): void {
    const last = this.queue.at(-1);
    if (last) this.confirmedOffset = Math.max(this.confirmedOffset, last.update_id + 1);
    this.queue = [];
  }

  /**
   * Runs getUpdates: confirms by offset, then answers at once or holds the call for up to
   * `timeout` seconds. A second poll ends the first with 409, as Telegram does. `signal` aborts
   * a held poll when the client goes away.
   */
  async getUpdates(params: GetUpdatesParams, signal?: AbortSignal): Promise<Update[]> {
    const offset = integerParam(params.offset, 'offset');
    const limitRaw = integerParam(params.limit, 'limit') ?? 100;
    const limit = Math.min(100, Math.max(1, limitRaw));
    const timeout = Math.max(0, integerParam(params.timeout, 'timeout') ?? 0);
    this.setAllowedUpdates(params.allowed_updates);

    if (offset !== undefined && offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset);
      this.confirmedOffset = Math.max(this.confirmedOffset, offset);
    } else if (offset !== undefined && offset < 0) {
      // -N: keep only the last N updates; everything before is forgotten.
      const dropped = this.queue.slice(0, Math.max(0, this.queue.length + offset));
      this.queue = this.queue.slice(dropped.length);
      const last = dropped.at(-1);
      if (last) this.confirmedOffset = Math.max(this.confirmedOffset, last.update_id + 1);
    }

    // Any new getUpdates terminates a held one.
    this.poller?.finish(new TelegramError(409, CONFLICT_OTHER_POLLER.description));

    const allowed = this.filter();
    const ready = this.queue.filter(allowed).slice(0, limit);
    if (ready.length > 0 || timeout === 0 || signal?.aborted) return ready;

    return new Promise<Update[]>((resolve, reject) => {
      const poller: Poller = {
        allowed,
        limit,
        finish: (result) => {
          if (this.poller === poller) this.poller = undefined;
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
          if (result instanceof TelegramError) reject(result);
          else resolve(result);
        },
      };
      const onAbort = (): void => poller.finish([]);
      const timer = setTimeout(() => poller.finish([]), timeout * 1000);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.poller = poller;
    });
  }

  /** Ends a held long poll with `error` (webhook set) or, without one, with no updates (stop). */
  endPoll(error?: TelegramError): void {
    this.poller?.finish(error ?? []);
  }

  /** Whether a long poll is being held. */
  get polling(): boolean {
    return this.poller !== undefined;
  }

  private wakeScheduled = false;

  /** Deferred to a microtask so that updates pushed together are answered in one batch. */
  private wake(): void {
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    queueMicrotask(() => {
      this.wakeScheduled = false;
      this.wakeNow();
    });
  }

  private wakeNow(): void {
    const poller = this.poller;
    if (!poller) return;
    const ready = this.queue.filter(poller.allowed).slice(0, poller.limit);
    if (ready.length > 0) poller.finish(ready);
  }

  private filter(): (update: Update) => boolean {
    const explicit = this.allowedTypes === undefined ? undefined : new Set(this.allowedTypes);
    return (update) => {
      const type = updateTypeOf(update);
      if (type === undefined) return true;
      return explicit ? explicit.has(type) : !OPT_IN_UPDATE_TYPES.includes(type);
    };
  }
}
