/**
 * Chats the bot may no longer write to, as Telegram answers once a user blocked the bot or the
 * bot was removed from a group: every message, chat action or edit there gets `403 Forbidden: ...`.
 * The conversation kit sets them (`chat.blockBot()`, `group.removeBot()`).
 * @module
 */
import { TelegramError } from '../telegram-error.js';
import { countsAsMessage } from './rate-limits.js';

/** Whether `method` writes into the chat named by its `chat_id`. */
function writesToChat(method: string): boolean {
  return countsAsMessage(method) || method === 'sendChatAction' || method.startsWith('edit');
}

/** The chats closed to the bot, with Telegram's reason. */
export class ForbiddenChats {
  private readonly reasons = new Map<number, string>();

  /** Closes `chatId` with `description` (`Forbidden: ...`), or opens it again with `undefined`. */
  set(chatId: number, description: string | undefined): void {
    if (description === undefined) this.reasons.delete(chatId);
    else this.reasons.set(chatId, description);
  }

  /** Opens every chat again. */
  clear(): void {
    this.reasons.clear();
  }

  /** Throws Telegram's 403 when `method` writes to a closed chat. */
  check(method: string, params: Record<string, unknown>): void {
    if (this.reasons.size === 0 || !writesToChat(method)) return;
    const chatId = typeof params.chat_id === 'number' ? params.chat_id : Number(params.chat_id);
    const reason = this.reasons.get(chatId);
    if (reason !== undefined) throw new TelegramError(403, reason);
  }
}
