/**
 * Keeps outgoing messages within Telegram's documented limits — about 30 messages per second
 * overall, one per second to a private chat, 20 per minute to a group — by making calls wait
 * for their turn instead of earning 429 errors.
 *
 * Calls to one chat queue behind each other and each waits until the chat's interval has passed
 * since the previous one was released; only then does it take the next slot of the bot-wide
 * schedule. Taking the global slot last means a chat that must wait never reserves global
 * capacity in the future, and a chat's spacing is measured from real release times.
 * @module
 */
import type { FloodControlOptions } from './options.js';
import type { FloodLimiter } from './flood-limiter.js';
import { sleep } from '../util/sleep.js';

/** Methods that put a message into a chat; only these count against the limits. */
const SENDS_MESSAGE =
  /^(send(?!ChatAction|ChatJoinRequestWebApp|MessageDraft|RichMessageDraft)|copyMessages?$|forwardMessages?$)/;

/** True when `method` (Telegram spelling) puts a message into a chat, so counts against the limits. */
export function sendsMessage(method: string): boolean {
  return SENDS_MESSAGE.test(method);
}

/** True when `chatId` is a private chat: positive ids are users; groups, supergroups and channels are negative or @names. */
export function isPrivateChat(chatId: number | string): boolean {
  return typeof chatId === 'number' ? chatId > 0 : /^\d+$/.test(chatId);
}

/** Idle chats are swept this often, and forgotten after this long at least, so memory stays bounded. */
const FORGET_AFTER_MS = 60_000;

interface ChatTurn {
  /** When the last call to this chat was released. */
  lastRelease: number;
  /** Resolves when the previous call to this chat has been released. */
  tail: Promise<void>;
  /** Calls waiting or in progress. */
  pending: number;
}

/** The outgoing limiter of one bot process (`floodControl: true` or a `FloodControlOptions`). */
export class FloodControl implements FloodLimiter {
  private readonly globalIntervalMs: number;
  private globalNext = 0;
  private readonly chats = new Map<string, ChatTurn>();
  private readonly privateIntervalMs: number;
  private readonly groupIntervalMs: number;
  private lastSweep = 0;
  /** A chat idle this long is forgotten: a minute, or its interval when a limit is slower than that. */
  private readonly forgetAfterMs: number;

  /** @param options the limits; Telegram's documented ones by default */
  constructor(options: FloodControlOptions = {}) {
    this.globalIntervalMs = 1000 / (options.globalPerSecond ?? 30);
    this.privateIntervalMs = 1000 / (options.privatePerSecond ?? 1);
    this.groupIntervalMs = 60_000 / (options.groupPerMinute ?? 20);
    this.forgetAfterMs = Math.max(FORGET_AFTER_MS, this.privateIntervalMs, this.groupIntervalMs);
  }

  /** Waits until `method` to `chatId` may be sent. Calls that send no message return at once. */
  async acquire(method: string, chatId: number | string | undefined, signal?: AbortSignal): Promise<void> {
    if (!SENDS_MESSAGE.test(method)) return;
    if (chatId === undefined) return this.takeGlobalSlot(signal);
    const key = String(chatId);
    let turn = this.chats.get(key);
    if (!turn) {
      turn = { lastRelease: -Infinity, tail: Promise.resolve(), pending: 0 };
      this.chats.set(key, turn);
    }
    const interval = isPrivateChat(chatId) ? this.privateIntervalMs : this.groupIntervalMs;
    const previous = turn.tail;
    let release!: () => void;
    turn.tail = new Promise((resolve) => (release = resolve));
    turn.pending++;
    try {
      await previous;
      const wait = turn.lastRelease + interval - Date.now();
      if (wait > 0) await sleep(wait, signal);
      await this.takeGlobalSlot(signal);
    } finally {
      turn.lastRelease = Date.now();
      turn.pending--;
      release();
      this.sweep();
    }
  }

  private async takeGlobalSlot(signal?: AbortSignal): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.globalNext);
    this.globalNext = slot + this.globalIntervalMs;
    if (slot > now) await sleep(slot - now, signal);
  }

  private sweep(): void {
    const now = Date.now();
    if (now - this.lastSweep < FORGET_AFTER_MS) return;
    this.lastSweep = now;
    for (const [key, turn] of this.chats) {
      if (turn.pending === 0 && turn.lastRelease < now - this.forgetAfterMs) this.chats.delete(key);
    }
  }
}
