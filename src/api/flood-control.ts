/**
 * Keeps outgoing messages within Telegram's documented limits — about 30 messages per second
 * overall, one per second to a private chat, 20 per minute to a group — by making calls wait
 * for their slot instead of earning 429 errors. Each limit is a virtual schedule (GCRA):
 * a call reserves the next free slot of its chat, then of the bot, and sleeps until then.
 * @module
 */
import type { FloodControlOptions } from '../options.js';

/** Methods that put a message into a chat; only these count against the limits. */
const SENDS_MESSAGE = /^(send(?!ChatAction|ChatJoinRequestWebApp|MessageDraft|RichMessageDraft)|copyMessages?$|forwardMessages?$)/;

/** Idle chat schedules are forgotten after this long, so memory stays bounded. */
const FORGET_AFTER_MS = 60_000;

class Schedule {
  /** Theoretical arrival time of the next call, in ms. */
  next = 0;
  constructor(readonly intervalMs: number, readonly burst: number) {}

  /** Reserves the first slot at or after `from` and returns it. */
  reserve(from: number): number {
    // Up to `burst` calls may run back to back before the spacing applies.
    const earliest = Math.max(from, this.next - this.intervalMs * (this.burst - 1));
    this.next = Math.max(this.next, earliest) + this.intervalMs;
    return earliest;
  }
}

/** The outgoing limiter of one bot (the `floodControl` constructor option). */
export class FloodControl {
  private readonly global: Schedule;
  private readonly chats = new Map<string, Schedule>();
  private readonly privateIntervalMs: number;
  private readonly groupIntervalMs: number;
  private lastSweep = 0;

  /** @param options the limits; Telegram's documented ones by default */
  constructor(options: FloodControlOptions = {}) {
    this.global = new Schedule(1000 / (options.globalPerSecond ?? 30), 1);
    this.privateIntervalMs = 1000 / (options.privatePerSecond ?? 1);
    this.groupIntervalMs = 60_000 / (options.groupPerMinute ?? 20);
  }

  /** Waits until `method` to `chatId` may be sent. Calls that send no message return at once. */
  async acquire(method: string, chatId: number | string | undefined, signal?: AbortSignal): Promise<void> {
    if (!SENDS_MESSAGE.test(method)) return;
    const now = Date.now();
    let slot = now;
    if (chatId !== undefined) {
      const key = String(chatId);
      let schedule = this.chats.get(key);
      if (!schedule) {
        // Positive ids are users (private chats); groups, supergroups and channels are negative or @names.
        const isPrivate = typeof chatId === 'number' ? chatId > 0 : /^\d+$/.test(chatId);
        schedule = new Schedule(isPrivate ? this.privateIntervalMs : this.groupIntervalMs, 1);
        this.chats.set(key, schedule);
      }
      slot = schedule.reserve(now);
    }
    slot = this.global.reserve(slot);
    this.sweep(now);
    const wait = slot - now;
    if (wait > 0) await delay(wait, signal);
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < FORGET_AFTER_MS) return;
    this.lastSweep = now;
    for (const [key, schedule] of this.chats) if (schedule.next < now - FORGET_AFTER_MS) this.chats.delete(key);
  }
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
}
