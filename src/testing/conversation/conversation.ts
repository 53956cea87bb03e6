/**
 * {@link Conversation}: a chat between test users and the bot, scripted from a test:
 * `send`, `expectReply`, `pressButton`, `sendPhoto`/`sendDocument`, `history`.
 * @module
 */
import type { Chat, Message, Update, User } from '../../api/generated/telegram-types.js';
import type { PushMessageOptions, RecordedCall, StoredFileInfo, UpdateInit } from '../types.js';
import { describeMatcher, describeMessage, matches } from './describe.js';
import { handledHint, waitUntilHandled } from './handled.js';
import type { ChatEvent, ChatTracker, ReplyKeyboard } from './tracker.js';
import type { CallbackAnswer, FileSendOptions, MessageMatcher, SendOptions, TestUser, WaitOptions } from './types.js';
import {
  type ContactSendOptions,
  contactOf,
  type LocationSendOptions,
  locationOf,
  type MessageContent,
} from './user-content.js';

/** What a conversation needs from the emulator (a `BotApiEmulator` has all of it). */
export interface ConversationHost {
  /** Queues a user's message. */
  pushMessage(text: string | undefined, options?: PushMessageOptions): Update;
  /** Queues any update. */
  pushUpdate(update: UpdateInit): Update;
  /** Updates the bot has not confirmed yet (expectNoReply waits for the chat's ones). */
  pendingUpdates(): Update[];
  /** Stores a file the users send. */
  addFile(content: Buffer | string, options?: { fileName?: string; mimeType?: string }): StoredFileInfo;
  /** The calls recorded, listed when a wait fails. */
  readonly calls: RecordedCall[];
  /** The chats as users see them. */
  readonly tracker: ChatTracker;
}

/** Default wait, generous for a loaded CI machine; a passing test never waits for it. */
export const DEFAULT_WAIT_MS = 10_000;

let nextQueryId = 1;

/** A new unique id for a callback or inline query. */
export function newQueryId(): string {
  return `${Date.now().toString(36)}${(nextQueryId++).toString(36)}`;
}

/** The Telegram user of a test user. */
export function asUser(user: TestUser): User {
  return {
    id: user.id,
    is_bot: false,
    first_name: user.first_name ?? 'Test',
    ...(user.username !== undefined ? { username: user.username } : {}),
    ...(user.language_code !== undefined ? { language_code: user.language_code } : {}),
  };
}

/** A chat between one or more test users and the bot. Create it with `emu.privateChat()` or `emu.groupChat()`. */
export class Conversation {
  /** The users of this chat; the first one sends by default. */
  readonly users: readonly TestUser[];
  /** The Telegram chat. */
  readonly chat: Chat;
  /** Events up to here were read by `expectReply`/`expectEdit`. */
  private readCursor: number;
  private readEditCursor: number;
  private readDeleteCursor: number;
  /** Ids of the updates this chat pushed, until the bot confirmed them. */
  private readonly pushed = new Set<number>();

  /** Use `emu.privateChat()` or `emu.groupChat()`. */
  constructor(
    private readonly host: ConversationHost,
    chat: Chat,
    users: TestUser[],
  ) {
    if (users.length === 0) throw new TypeError('a conversation needs at least one user');
    this.chat = chat;
    this.users = users;
    this.readCursor = host.tracker.lastSeq;
    this.readEditCursor = host.tracker.lastSeq;
    this.readDeleteCursor = host.tracker.lastSeq;
  }

  /** The chat's id. */
  get id(): number {
    return this.chat.id;
  }

  /** The messages as the users see them, oldest first: edits applied, deleted messages gone. */
  get history(): Message[] {
    return this.host.tracker.history(this.chat.id);
  }

  /** The reply keyboard the bot shows in this chat, if any (rows of buttons). */
  get replyKeyboard(): ReplyKeyboard | undefined {
    return this.host.tracker.replyKeyboard(this.chat.id);
  }

  /** Sends a text message (a command when it starts with `/`) as a user; resolves with the Message. */
  async send(text: string, options: SendOptions = {}): Promise<Message> {
    return this.push(text, options, {});
  }

  /** Sends a photo (its bytes) as a user. */
  async sendPhoto(bytes: Buffer | Uint8Array | string, options: FileSendOptions = {}): Promise<Message> {
    const file = this.host.addFile(toBuffer(bytes), {
      fileName: options.fileName ?? 'photo.jpg',
      mimeType: options.mimeType ?? 'image/jpeg',
    });
    const photo = [
      {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        width: 800,
        height: 800,
        file_size: file.file_size,
      },
    ];
    return this.push(undefined, options, { photo, ...captionOf(options) });
  }

