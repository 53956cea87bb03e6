/**
 * Follows what the bot does to every chat, from the answered calls: messages sent, edited and
 * deleted, callback and inline answers. The conversation kit waits on it and the playground
 * streams it to the page.
 * @module
 */
import type { Message } from '../../api/generated/telegram-types.js';
import type { RecordedCall } from '../types.js';

/** Something that happened in the chats, in order; `seq` counts from 1 per emulator. */
export type ChatEvent = { seq: number } & (
  | { type: 'message'; chatId: number; message: Message; by: 'bot' | 'user' }
  | { type: 'edit'; chatId: number; message: Message }
  | { type: 'delete'; chatId: number; messageId: number }
  | { type: 'callback_answer'; queryId: string; params: Record<string, unknown> }
  | { type: 'inline_answer'; queryId: string; params: Record<string, unknown> }
  | { type: 'keyboard'; chatId: number; keyboard: ReplyKeyboard | null }
  | { type: 'call'; call: RecordedCall }
);

/** A reply keyboard as the bot sent it (rows of buttons; only `text` matters to the kit). */
export type ReplyKeyboard = Array<Array<{ text: string } & Record<string, unknown>>>;

/** A {@link ChatEvent} before it gets its `seq`. */
export type ChatEventInit = ChatEvent extends infer E ? (E extends ChatEvent ? Omit<E, 'seq'> : never) : never;

/** Most events kept for late readers (the oldest are dropped first). */
const MAX_EVENTS = 10_000;

interface Waiter {
  test: (event: ChatEvent) => boolean;
  resolve: (event: ChatEvent) => void;
}

/** What a call's answer looks up in the emulator (copied messages answer only their id). */
export interface TrackerSource {
  /** The current version of a message the emulator knows. */
  getMessage(chatId: number, messageId: number): Record<string, unknown> | undefined;
}

function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'message_id' in value && 'chat' in value;
}

