/**
 * {@link Conversation}: a chat between test users and the bot, scripted from a test:
 * `send`, `expectReply`, `pressButton`, `sendPhoto`/`sendDocument`, `history`.
 * @module
 */
import type { Message } from '../../api/generated/telegram-types.js';
import { asUser, ChatBase, DEFAULT_WAIT_MS, newQueryId } from './chat-base.js';
import { describeMatcher, describeMessage, matches } from './describe.js';
import { handledHint, waitUntilHandled } from './handled.js';
import { type PayInvoiceOptions, type PaymentResult, payInvoice } from './payments.js';
import { forbiddenReason, type MemberChangeOptions, requireChatKind } from './members.js';
import type { ChatEvent } from './tracker.js';
import type { CallbackAnswer, FileSendOptions, MessageMatcher, SendOptions, TestUser, WaitOptions } from './types.js';
import {
  type ContactSendOptions,
  contactOf,
  type LocationSendOptions,
  locationOf,
  type MediaKind,
  type MediaSendOptions,
  mediaContent,
  mediaNames,
  type MessageContent,
} from './user-content.js';

export { asUser, type ConversationHost, DEFAULT_WAIT_MS, newQueryId } from './chat-base.js';

/** A chat between one or more test users and the bot. Create it with `emu.privateChat()` or `emu.groupChat()`. */
export class Conversation extends ChatBase {
  /** Events up to here were read by `expectReply`/`expectEdit`/`expectDeleted`. */
  private readCursor = this.host.tracker.lastSeq;
  private readEditCursor = this.host.tracker.lastSeq;
  private readDeleteCursor = this.host.tracker.lastSeq;

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

  /**
   * Sends a voice note, audio, video, video note, animation or sticker (its bytes) as a user: the
   * bot can `getFile` and download it, as with `sendPhoto`/`sendDocument`.
   */
  async sendMedia(
    kind: MediaKind,
    bytes: Buffer | Uint8Array | string,
    options: MediaSendOptions = {},
  ): Promise<Message> {
    const file = this.host.addFile(toBuffer(bytes), mediaNames(kind, options));
    return this.push(undefined, options, mediaContent(kind, file, options));
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
   * The user of this private chat blocks the bot: the bot gets a `my_chat_member` update (member →
   * kicked) and from now on every message it sends here fails with `403 Forbidden: bot was
   * blocked by the user`, as on Telegram. `unblockBot()` undoes it.
   */
  async blockBot(): Promise<void> {
    requireChatKind('blockBot', this.chat, 'private');
    this.pushMember('my_chat_member', this.users[0]!, this.bot, 'member', 'kicked');
    this.host.setChatForbidden(this.chat.id, forbiddenReason(this.chat));
  }

  /** The user unblocks the bot (restarts it): `my_chat_member` kicked → member; messages go through again. */
  async unblockBot(): Promise<void> {
    requireChatKind('unblockBot', this.chat, 'private');
    this.host.setChatForbidden(this.chat.id, undefined);
    this.pushMember('my_chat_member', this.users[0]!, this.bot, 'kicked', 'member');
  }

  /**
   * `user` joins this group (or is added `by` someone): the `new_chat_members` service message,
   * and a `chat_member` update (left → member; Telegram sends it only to bots that asked for it in
   * allowed_updates). Resolves with the service message.
   */
  async addMember(user: TestUser, options: MemberChangeOptions = {}): Promise<Message> {
    requireChatKind('addMember', this.chat, 'group');
    const by = options.by ?? user;
    const message = await this.push(undefined, { from: by }, { new_chat_members: [asUser(user)] });
    this.pushMember('chat_member', by, asUser(user), 'left', 'member');
    return message;
  }

  /**
   * `user` leaves this group, or is removed `by` someone (then the status becomes `kicked`): the
   * `left_chat_member` service message and a `chat_member` update. Resolves with the service message.
   */
  async removeMember(user: TestUser, options: MemberChangeOptions = {}): Promise<Message> {
    requireChatKind('removeMember', this.chat, 'group');
    const by = options.by ?? user;
    const message = await this.push(undefined, { from: by }, { left_chat_member: asUser(user) });
    this.pushMember('chat_member', by, asUser(user), 'member', by.id === user.id ? 'left' : 'kicked');
    return message;
  }

  /**
   * The bot is added to this group (`by` default the chat's first user): a `my_chat_member` update
   * (left → member) and the `new_chat_members` service message naming the bot, which resolves.
   */
  async addBot(options: MemberChangeOptions = {}): Promise<Message> {
    requireChatKind('addBot', this.chat, 'group');
    const by = options.by ?? this.users[0]!;
    this.host.setChatForbidden(this.chat.id, undefined);
    this.pushMember('my_chat_member', by, this.bot, 'left', 'member');
    return this.push(undefined, { from: by }, { new_chat_members: [this.bot] });
  }

  /**
   * The bot is removed from this group (`by` default the chat's first user): a `my_chat_member`
   * update (member → kicked), and from now on its messages here fail with `403 Forbidden: bot was
   * kicked from the supergroup chat` (or `group chat`). `addBot()` undoes it.
   */
  async removeBot(options: MemberChangeOptions = {}): Promise<void> {
    requireChatKind('removeBot', this.chat, 'group');
    this.pushMember('my_chat_member', options.by ?? this.users[0]!, this.bot, 'member', 'kicked');
    this.host.setChatForbidden(this.chat.id, forbiddenReason(this.chat));
  }

  /**
   * Pays an invoice the bot sent (default the latest in this chat), as a user pressing Pay: a
   * `shipping_query` first for flexible invoices, then the `pre_checkout_query`; when the bot
   * accepts, the `successful_payment` message. Resolves with the outcome; fails when the bot does
   * not answer a query in time.
   */
  async payInvoice(options: PayInvoiceOptions = {}): Promise<PaymentResult> {
    const user = options.from ?? this.users[0]!;
    return payInvoice(
      {
        chatId: this.chat.id,
        history: this.history,
        calls: this.host.calls,
        tracker: this.host.tracker,
        from: asUser(user),
        pushUpdate: (update) => {
          const pushed = this.host.pushUpdate(update);
          this.forgetConfirmed();
          this.pushed.add(pushed.update_id);
          return pushed;
        },
        pushMessage: (extra) => this.push(undefined, { from: user }, extra),
      },
      options,
      options.timeoutMs ?? DEFAULT_WAIT_MS,
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