  /** Sends a document (its bytes) as a user. */
  async sendDocument(bytes: Buffer | Uint8Array | string, options: FileSendOptions = {}): Promise<Message> {
    const fileName = options.fileName ?? 'file.bin';
    const mimeType = options.mimeType ?? 'application/octet-stream';
    const file = this.host.addFile(toBuffer(bytes), { fileName, mimeType });
    const document = {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_name: fileName,
      mime_type: mimeType,
      file_size: file.file_size,
    };
    return this.push(undefined, options, { document, ...captionOf(options) });
  }

  /** Shares a location as a user (`message.location`). */
  async sendLocation(latitude: number, longitude: number, options: LocationSendOptions = {}): Promise<Message> {
    return this.push(undefined, options, { location: locationOf(latitude, longitude, options) });
  }

  /**
   * Shares a contact as a user (`message.contact`): by default the user's own number, with their
   * `user_id`, as a "share my phone number" button sends it; `firstName` etc. for someone else.
   */
  async sendContact(phoneNumber: string, options: ContactSendOptions = {}): Promise<Message> {
    const sender = options.from ?? this.users[0]!;
    return this.push(undefined, options, { contact: contactOf(phoneNumber, options, sender) });
  }

  /**
   * Sends a message with any other content, given as Telegram's Message fields: a sticker, a
   * voice note, a venue, a dice, a poll, `forward_origin`... (message_id, date, chat and from are filled in).
   */
  async sendContent(content: MessageContent, options: SendOptions = {}): Promise<Message> {
    return this.push(undefined, options, content as Record<string, unknown>);
  }

  /**
   * Edits a message a user sent in this chat (its text, or its caption when it has one); the bot
   * gets an `edited_message`, and `history` shows the new version.
   */
  async editMessage(message: Message | number, text: string, options: SendOptions = {}): Promise<Message> {
    const id = typeof message === 'number' ? message : message.message_id;
    const current = this.history.find((m) => m.message_id === id);
    if (!current) throw new Error(`editMessage: chat ${this.chat.id} has no message ${id}`);
    if (current.from?.is_bot) throw new Error(`editMessage: message ${id} was sent by the bot; users edit their own`);
    const field = typeof current.caption === 'string' ? 'caption' : 'text';
    const sender = this.users.find((u) => u.id === current.from?.id);
    return this.push(
      field === 'text' ? text : undefined,
      { ...options, ...(sender ? { from: sender } : {}) },
      field === 'caption' ? { caption: text } : {},
      id,
    );
  }