function chatIdOf(value: unknown): number | undefined {
  const id = typeof value === 'number' ? value : Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** The chats as the users see them, rebuilt from the bot's answered calls. */
export class ChatTracker {
  private readonly chats = new Map<number, Map<number, Message>>();
  private readonly log: ChatEvent[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();
  private readonly keyboards = new Map<number, ReplyKeyboard>();
  /** The reply_markup each bot message was sent with, by `chatId:messageId`. */
  private readonly markups = new Map<string, unknown>();
  private seq = 0;

  /** Creates a tracker reading copied messages from `source`. */
  constructor(private readonly source: TrackerSource) {}

  /** The messages of a chat in the order they appeared, edits applied and deleted ones left out. */
  history(chatId: number): Message[] {
    return [...(this.chats.get(chatId)?.values() ?? [])];
  }

  /** The reply keyboard shown in a chat (the last one the bot sent and did not remove), if any. */
  replyKeyboard(chatId: number): ReplyKeyboard | undefined {
    return this.keyboards.get(chatId);
  }

  /**
   * The `reply_markup` the bot sent with a message, parsed: reply keyboards, ReplyKeyboardRemove
   * and ForceReply too, which Telegram's Message does not carry (it keeps inline keyboards only).
   */
  sentMarkup(chatId: number, messageId: number): Record<string, unknown> | undefined {
    return this.markups.get(`${chatId}:${messageId}`) as Record<string, unknown> | undefined;
  }

  /** Ids of every chat with at least one message seen. */
  chatIds(): number[] {
    return [...this.chats.keys()];
  }

  /** Events after `seq` (all kept ones by default). */
  events(afterSeq = 0): ChatEvent[] {
    return this.log.filter((event) => event.seq > afterSeq);
  }

  /** The `seq` of the latest event (0 before any). */
  get lastSeq(): number {
    return this.seq;
  }

  /** Calls `listener` for every new event; returns a function that stops it. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records a message a user sent (pushed by the kit or the playground). */
  userMessage(message: Message): void {
    this.chatMap(message.chat.id).set(message.message_id, message);
    this.emit({ type: 'message', chatId: message.chat.id, message, by: 'user' });
  }

  /**
   * Records a user's edit of their message: `history` shows the new version. No event: `expectEdit`
   * waits for the bot's edits only.
   */
  userEdit(message: Message): void {
    const chat = this.chatMap(message.chat.id);
    if (chat.has(message.message_id)) chat.set(message.message_id, message);
  }

  /** Reads an answered call: what it did to the chats, if anything. */
  answered(call: RecordedCall): void {
    const method = call.canonicalMethod;
    const response = call.response;
    if (method !== undefined && response?.ok === true) this.apply(method, call.params, response.result);
    this.emit({ type: 'call', call });
  }

  /**
   * Resolves with the first event after `afterSeq` that `test` accepts, now or later; rejects after
   * `timeoutMs` with the message `describe()` gives (called then, so it can list what happened).
   */
  waitFor(
    afterSeq: number,
    test: (event: ChatEvent) => boolean,
    timeoutMs: number,
    describe: () => string,
  ): Promise<ChatEvent> {
    const already = this.log.find((event) => event.seq > afterSeq && test(event));
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        test: (event) => event.seq > afterSeq && test(event),
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(describe()));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private chatMap(chatId: number): Map<number, Message> {
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Map();
      this.chats.set(chatId, chat);
    }
    return chat;
  }

  private apply(method: string, params: Record<string, unknown>, result: unknown): void {
    if (method === 'deleteMessage' || method === 'deleteMessages') {
      const chatId = chatIdOf(params.chat_id);
      const ids =
        method === 'deleteMessage' ? [params.message_id] : Array.isArray(params.message_ids) ? params.message_ids : [];
      for (const id of ids.map(Number)) {
        if (chatId !== undefined && this.chats.get(chatId)?.delete(id))
          this.emit({ type: 'delete', chatId, messageId: id });
      }
      return;
    }
    if (method === 'answerCallbackQuery') {
      this.emit({ type: 'callback_answer', queryId: String(params.callback_query_id), params });
      return;
    }
    if (method === 'answerInlineQuery') {
      this.emit({ type: 'inline_answer', queryId: String(params.inline_query_id), params });
      return;
    }
    const edit = method.startsWith('edit') || method === 'stopMessageLiveLocation';
    const results = Array.isArray(result) ? result : [result];
    for (const item of results) {
      let message: Message | undefined;
      if (isMessage(item)) message = item;
      else if (
        typeof item === 'object' &&
        item !== null &&
        'message_id' in item &&
        (method === 'copyMessage' || method === 'copyMessages')
      ) {
        const chatId = chatIdOf(params.chat_id);
        const found =
          chatId === undefined
            ? undefined
            : this.source.getMessage(chatId, Number((item as { message_id: unknown }).message_id));
        if (isMessage(found)) message = found;
      }
      if (!message) continue;
      const chat = this.chatMap(message.chat.id);
      if (edit && chat.has(message.message_id)) {
        chat.set(message.message_id, message);
        this.emit({ type: 'edit', chatId: message.chat.id, message });
      } else if (!edit) {
        chat.set(message.message_id, message);
        if (typeof params.reply_markup === 'object' && params.reply_markup !== null)
          this.markups.set(`${message.chat.id}:${message.message_id}`, params.reply_markup);
        this.emit({ type: 'message', chatId: message.chat.id, message, by: 'bot' });
        this.keyboardFrom(message.chat.id, params.reply_markup);
      }
    }
  }

  private keyboardFrom(chatId: number, markup: unknown): void {
    if (typeof markup !== 'object' || markup === null) return;
    const m = markup as Record<string, unknown>;
    if (Array.isArray(m.keyboard)) {
      const keyboard = m.keyboard.map((row: unknown) =>
        (Array.isArray(row) ? row : []).map((button: unknown) =>
          typeof button === 'string' ? { text: button } : (button as { text: string }),
        ),
      );
      this.keyboards.set(chatId, keyboard);
      this.emit({ type: 'keyboard', chatId, keyboard });
    } else if (m.remove_keyboard === true && this.keyboards.delete(chatId)) {
      this.emit({ type: 'keyboard', chatId, keyboard: null });
    }
  }

  private emit(init: ChatEventInit): void {
    const event = { ...init, seq: ++this.seq } as ChatEvent;
    this.log.push(event);
    if (this.log.length > MAX_EVENTS) this.log.shift();
    for (const waiter of [...this.waiters]) {
      if (waiter.test(event)) {
        this.waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // A listener's failure (a closed page) must not break the emulator.
      }
    }
  }
}
