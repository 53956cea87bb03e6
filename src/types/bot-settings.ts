/**
 * Bot settings objects: commands and their scopes, the menu button, chat permissions.
 *
 * ```ts
 * await bot.setMyCommands([new types.BotCommand('start', 'Start the bot')], {
 *   scope: new types.BotCommandScopeAllPrivateChats(),
 * });
 * ```
 * @module
 */
import type * as Tg from '../api/generated/telegram-types.js';
import { setDefined, type AcceptUndefined } from './internal.js';

export interface BotCommand extends Omit<Tg.BotCommand, 'command' | 'description'> {}
/** A bot command shown in the menu: `new BotCommand('start', 'Start the bot')`. */
export class BotCommand implements Tg.BotCommand {
  /**
   * @param command text of the command without `/`, 1-32 lowercase letters, digits and underscores
   * @param description description of the command, 1-256 characters
   * @param options `is_ephemeral`
   */
  constructor(
    public command: string,
    public description: string,
    options?: AcceptUndefined<Omit<Tg.BotCommand, 'command' | 'description'>>,
  ) {
    setDefined(this, options);
  }
}

/** Commands for all users when no narrower scope applies. */
export class BotCommandScopeDefault implements Tg.BotCommandScopeDefault {
  /** Always `'default'`. */
  readonly type = 'default' as const;
}

/** Commands for all private chats. */
export class BotCommandScopeAllPrivateChats implements Tg.BotCommandScopeAllPrivateChats {
  /** Always `'all_private_chats'`. */
  readonly type = 'all_private_chats' as const;
}

/** Commands for all group and supergroup chats. */
export class BotCommandScopeAllGroupChats implements Tg.BotCommandScopeAllGroupChats {
  /** Always `'all_group_chats'`. */
  readonly type = 'all_group_chats' as const;
}

/** Commands for all group and supergroup chat administrators. */
export class BotCommandScopeAllChatAdministrators implements Tg.BotCommandScopeAllChatAdministrators {
  /** Always `'all_chat_administrators'`. */
  readonly type = 'all_chat_administrators' as const;
}

/** Commands for one chat. */
export class BotCommandScopeChat implements Tg.BotCommandScopeChat {
  /** Always `'chat'`. */
  readonly type = 'chat' as const;
  /** @param chat_id the chat's identifier or `@username` */
  constructor(public chat_id: number | string) {}
}

/** Commands for the administrators of one group or supergroup. */
export class BotCommandScopeChatAdministrators implements Tg.BotCommandScopeChatAdministrators {
  /** Always `'chat_administrators'`. */
  readonly type = 'chat_administrators' as const;
  /** @param chat_id the chat's identifier or `@username` */
  constructor(public chat_id: number | string) {}
}

/** Commands for one member of a group or supergroup. */
export class BotCommandScopeChatMember implements Tg.BotCommandScopeChatMember {
  /** Always `'chat_member'`. */
  readonly type = 'chat_member' as const;
  /**
   * @param chat_id the chat's identifier or `@username`
   * @param user_id the member's identifier
   */
  constructor(
    public chat_id: number | string,
    public user_id: number,
  ) {}
}

/** A menu button that opens the bot's list of commands. */
export class MenuButtonCommands implements Tg.MenuButtonCommands {
  /** Always `'commands'`. */
  readonly type = 'commands' as const;
}

/** A menu button that launches a Web App. */
export class MenuButtonWebApp implements Tg.MenuButtonWebApp {
  /** Always `'web_app'`. */
  readonly type = 'web_app' as const;
  /**
   * @param text text on the button
   * @param web_app the Web App to launch (`new WebAppInfo(url)`)
   */
  constructor(
    public text: string,
    public web_app: Tg.WebAppInfo,
  ) {}
}

/** No specific menu button: the default one applies. */
export class MenuButtonDefault implements Tg.MenuButtonDefault {
  /** Always `'default'`. */
  readonly type = 'default' as const;
}

export interface ChatPermissions extends Tg.ChatPermissions {}
/** What non-administrator members may do: `new ChatPermissions({ can_send_messages: false })`. */
export class ChatPermissions implements Tg.ChatPermissions {
  /** @param options the `can_*` flags; `false` is kept and sent, left-out flags are not */
  constructor(options?: AcceptUndefined<Tg.ChatPermissions>) {
    setDefined(this, options);
  }
}
