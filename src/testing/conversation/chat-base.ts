/**
 * The plumbing under {@link Conversation}: the chat, its users, pushing their updates and
 * remembering which ones the bot has not confirmed yet, and describing what happened for errors.
 * @module
 */
import type { BotFullInfo, Chat, Message, Update, User } from '../../api/generated/telegram-types.js';
import type { PushMessageOptions, RecordedCall, StoredFileInfo, UpdateInit } from '../types.js';
import { describeMessage } from './describe.js';
import { handledHint } from './handled.js';
import { userTextEntities } from '../user-entities.js';
import { memberUpdate } from './members.js';
import { seenInPrivacyMode } from './privacy.js';
import type { ChatEvent, ChatTracker, ReplyKeyboard } from './tracker.js';
import type { SendOptions, TestUser } from './types.js';

/** What a conversation needs from the emulator (a `BotApiEmulator` has all of it). */
export interface ConversationHost {
  /** Queues a user's message. */
  pushMessage(text: string | undefined, options?: PushMessageOptions): Update;
  /** Queues any update. */
  pushUpdate(update: UpdateInit): Update;
  /** Updates the bot has not confirmed yet (expectNoReply waits for the chat's ones). */
  pendingUpdates(): Update[];
  /** The bot, as getMe answers it (member changes name it). */
  readonly botUser: BotFullInfo;
  /** Makes the bot's messages to a chat fail with 403 (blocked, removed), or lifts it. */
  setChatForbidden(chatId: number, description: string | undefined): void;
  /** Stores a file the users send. */
  addFile(content: Buffer | string, options?: { fileName?: string; mimeType?: string }): StoredFileInfo;
  /** The calls recorded, listed when a wait fails. */
  readonly calls: RecordedCall[];
  /** The update types the bot asked for (undefined: Telegram's default set). */
  readonly allowedUpdates: string[] | undefined;
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

/** What every conversation has: its chat, its users and the updates they pushed. */
export class ChatBase {
  /** The users of this chat; the first one sends by default. */
  readonly users: readonly TestUser[];
  /** The Telegram chat. */
  readonly chat: Chat;
  /** Ids of the updates this chat pushed, until the bot confirmed them. */
  protected readonly pushed = new Set<number>();

  /** Use `emu.privateChat()` or `emu.groupChat()`. */
  constructor(
    /** The emulator the chat lives in. */
    protected readonly host: ConversationHost,
    chat: Chat,
    users: TestUser[],
    options: { privacyMode?: boolean | undefined } = {},
  ) {
    if (users.length === 0) throw new TypeError('a conversation needs at least one user');
    this.chat = chat;
    this.users = users;
    this.privacyMode = options.privacyMode === true && chat.type !== 'private';
    this.createdAt = host.tracker.lastSeq;
  }

  /** The tracker's `seq` when this object was created: the waits read what comes after. */
  protected readonly createdAt: number;

  /** Whether the bot gets only what a bot in privacy mode gets here (see privacy.ts). */
  readonly privacyMode: boolean;

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

  /**
   * The `reply_markup` the bot sent with one of its messages here: also a reply keyboard,
   * `{ remove_keyboard: true }` or `{ force_reply: true }`, which Telegram's Message does not carry.
   */
  markupOf(message: Message | number): Record<string, unknown> | undefined {
    return this.host.tracker.sentMarkup(this.chat.id, typeof message === 'number' ? message : message.message_id);
  }

