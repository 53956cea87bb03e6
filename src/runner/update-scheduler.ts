/**
 * The update scheduler: runs updates concurrently, bounded, while keeping the updates of one
 * chat (or of one user, for updates without a chat) strictly in order. A slow chat only ever
 * holds its own queue; other chats keep flowing through the free slots.
 *
 * Hot path: one small task object and one handler promise per update; queues are arrays with
 * a moving head, no promise chains per chat.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';

/** Called once per update when its handling has finished (successfully or not). */
export type TaskDone = (update: Update) => void;

/** Runs the handling of one update; must not reject (rejections are still caught). */
export type UpdateRunner = (update: Update) => Promise<void> | void;

/** Options of {@link UpdateScheduler}. */
export interface UpdateSchedulerOptions {
  /** How many updates may run at once. Default 16. */
  concurrency?: number;
  /** When false, every update shares one key: one at a time, in arrival order. Default true. */
  perChat?: boolean;
  /** The ordering key of an update; default {@link orderingKey}. */
  keyOf?: (update: Update) => number | string | undefined;
  /** Receives a rejection of the runner (which should never happen). */
  onError?: (error: unknown, update: Update) => void;
}

/** One accepted update. */
export interface Task {
  /** The update. */
  update: Update;
  /** Called when its handling has finished. */
  done: TaskDone | undefined;
  /** The state of its ordering key (undefined: ordered with nothing), so finishing needs no map lookup. */
  keyState: KeyState | undefined;
}

/**
 * A FIFO on a ring buffer: push and shift move two indexes and allocate nothing until the
 * buffer has to grow (an array emptied with `length = 0` would reallocate on every refill).
 */
class Fifo<T> {
  private items: Array<T | undefined> = new Array(16);
  private head = 0;
  private size = 0;

  get length(): number {
    return this.size;
  }

  push(item: T): void {
    if (this.size === this.items.length) this.grow();
    this.items[(this.head + this.size) & (this.items.length - 1)] = item;
    this.size++;
  }

  /** Pushes `item` and returns this queue. */
  with(item: T): this {
    this.push(item);
    return this;
  }

  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const item = this.items[this.head];
    this.items[this.head] = undefined; // not kept alive by the queue
    this.head = (this.head + 1) & (this.items.length - 1);
    this.size--;
    return item;
  }

  /** Doubles the buffer (its length stays a power of two, so indexes wrap with a mask). */
  private grow(): void {
    const old = this.items;
    const items = new Array<T | undefined>(old.length * 2);
    for (let i = 0; i < this.size; i++) items[i] = old[(this.head + i) & (old.length - 1)];
    this.items = items;
    this.head = 0;
  }
}

/**
 * Where a running asynchronous update reports its end. Its two callbacks are made once per slot,
 * and slots are reused, so that starting an update allocates no closure.
 */
class RunSlot {
  /** The update running in this slot. */
  task: Task | undefined;
  /** The update's promise fulfilled. */
  readonly onDone: () => void;
  /** The update's promise rejected (runners should never let that happen). */
  readonly onFail: (error: unknown) => void;

  constructor(scheduler: UpdateScheduler) {
    this.onDone = () => scheduler.settle(this);
    this.onFail = (error) => scheduler.settle(this, error, true);
  }
}

/** One ordering key (chat) the scheduler knows. */
interface KeyState {
  /** An update of this key is running. */
  running: boolean;
  /** The updates of this key waiting behind it, in order (null: none; made when a second arrives). */
  waiting: Fifo<Task> | null;
}

const ONE_KEY = 'all';

/**
 * The key that orders an update: the chat it belongs to, else the user who caused it (inline
 * queries, shipping and pre-checkout queries, poll answers...), else none (e.g. `poll`), in which
 * case the update is ordered with nothing. A private chat's id equals its user's id, so a
 * callback query and the messages of the same private chat share one key.
 */
export function orderingKey(update: Update): number | undefined {
  // Any value may arrive here, even junk (it is reported later, when it runs): read nothing unguarded.
  if (update === null || typeof update !== 'object') return undefined;
  // Most updates are new messages: their chat, without walking the keys.
  const message = update.message as { chat?: { id?: unknown } } | null | undefined;
  if (message !== undefined) {
    const id = message?.chat?.id;
    return typeof id === 'number' ? id : undefined;
  }
  for (const field in update) {
    if (field === 'update_id') continue;
    const payload = (update as unknown as Record<string, unknown>)[field];
    if (payload === null || typeof payload !== 'object') continue;
    const p = payload as {
      chat?: { id?: number };
      message?: { chat?: { id?: number } };
      from?: { id?: number };
      user?: { id?: number };
      voter_chat?: { id?: number };
    };
    const id = p.chat?.id ?? p.message?.chat?.id ?? p.from?.id ?? p.user?.id ?? p.voter_chat?.id;
    if (typeof id === 'number') return id;
  }
  return undefined;
}

/** Runs updates with bounded concurrency and per-key order. */
export class UpdateScheduler {
  private readonly concurrency: number;
  private readonly keyOf: (update: Update) => number | string | undefined;
  private readonly onError?: (error: unknown, update: Update) => void;
  /** Tasks whose key is free, waiting for a slot. */
  private readonly ready = new Fifo<Task>();
  /**
   * The state of every key seen lately. An idle key keeps its entry (dropped in bulk by
   * {@link sweep}) instead of being deleted: a Map shrinks and regrows its table as keys come and
   * go, which for the usual one-update-per-chat traffic would mean a new table every few updates.
   * Tasks hold their key's state, so an update costs one lookup here.
   */
  private readonly busyKeys = new Map<number | string, KeyState>();
  /** When `busyKeys` reaches this size, its idle keys are dropped. */
  private sweepAt = 4096;
  private running = 0;
  private pendingCount = 0;
  /** Slots of finished updates, reused by the next ones (at most `concurrency` are ever made). */
  private readonly freeSlots: RunSlot[] = [];
  /** True while {@link pump} starts tasks: a task finishing synchronously must not start more itself. */
  private pumping = false;
  private waiters: Array<() => void> = [];