  /**
   * Waits for the bot's next message in this chat (one not yet read by an earlier `expectReply`)
   * and checks it against `matcher`. Fails with the messages the bot did send when it does not
   * match, or when none comes within the timeout.
   */
  async expectReply(matcher: MessageMatcher = () => true, options: WaitOptions = {}): Promise<Message> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const from = this.readCursor;
    const event = await this.host.tracker.waitFor(
      from,
      (e) => e.type === 'message' && e.by === 'bot' && e.chatId === this.chat.id,
      timeoutMs,
      () =>
        `expectReply(${describeMatcher(matcher)}) timed out after ${timeoutMs} ms: the bot sent no new message to chat ${this.chat.id}. ${this.whatHappened(from, true)}`,
    );
    this.readCursor = event.seq;
    const message = (event as Extract<ChatEvent, { type: 'message' }>).message;
    if (!matches(message, matcher)) {
      throw new Error(
        `expectReply(${describeMatcher(matcher)}): the bot's next message in chat ${this.chat.id} was ${describeMessage(message)}. ${this.whatHappened(from)}`,
      );
    }
    return message;
  }

  /** Waits for the bot's next edit of a message in this chat and checks the new version against `matcher`. */
  async expectEdit(matcher: MessageMatcher = () => true, options: WaitOptions = {}): Promise<Message> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const from = this.readEditCursor;
    const event = await this.host.tracker.waitFor(
      from,
      (e) => e.type === 'edit' && e.chatId === this.chat.id,
      timeoutMs,
      () =>
        `expectEdit(${describeMatcher(matcher)}) timed out after ${timeoutMs} ms: the bot edited no message in chat ${this.chat.id}. ${this.whatHappened(from, true)}`,
    );
    this.readEditCursor = event.seq;
    const message = (event as Extract<ChatEvent, { type: 'edit' }>).message;
    if (!matches(message, matcher)) {
      throw new Error(
        `expectEdit(${describeMatcher(matcher)}): the bot's next edit in chat ${this.chat.id} made it ${describeMessage(message)}. ${this.whatHappened(from)}`,
      );
    }
    return message;
  }

  /** Waits for the bot to delete a message of this chat (one not yet seen by an earlier call); resolves with its id. */
  async expectDeleted(options: WaitOptions = {}): Promise<number> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const from = this.readDeleteCursor;
    const event = await this.host.tracker.waitFor(
      from,
      (e) => e.type === 'delete' && e.chatId === this.chat.id,
      timeoutMs,
      () =>
        `expectDeleted() timed out after ${timeoutMs} ms: the bot deleted no message in chat ${this.chat.id}. ${this.whatHappened(from, true)}`,
    );
    this.readDeleteCursor = event.seq;
    return (event as Extract<ChatEvent, { type: 'delete' }>).messageId;
  }

  /**
   * Checks that the bot did NOT answer: waits until the bot has handled everything this chat sent
   * (confirmed the updates, and finished the Bot API calls it started), then fails if it sent this
   * chat a message that `expectReply` has not read. No sleep: it returns as soon as the bot is done.
   */
  async expectNoReply(options: WaitOptions = {}): Promise<void> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const from = this.readCursor;
    await waitUntilHandled(
      this.host,
      this.pushed,
      timeoutMs,
      () =>
        `expectNoReply() timed out after ${timeoutMs} ms: ${lowerFirst(handledHint(this.host, this.pushed, this.chat.id))}`,
    );
    this.forgetConfirmed();
    const sent = this.host.tracker
      .events(from)
      .filter(
        (e): e is Extract<ChatEvent, { type: 'message' }> =>
          e.type === 'message' && e.by === 'bot' && e.chatId === this.chat.id,
      );
    if (sent.length > 0) {
      throw new Error(
        `expectNoReply(): the bot sent ${sent.map((e) => describeMessage(e.message)).join(', ')} to chat ${this.chat.id}. ${this.whatHappened(from)}`,
      );
    }
  }

  /**
   * Presses the inline button labelled `label` (its text, or a pattern) on the latest message that
   * has one; resolves once the bot answered the callback query, with that answer.
   */
  async pressButton(label: string | RegExp, options: SendOptions & WaitOptions = {}): Promise<CallbackAnswer> {
    const { message, button } = this.findButton(label);
    if (typeof button.callback_data !== 'string') {
      const kind =
        Object.keys(button)
          .filter((key) => key !== 'text')
          .join(', ') || 'no action';
      throw new Error(
        `pressButton(${describeLabel(label)}): the button has no callback_data (${kind}); only callback buttons send a callback query`,
      );
    }
    return this.press(message, button.callback_data, describeLabel(label), options);
  }

  /** Presses the callback button carrying `data` on message `messageId` of this chat; resolves with the bot's answer. */
  async pressCallback(
    messageId: number,
    data: string,
    options: SendOptions & WaitOptions = {},
  ): Promise<CallbackAnswer> {
    const message = this.history.find((m) => m.message_id === messageId);
    if (!message) throw new Error(`pressCallback: chat ${this.chat.id} has no message ${messageId}`);
    return this.press(message, data, JSON.stringify(data), options);
  }

  private async press(
    message: Message,
    data: string,
    what: string,
    options: SendOptions & WaitOptions,
  ): Promise<CallbackAnswer> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_WAIT_MS;
    const id = newQueryId();
    const from = this.host.tracker.lastSeq;
    const user = options.from ?? this.users[0]!;
    const update = this.host.pushUpdate({
      callback_query: { id, from: asUser(user), message, chat_instance: String(this.chat.id * 7 + 1), data },
    });
    this.forgetConfirmed();
    this.pushed.add(update.update_id);
    const event = await this.host.tracker.waitFor(
      from,
      (e) => e.type === 'callback_answer' && e.queryId === id,
      timeoutMs,
      () =>
        `pressButton(${what}): the bot did not call answerCallbackQuery within ${timeoutMs} ms (Telegram clients show a spinner until it does). ${this.whatHappened(from, true)}`,
    );
    const params = (event as Extract<ChatEvent, { type: 'callback_answer' }>).params;
    return {
      params,
      ...(typeof params.text === 'string' ? { text: params.text } : {}),
      ...(params.show_alert !== undefined
        ? { show_alert: params.show_alert === true || params.show_alert === 'true' }
        : {}),
      ...(typeof params.url === 'string' ? { url: params.url } : {}),
    };
  }

  private findButton(label: string | RegExp): { message: Message; button: Record<string, unknown> & { text: string } } {
    const seen: string[] = [];
    for (const message of this.history.reverse()) {
      const markup = (message as { reply_markup?: { inline_keyboard?: unknown } }).reply_markup;
      if (!Array.isArray(markup?.inline_keyboard)) continue;
      for (const row of markup.inline_keyboard as Array<Array<Record<string, unknown> & { text: string }>>) {
        for (const button of row) {
          seen.push(JSON.stringify(button.text));
          if (typeof label === 'string' ? button.text === label : label.test(button.text)) return { message, button };
        }
      }
    }
    throw new Error(
      `pressButton(${describeLabel(label)}): no inline button with that text in chat ${this.chat.id}; buttons shown: ${seen.join(', ') || 'none'}`,
    );
  }

  private async push(
    text: string | undefined,
    options: SendOptions,
    extra: Record<string, unknown>,
    editOf?: number,
  ): Promise<Message> {
    const user = options.from ?? this.users[0]!;
    const replyTo = options.replyTo;
    const update = this.host.pushMessage(text, {
      chatId: this.chat.id,
      userId: user.id,
      chatType: this.chat.type === 'private' ? 'private' : (this.chat.type as 'group' | 'supergroup'),
      firstName: user.first_name ?? 'Test',
      ...(user.username !== undefined ? { username: user.username } : {}),
      ...(user.language_code !== undefined ? { languageCode: user.language_code } : {}),
      ...('title' in this.chat && this.chat.title !== undefined ? { chatTitle: this.chat.title } : {}),
      ...(replyTo !== undefined
        ? { replyToMessage: typeof replyTo === 'number' ? replyTo : (replyTo as unknown as Record<string, unknown>) }
        : {}),
      ...(editOf !== undefined ? { editOf } : {}),
      extra,
    });
    this.forgetConfirmed();
    this.pushed.add(update.update_id);
    const message = (update.message ?? update.edited_message)!;
    if (editOf !== undefined) this.host.tracker.userEdit(message);
    else this.host.tracker.userMessage(message);
    // Replies are read from here on: a reply to an earlier message was due before this one.
    return message;
  }

  /** Drops the ids the bot confirmed, so the set stays as small as what is in flight. */
  private forgetConfirmed(): void {
    const pending = new Set(this.host.pendingUpdates().map((update) => update.update_id));
    for (const id of this.pushed) if (!pending.has(id)) this.pushed.delete(id);
  }

  /** The bot's messages and calls since `seq`, for error messages; on a timeout, why nothing came. */
  private whatHappened(seq: number, timedOut = false): string {
    const events = this.host.tracker.events(seq);
    const sent = events
      .filter((e): e is Extract<ChatEvent, { type: 'message' }> => e.type === 'message' && e.by === 'bot')
      .map((e) => `${e.chatId === this.chat.id ? '' : `(to chat ${e.chatId}) `}${describeMessage(e.message)}`);
    const calls = events
      .filter((e): e is Extract<ChatEvent, { type: 'call' }> => e.type === 'call')
      .map((e) => `${e.call.method}${e.call.response?.ok === false ? ` (${String(e.call.response.description)})` : ''}`)
      .filter((name) => name !== 'getUpdates');
    const hint = timedOut ? handledHint(this.host, this.pushed, this.chat.id) : '';
    return `Bot messages since: ${sent.join(', ') || 'none'}. Bot API calls since: ${calls.slice(-15).join(', ') || 'none'}.${hint ? ` ${hint}` : ''}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function describeLabel(label: string | RegExp): string {
  return typeof label === 'string' ? JSON.stringify(label) : String(label);
}

function toBuffer(bytes: Buffer | Uint8Array | string): Buffer {
  return Buffer.isBuffer(bytes)
    ? bytes
    : typeof bytes === 'string'
      ? Buffer.from(bytes)
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function captionOf(options: FileSendOptions): Record<string, unknown> {
  return options.caption !== undefined ? { caption: options.caption } : {};
}