  /** Pushes a user's message (or their edit of one) and records it. */
  protected async push(
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
      extra: withCaptionEntities({
        // The emulator builds a plain group chat; a forum keeps its is_forum flag.
        ...('is_forum' in this.chat && this.chat.is_forum === true ? { chat: this.chat } : {}),
        ...(options.threadId !== undefined ? { message_thread_id: options.threadId, is_topic_message: true } : {}),
        ...extra,
      }),
      // In privacy mode the message is built first and delivered only when the bot would get it.
      ...(this.privacyMode ? { deliver: false } : {}),
    });
    const message = (update.message ?? update.edited_message)!;
    const delivered = this.privacyMode
      ? seenInPrivacyMode(message, this.bot)
        ? this.host.pushUpdate((update.message ? { message } : { edited_message: message }) as UpdateInit)
        : undefined
      : update;
    this.forgetConfirmed();
    if (delivered) this.pushed.add(delivered.update_id);
    if (editOf !== undefined) this.host.tracker.userEdit(message);
    else this.host.tracker.userMessage(message);
    // Replies are read from here on: a reply to an earlier message was due before this one.
    return message;
  }

  /** The bot as a plain User, as member updates name it. */
  protected get bot(): User {
    const { id, is_bot, first_name, username } = this.host.botUser;
    return { id, is_bot, first_name, ...(username !== undefined ? { username } : {}) };
  }

  /** Pushes a member change of this chat. */
  protected pushMember(
    kind: 'my_chat_member' | 'chat_member',
    by: TestUser,
    user: User,
    before: 'member' | 'left' | 'kicked',
    after: 'member' | 'left' | 'kicked',
  ): void {
    const update = this.host.pushUpdate(memberUpdate(kind, this.chat, asUser(by), user, before, after));
    this.forgetConfirmed();
    this.pushed.add(update.update_id);
  }

  /** Drops the ids the bot confirmed, so the set stays as small as what is in flight. */
  protected forgetConfirmed(): void {
    const pending = new Set(this.host.pendingUpdates().map((update) => update.update_id));
    for (const id of this.pushed) if (!pending.has(id)) this.pushed.delete(id);
  }

  /** The bot's messages and calls since `seq`, for error messages; on a timeout, why nothing came. */
  protected whatHappened(seq: number, timedOut = false): string {
    const events = this.host.tracker.events(seq);
    const sent = events
      .filter((e): e is Extract<ChatEvent, { type: 'message' }> => e.type === 'message' && e.by === 'bot')
      .map((e) => `${e.chatId === this.chat.id ? '' : `(to chat ${e.chatId}) `}${describeMessage(e.message)}`);
    const calls = events
      .filter((e): e is Extract<ChatEvent, { type: 'call' }> => e.type === 'call')
      .map((e) => `${e.call.method}${e.call.response?.ok === false ? ` (${String(e.call.response.description)})` : ''}`)
      .filter((name) => name !== 'getUpdates');
    const hints = timedOut ? [handledHint(this.host, this.pushed, this.chat.id), this.sentBeforeCreation()] : [];
    const hint = hints.filter((h) => h !== '').join(' ');
    return `Bot messages since: ${sent.join(', ') || 'none'}. Bot API calls since: ${calls.slice(-15).join(', ') || 'none'}.${hint ? ` ${hint}` : ''}`;
  }

  /** Messages the bot sent here before this object existed, which the waits never read. */
  private sentBeforeCreation(): string {
    const earlier = this.host.tracker
      .events(0)
      .filter(
        (e): e is Extract<ChatEvent, { type: 'message' }> =>
          e.seq <= this.createdAt && e.type === 'message' && e.by === 'bot' && e.chatId === this.chat.id,
      )
      .slice(-3)
      .map((e) => describeMessage(e.message));
    if (earlier.length === 0) return '';
    return `Before this conversation was created (${this.chat.type === 'private' ? 'emu.privateChat()' : 'emu.groupChat()'}), the bot sent ${earlier.join(', ')} to chat ${this.chat.id}: a conversation reads only what comes after it is created, so create it before the action (or look at chat.history).`;
  }
}

/** Telegram marks up a caption the user typed as it does a text. */
function withCaptionEntities(extra: Record<string, unknown>): Record<string, unknown> {
  if (typeof extra.caption !== 'string' || extra.caption_entities !== undefined) return extra;
  const entities = userTextEntities(extra.caption);
  return entities.length > 0 ? { ...extra, caption_entities: entities } : extra;
}
