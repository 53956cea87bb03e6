/**
 * Telegram's flood limits on sending, opt-in (`EmulatorOptions.rateLimits`): about 30 messages a
 * second per bot, one a second per private chat and 20 a minute per group. A call over a limit
 * gets `429 Too Many Requests: retry after N` with `parameters.retry_after`, as from Telegram.
 * @module
 */
import { TelegramError } from '../telegram-error.js';

/** The limits; every field optional (Telegram's defaults). */
export interface RateLimitOptions {
  /** Messages per second for the whole bot (default 30). */
  perBotPerSecond?: number;
  /** Messages per second in one private chat (default 1). */
  perPrivateChatPerSecond?: number;
  /** Messages per minute in one group, supergroup or channel (default 20). */
  perGroupPerMinute?: number;
  /** Clock (ms), for tests that must not wait. */
  now?: () => number;
}

/** Methods that post a message and so count against the limits. */
export function countsAsMessage(method: string): boolean {
  return (
    (method.startsWith('send') && method !== 'sendChatAction' && !method.endsWith('Draft')) ||
    method === 'copyMessage' ||
    method === 'forwardMessage' ||
    method === 'copyMessages' ||
    method === 'forwardMessages'
  );
}

/** Sliding-window counters of sent messages. */
export class RateLimiter {
  private readonly bot: number[] = [];
  private readonly chats = new Map<string, number[]>();
  private readonly limits: Required<Omit<RateLimitOptions, 'now'>>;
  private readonly now: () => number;

  /** Creates the limiter with Telegram's limits unless told otherwise. */
  constructor(options: RateLimitOptions = {}) {
    this.limits = {
      perBotPerSecond: options.perBotPerSecond ?? 30,
      perPrivateChatPerSecond: options.perPrivateChatPerSecond ?? 1,
      perGroupPerMinute: options.perGroupPerMinute ?? 20,
    };
    this.now = options.now ?? Date.now;
  }

  /** Counts one message to `chatId`, or throws the 429 Telegram would answer (then nothing is counted). */
  take(chatId: unknown): void {
    const now = this.now();
    const id = String(chatId ?? '');
    const group = id.startsWith('-') || id.startsWith('@');
    const window = group ? 60_000 : 1000;
    const limit = group ? this.limits.perGroupPerMinute : this.limits.perPrivateChatPerSecond;
    const chat = this.chats.get(id) ?? [];
    prune(this.bot, now - 1000);
    prune(chat, now - window);
    let waitMs = 0;
    if (this.bot.length >= this.limits.perBotPerSecond) waitMs = Math.max(waitMs, this.bot[0]! + 1000 - now);
    if (chat.length >= limit) waitMs = Math.max(waitMs, chat[0]! + window - now);
    if (waitMs > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      throw new TelegramError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });
    }
    this.bot.push(now);
    chat.push(now);
    this.chats.set(id, chat);
  }
}

function prune(times: number[], before: number): void {
  while (times.length > 0 && times[0]! <= before) times.shift();
}
