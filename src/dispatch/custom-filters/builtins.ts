/**
 * The built-in custom filters other than the text ones (pyTelegramBotAPI's `custom_filters`,
 * keys in camelCase). None is active until added: `bot.addCustomFilter(new IsReplyFilter())`.
 * @module
 */
import { AdvancedCustomFilter, SimpleCustomFilter } from './base.js';
import { chatOf, isMessage, messageOf, textOf, userOf } from '../../types/update-parts.js';

/**
 * Key `chatId`: the update's chat is one of the given ones (ids, or `'@username'`).
 * Works on messages, callback queries (their message's chat) and updates that carry a chat.
 */
export class ChatFilter extends AdvancedCustomFilter<unknown, number | string | readonly (number | string)[]> {
  /** The filter key. */
  readonly key = 'chatId';

  /** See {@link ChatFilter}. */
  check(obj: unknown, value: number | string | readonly (number | string)[]): boolean {
    const chat = chatOf(obj);
    if (!chat) return false;
    const username = 'username' in chat && chat.username ? `@${chat.username}`.toLowerCase() : undefined;
    const wanted = Array.isArray(value) ? value : [value as number | string];
    return wanted.some((id) =>
      typeof id === 'string' && id.startsWith('@') ? id.toLowerCase() === username : String(id) === String(chat.id),
    );
  }
}

/** Key `isForwarded`: the message (or a callback query's message) was forwarded (`forward_origin`). */
export class ForwardFilter extends SimpleCustomFilter<unknown> {
  /** The filter key. */
  readonly key = 'isForwarded';

  /** See {@link ForwardFilter}. */
  check(obj: unknown): boolean {
    const message = messageOf(obj) as { forward_origin?: unknown } | undefined;
    return message?.forward_origin != null;
  }
}

/** Key `isReply`: the message (or a callback query's message) replies to another message. */
export class IsReplyFilter extends SimpleCustomFilter<unknown> {
  /** The filter key. */
  readonly key = 'isReply';

  /** See {@link IsReplyFilter}. */
  check(obj: unknown): boolean {
    const message = messageOf(obj) as { reply_to_message?: unknown } | undefined;
    return message?.reply_to_message != null;
  }
}

/** Key `languageCode`: the sender's `language_code` is the one given (or one of the list). */
export class LanguageFilter extends AdvancedCustomFilter<unknown, string | readonly string[]> {
  /** The filter key. */
  readonly key = 'languageCode';

  /** See {@link LanguageFilter}. */
  check(obj: unknown, value: string | readonly string[]): boolean {
    const code = userOf(obj)?.language_code;
    if (code === undefined) return false;
    return typeof value === 'string' ? code === value : value.includes(code);
  }
}

/** Decimal digits of any script, like Python's `str.isdigit()` for everyday text. */
const DIGITS = /^\p{Nd}+$/u;

/** Key `isDigit`: the text (or caption, or callback data) is made of digits only. */
export class IsDigitFilter extends SimpleCustomFilter<unknown> {
  /** The filter key. */
  readonly key = 'isDigit';

  /** See {@link IsDigitFilter}. */
  check(obj: unknown): boolean {
    const text = textOf(obj);
    return text !== undefined && DIGITS.test(text);
  }
}

/** What {@link IsAdminFilter} needs from the bot. */
export interface ChatMemberSource {
  /** The Bot API method `getChatMember`. */
  getChatMember(chatId: number | string, userId: number): Promise<{ status: string }>;
}

/**
 * Key `isChatAdmin`: the sender is the chat's creator or an administrator. Asks Telegram
 * (`getChatMember`) on every check, as pyTelegramBotAPI does; API errors propagate. A message
 * sent on behalf of the chat itself (anonymous admin, channel post) counts as from an admin
 * without asking.
 */
export class IsAdminFilter extends SimpleCustomFilter<unknown> {
  /** The filter key. */
  readonly key = 'isChatAdmin';

  /** @param bot the bot (anything with `getChatMember`) */
  constructor(private readonly bot: ChatMemberSource) {
    super();
  }

  /** See {@link IsAdminFilter}. */
  async check(obj: unknown): Promise<boolean> {
    const chat = chatOf(obj);
    if (!chat) return false;
    if (isMessage(obj) && obj.sender_chat?.id === chat.id) return true;
    const user = userOf(obj);
    if (!user) return false;
    const member = await this.bot.getChatMember(chat.id, user.id);
    return member.status === 'creator' || member.status === 'administrator';
  }
}
