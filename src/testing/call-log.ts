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

interface Waiter {
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

  /** Appends a call (its `index` is set here) and resolves the waiters it satisfies. */
  record(call: RecordedCall): void {
    call.index = this.calls.length;
    this.calls.push(call);
    for (const waiter of [...this.waiters]) {
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

  /** Resolves with the first call of `method` at index ≥ `since` that satisfies `predicate`, now or later. */
  waitFor(method: string, predicate: ((call: RecordedCall) => boolean) | undefined, options: WaitForCallOptions): Promise<RecordedCall> {
    const since = options.since ?? 0;
    const timeoutMs = options.timeoutMs ?? 5000;
    const matches = (call: RecordedCall): boolean => call.index >= since && isCallOf(call, method) && (predicate ? predicate(call) : true);
    try {
      const already = this.calls.find(matches);
      if (already) return Promise.resolve(already);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise<RecordedCall>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(this.describeTimeout(method, predicate !== undefined, timeoutMs, since)));
      }, timeoutMs);
      const waiter: Waiter = {
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

  private describeTimeout(method: string, filtered: boolean, timeoutMs: number, since: number): string {
    const seen = this.calls.filter((c) => c.index >= since);
    const sameMethod = seen.filter((c) => isCallOf(c, method)).length;
    const names = seen.slice(-20).map((c) => c.method);
    const list = names.length === 0 ? 'none' : `${seen.length > 20 ? '..., ' : ''}${names.join(', ')}`;
    const why = filtered && sameMethod > 0 ? ` (${sameMethod} ${method} call(s) did not match the predicate)` : '';
    return `waitForCall('${method}') timed out after ${timeoutMs} ms${why}; calls recorded since index ${since}: ${list}`;
  }
}
