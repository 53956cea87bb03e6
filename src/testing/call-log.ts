/**
 * The log of recorded calls and the waiters of `waitForCall`.
 * @module
 */
import type { RecordedCall } from './types.js';

/** Options of {@link CallLog.waitFor}. */
export interface WaitForCallOptions {
  /** Give up after this many ms (default 5000). */
  timeoutMs?: number;
  /** Only calls at this index of `calls` or later (default 0); pass `emu.calls.length` to wait for a new call. */
  since?: number;
}

/**
 * When a waiter is satisfied: `'answered'` once the answer is written and recorded on the call
 * (`call.response`, `call.status`; or the call ended without one: client gone, `reset` fault),
 * `'arrived'` as soon as the request is recorded, before any answer.
 */
export type CallMoment = 'answered' | 'arrived';

interface Waiter {
  moment: CallMoment;
  matches: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
}

/** Whether `call` is a call of `method` (Telegram spelling, any letter case; `*` for any). */
export function isCallOf(call: RecordedCall, method: string): boolean {
  if (method === '*') return true;
  return (call.canonicalMethod ?? call.method).toLowerCase() === method.toLowerCase();
}

/** Recorded calls in arrival order, plus the promises waiting for one. */
export class CallLog {
  /** The calls since the last {@link clear}. */
  calls: RecordedCall[] = [];
  private waiters = new Set<Waiter>();
  private readonly settled = new WeakSet<RecordedCall>();

  /** Appends a call (its `index` is set here) and resolves the `'arrived'` waiters it satisfies. */
  record(call: RecordedCall): void {
    call.index = this.calls.length;
    this.calls.push(call);
    this.notify(call, 'arrived');
  }

  /** Marks `call` as finished (answered, or ended without answer) and resolves the `'answered'` waiters. */
  settle(call: RecordedCall): void {
    if (this.settled.has(call)) return;
    this.settled.add(call);
    this.notify(call, 'answered');
  }

  private notify(call: RecordedCall, moment: CallMoment): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.moment !== moment) continue;
      let matched: boolean;
      try {
        matched = waiter.matches(call);
      } catch (error) {
        this.waiters.delete(waiter);
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        continue;
      }
      if (matched) {
        this.waiters.delete(waiter);
        waiter.resolve(call);
      }
    }
  }

  /** Forgets the recorded calls (waiters keep waiting for new ones). */
  clear(): void {
    this.calls = [];
  }

  /**
   * Resolves with the first call of `method` at index ≥ `since` that satisfies `predicate`, now or
   * later, at `moment` (see {@link CallMoment}).
   */
  waitFor(
    method: string,
    predicate: ((call: RecordedCall) => boolean) | undefined,
    options: WaitForCallOptions,
    moment: CallMoment = 'answered',
  ): Promise<RecordedCall> {
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? 5000;
    const matches = (call: RecordedCall): boolean =>
      call.index >= since && isCallOf(call, method) && (predicate ? predicate(call) : true);
    try {
      const already = this.calls.find((call) => (moment === 'arrived' || this.settled.has(call)) && matches(call));
      if (already) return Promise.resolve(already);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<RecordedCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(this.describeTimeout(method, predicate !== undefined, timeoutMs, since, moment)));
      }, timeoutMs);
      const waiter: Waiter = {
        moment,
        matches,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every waiter (the emulator stopped). */
  rejectAll(reason: string): void {
    for (const waiter of this.waiters) waiter.reject(new Error(reason));
    this.waiters.clear();
  }

  private describeTimeout(
    method: string,
    filtered: boolean,
    timeoutMs: number,
    since: number,
    moment: CallMoment,
  ): string {
    const seen = this.calls.filter((c) => c.index >= since);
    const sameMethod = seen.filter((c) => isCallOf(c, method)).length;
    const names = seen.slice(-20).map((c) => c.method);
    const list = names.length === 0 ? 'none' : `${seen.length > 20 ? '..., ' : ''}${names.join(', ')}`;
    const why = filtered && sameMethod > 0 ? ` (${sameMethod} ${method} call(s) did not match the predicate)` : '';
    const held =
      moment === 'answered' && seen.some((c) => isCallOf(c, method) && !this.settled.has(c))
        ? ` (a ${method} call arrived but is not answered yet, e.g. a held long poll: waitForRequest() resolves on arrival)`
        : '';
    const name = moment === 'answered' ? 'waitForCall' : 'waitForRequest';
    return `${name}('${method}') timed out after ${timeoutMs} ms${why}${held}; calls recorded since index ${since}: ${list}`;
  }
}