  /** @param run handles one update; @param options concurrency and ordering */
  constructor(
    private readonly run: UpdateRunner,
    options: UpdateSchedulerOptions = {},
  ) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? 16));
    const perChat = options.perChat !== false;
    this.keyOf = perChat ? (options.keyOf ?? orderingKey) : () => ONE_KEY;
    this.onError = options.onError;
  }

  /** Updates accepted and not yet finished (queued plus running). */
  get pending(): number {
    return this.pendingCount;
  }

  /** How many ordering keys the scheduler remembers (running, waiting or recently idle); bounded. */
  get trackedKeys(): number {
    return this.busyKeys.size;
  }

  /** Updates running right now. */
  get active(): number {
    return this.running;
  }

  /** Queues one update; `done` is called when its handling has finished. */
  push(update: Update, done?: TaskDone): void {
    let key: number | string | undefined;
    try {
      key = this.keyOf(update);
    } catch {
      // Ordered with nothing: the update still runs (and a malformed one is reported there).
      key = undefined;
    }
    const task: Task = { update, done, keyState: undefined };
    this.pendingCount++;
    if (key !== undefined) {
      let keyState = this.busyKeys.get(key);
      if (keyState === undefined) {
        if (this.busyKeys.size >= this.sweepAt) this.sweep();
        keyState = { running: false, waiting: null };
        this.busyKeys.set(key, keyState);
      }
      task.keyState = keyState;
      if (keyState.running) {
        // Most chats have one update at a time: their queue is only made when a second arrives.
        if (keyState.waiting === null) keyState.waiting = new Fifo<Task>().with(task);
        else keyState.waiting.push(task);
        return;
      }
      keyState.running = true;
    }
    if (this.ready.length === 0 && this.running < this.concurrency) {
      // A free slot and nobody ahead: start now, without a trip through the ready queue.
      this.startPumping(task);
      return;
    }
    this.ready.push(task);
    this.pump();
  }

  /** Resolves at the next finished update (at once when nothing is pending). */
  nextSettled(): Promise<void> {
    if (this.pendingCount === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Resolves when every accepted update has finished. */
  async idle(): Promise<void> {
    while (this.pendingCount > 0) await this.nextSettled();
  }

  /** The running update of a key has finished: the next one of that key becomes ready, or the key goes idle. */
  private release(keyState: KeyState): void {
    const next = keyState.waiting === null ? undefined : keyState.waiting.shift();
    if (next !== undefined) {
      this.ready.push(next);
      return;
    }
    keyState.running = false;
    keyState.waiting = null;
  }

  /** Drops the idle keys; the next sweep comes when the map has doubled from what is left. */
  private sweep(): void {
    for (const [key, keyState] of this.busyKeys) if (!keyState.running) this.busyKeys.delete(key);
    this.sweepAt = Math.max(4096, this.busyKeys.size * 2);
  }

  private pump(): void {
    if (this.pumping || this.running >= this.concurrency) return; // (while pumping, its loop goes on)
    const task = this.ready.shift();
    if (task !== undefined) this.startPumping(task);
  }

  /**
   * Starts `task`, then the ready tasks while slots are free. A task that finishes synchronously
   * calls {@link pump}, which returns at once while this loop runs: no recursion, however many
   * synchronous updates are queued. (`start` never throws: it catches the runner's errors.)
   */
  private startPumping(first: Task): void {
    if (this.pumping) {
      this.ready.push(first);
      return;
    }
    this.pumping = true;
    let task: Task | undefined = first;
    while (task !== undefined) {
      this.start(task);
      task = this.running < this.concurrency ? this.ready.shift() : undefined;
    }
    this.pumping = false;
  }

  private start(task: Task): void {
    this.running++;
    let result: Promise<void> | void;
    try {
      result = this.run(task.update);
    } catch (error) {
      this.onError?.(error, task.update);
      result = undefined;
    }
    if (result && typeof (result as Promise<void>).then === 'function') {
      const slot = this.freeSlots.pop() ?? new RunSlot(this);
      slot.task = task;
      (result as Promise<void>).then(slot.onDone, slot.onFail);
    } else {
      // Handled synchronously: finished now. start() only runs inside pump(), whose loop then
      // goes on, so this cannot recurse however many synchronous updates are queued.
      this.finish(task);
    }
  }

  /** A slot's update settled: the slot is free again, the task finished. */
  settle(slot: RunSlot, error?: unknown, failed = false): void {
    const task = slot.task!;
    slot.task = undefined;
    this.freeSlots.push(slot);
    if (failed) this.onError?.(error, task.update);
    this.finish(task);
  }

  private finish(task: Task): void {
    this.running--;
    this.pendingCount--;
    if (task.keyState !== undefined) this.release(task.keyState);
    try {
      task.done?.(task.update);
    } catch (error) {
      this.onError?.(error, task.update);
    }
    if (this.waiters.length) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const wake of waiters) wake();
    }
    this.pump();
  }
}
