/**
 * Next-step and reply handlers (pyTelegramBotAPI's `register_next_step_handler` / `register_for_reply`).
 *
 * - A next-step handler waits for the next message of a CHAT (pyTelegramBotAPI's key; in a group
 *   that is the next message of anyone there: check `message.from.id` in the callback if it
 *   matters, or use states, which are per user). That message goes only to the waiting
 *   callbacks (all of them, once): normal handlers and class middlewares don't see it.
 * - A reply handler waits for a reply to one message. It does not consume the reply: the
 *   normal handlers see it too.
 *
 * Both are one-shot; a callback may register itself (or another) again for the following
 * message. Storage goes through a {@link HandlerBackend} (`options.nextStepBackend`,
 * `options.replyBackend`; default in memory, one per bot).
 * @module
 */
import { MemoryHandlerBackend, type HandlerBackend, type StepEntry } from '../states/step-backends.js';

/** A chat id or message id. */
type Id = number | string;

function isBackend(value: unknown): value is HandlerBackend {
  const backend = value as Partial<HandlerBackend> | null | undefined;
  return (
    typeof backend?.register === 'function' && typeof backend.take === 'function' && typeof backend.clear === 'function'
  );
}

function backendFrom(value: unknown, option: string): HandlerBackend {
  if (value === undefined || value === null) return new MemoryHandlerBackend();
  if (!isBackend(value))
    throw new TypeError(`options.${option} must have register(key, entry), take(key) and clear(key) methods`);
  return value;
}

function checkCallback(callback: unknown, method: string): asserts callback is StepEntry['callback'] {
  if (typeof callback !== 'function') throw new TypeError(`${method}: the callback must be a function`);
}

/**
 * Whether `backend` may hold entries: its {@link HandlerBackend.size} hint when it gives one, so
 * that a bot with nothing waiting pays no lookup per message; otherwise it must be asked.
 */
function mayHold(backend: HandlerBackend): boolean {
  const size = backend.size;
  return typeof size !== 'number' || size > 0;
}

/** The next-step and reply handlers of one bot. */
export class StepHandlers {
  /** Where next-step handlers wait, by chat id. */
  nextStep: HandlerBackend;
  /** Where reply handlers wait, by message id. */
  reply: HandlerBackend;

  /**
   * @param nextStepBackend `options.nextStepBackend`
   * @param replyBackend `options.replyBackend`
   */
  constructor(nextStepBackend: unknown, replyBackend: unknown) {
    this.nextStep = backendFrom(nextStepBackend, 'nextStepBackend');
    this.reply = backendFrom(replyBackend, 'replyBackend');
  }

  /** Waits for the next message of chat `chatId`. */
  async registerNext(chatId: Id, callback: unknown, args: unknown[]): Promise<void> {
    checkCallback(callback, 'registerNextStepHandler');
    await this.nextStep.register(String(chatId), { callback, args });
  }

  /** Forgets the next-step handlers of chat `chatId`. */
  clearNext(chatId: Id): Promise<void> {
    return this.nextStep.clear(String(chatId));
  }

  /** Waits for a reply to message `messageId` (of chat `chatId` when known). */
  async registerReply(messageId: Id, chatId: Id | undefined, callback: unknown, args: unknown[]): Promise<void> {
    checkCallback(callback, 'registerForReply');
    const entry: StepEntry = { callback, args };
    if (chatId !== undefined) entry.chatId = chatId;
    await this.reply.register(String(messageId), entry);
  }

  /** Forgets the reply handlers of message `messageId`. */
  clearReply(messageId: Id): Promise<void> {
    return this.reply.clear(String(messageId));
  }

  /**
   * Whether a next-step or reply handler may be waiting for `message`: false lets dispatch skip
   * both backend lookups (and their promises) for the common message.
   */
  mayWaitFor(message: { reply_to_message?: unknown }): boolean {
    return mayHold(this.nextStep) || (message.reply_to_message !== undefined && mayHold(this.reply));
  }

  /**
   * Takes the next-step handlers waiting for `message`'s chat (empty when none); the caller runs
   * them and then skips the normal handlers.
   */
  async takeNext(message: { chat?: { id: Id } }): Promise<StepEntry[]> {
    if (message.chat === undefined || !mayHold(this.nextStep)) return [];
    return this.nextStep.take(String(message.chat.id));
  }

  /**
   * Takes the reply handlers waiting for the message `message` replies to. Message ids are only
   * unique within a chat, so entries registered for another chat are put back.
   */
  async takeReply(message: { chat?: { id: Id }; reply_to_message?: { message_id: number } }): Promise<StepEntry[]> {
    const repliedTo = message.reply_to_message;
    if (repliedTo === undefined || !mayHold(this.reply)) return [];
    const key = String(repliedTo.message_id);
    const entries = await this.reply.take(key);
    if (entries.length === 0) return entries;
    const chatId = message.chat === undefined ? undefined : String(message.chat.id);
    const mine: StepEntry[] = [];
    for (const entry of entries) {
      if (entry.chatId === undefined || String(entry.chatId) === chatId) mine.push(entry);
      else await this.reply.register(key, entry);
    }
    return mine;
  }
}
