/**
 * Types of handler filters and handlers. Filter objects are the camelCase twins of pyTelegramBotAPI's
 * keyword arguments (`content_types=` → `contentTypes`), plus the custom filter keys declared in
 * {@link CustomFilterKeys}.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import type { CallbackQuery, Chat } from '../api/generated/telegram-types.js';
import type { ContentType, Message, MessageWith } from '../types/message.js';
import type { HandlerData } from './handler-backends.js';
import type { TextFilter } from './custom-filters/text.js';
import type { StateFilterValue } from './custom-filters/state-filter.js';

/** Every kind of update: each optional field of Telegram's `Update`. */
export type UpdateType = Exclude<keyof Update, 'update_id'>;

/** Update types whose object is a Message: they get the message filters (`contentTypes`, `commands`, ...). */
export type MessageUpdateType =
  | 'message'
  | 'edited_message'
  | 'channel_post'
  | 'edited_channel_post'
  | 'business_message'
  | 'edited_business_message'
  | 'guest_message';

/** The object a handler of update type `U` receives (Messages are Botte's enriched {@link Message}). */
export type UpdateObject<U extends UpdateType> = U extends MessageUpdateType ? Message : NonNullable<Update[U]>;

/** A chat type, for the `chatTypes` filter. */
export type ChatType = 'private' | 'group' | 'supergroup' | 'channel';

/**
 * A filter predicate: truthy passes. May be async; a sync predicate costs no promise at all.
 */
export type Predicate<T> = (obj: T) => unknown;

/**
 * A handler: called with the update's object and the `data` object of class-based middlewares
 * (an empty object without them). Sync or async; returning a `ContinueHandling` lets the next
 * matching handler run too.
 */
export type Handler<T> = (obj: T, data: HandlerData) => unknown;

/**
 * The custom filter keys handlers may use, with the type of their value. The keys of Botte's
 * built-in custom filters (`customFilters.*`) are declared here; a filter of your own is declared
 * by module augmentation, so a misspelt key fails to compile:
 *
 * ```ts
 * declare module 'botte' {
 *   interface CustomFilterKeys { isPremium: boolean }
 * }
 * bot.addCustomFilter(new IsPremiumFilter()); // its `key` is 'isPremium'
 * bot.handleMsg({ isPremium: true }, handler);
 * ```
 *
 * A key is only usable once its filter is added with `bot.addCustomFilter`; JavaScript code (no
 * type check) gets an `UnknownFilterKeyError` naming the key when it is not.
 */
export interface CustomFilterKeys {
  /** `customFilters.TextMatchFilter`: the text (or caption) equals / passes the TextFilter. */
  text: TextFilter | string | readonly string[];
  /** `customFilters.TextContainsFilter`: the text contains one of these. */
  textContains: string | readonly string[];
  /** `customFilters.TextStartsFilter`: the text starts with one of these. */
  textStartswith: string | readonly string[];
  /** The same as {@link CustomFilterKeys.textStartswith} (the camelCase most people type). */
  textStartsWith: string | readonly string[];
  /** `customFilters.ChatFilter`: the chat id is one of these. */
  chatId: number | string | readonly (number | string)[];
  /** `customFilters.ForwardFilter`: the message is forwarded. */
  isForwarded: boolean;
  /** `customFilters.IsReplyFilter`: the message replies to another. */
  isReply: boolean;
  /** `customFilters.LanguageFilter`: the sender's language code is one of these. */
  languageCode: string | readonly string[];
  /** `customFilters.IsDigitFilter`: the text is only digits. */
  isDigit: boolean;
  /** `customFilters.IsAdminFilter`: the sender is an administrator of the chat. */
  isChatAdmin: boolean;
  /** `customFilters.StateFilter`: the user's current state is one of these. */
  state: StateFilterValue;
  // `config` (callbackData.CallbackDataCustomFilter) is declared by src/callback-data/filter.ts, which
  // sits above dispatch: it adds its key the way users add theirs (module augmentation).
}

/**
 * Filters every registrar accepts: `func` and the custom filter keys of {@link CustomFilterKeys}
 * (each optional), resolved against the filters added with `bot.addCustomFilter` (see
 * `Dispatcher.addCustomFilter` for when an unknown key is reported).
 */
export interface BaseFilters<T> extends OptionalFilterKeys {
  /** A predicate on the update's object (sync or async): the handler runs only when it is truthy. */
  func?: Predicate<T> | undefined;
}

/**
 * Every custom filter key, optional; `undefined` is a key left out (as src/dispatch/filters.ts
 * treats it), so that `{ isChatAdmin: admin ? true : undefined }` compiles under
 * `exactOptionalPropertyTypes`.
 */
export type OptionalFilterKeys = { [K in keyof CustomFilterKeys]?: CustomFilterKeys[K] | undefined };

/**
 * Filters of the message-like registrars (`handleMsg`, `editedHandleMsg`, `channelPostHandler`, ...).
 * All given filters must pass; the cheap built-in ones are tested before `func` and custom filters.
 */
export interface MessageFilters<C extends ContentType = ContentType, K extends ChatType = ChatType>
  extends BaseFilters<MessageWith<C>> {
  /**
   * The content types accepted. Registrars default to `['text']`; `register…` twins default to
   * every content type (see `Dispatcher.registerMessageHandler`).
   */
  contentTypes?: readonly C[] | undefined;
  /**
   * Command names without `/`: `['start', 'help']`. Matches `/start`, `/start args` and
   * `/start@thisbot`, but not `/start@otherbot`. Case-insensitive, like Telegram clients treat
   * commands. The command is read from the text, or from the caption of a media message whose
   * content type the handler accepts.
   */
  commands?: readonly string[] | string | undefined;
  /**
   * A pattern searched in the text (or the caption of an accepted media message). A string
   * becomes a case-insensitive RegExp, as in the Python library; a RegExp is used as given.
   */
  regexp?: string | RegExp | undefined;
  /**
   * Chat types accepted: `['private']`, `['group', 'supergroup']`, ... A registrar's handler then
   * has `message.chat` of those kinds ({@link InChat}).
   */
  chatTypes?: readonly K[] | undefined;
}

/**
 * What a `chatTypes` filter of `K` guarantees: `chat` is a chat of those kinds (`chat.type` is
 * `K`, a group's `title` a string). Nothing when every chat type is accepted.
 */
export type InChat<K extends ChatType> = ChatType extends K ? unknown : { chat: Extract<Chat, { type: K }> };

/**
 * Filters of registrars of non-message updates: `func` and custom keys. The message-only keys
 * are refused at compile time (and at run time, with an explanation).
 */
export interface UpdateFilters<T> extends BaseFilters<T> {
  /** Message handlers only. */
  contentTypes?: never;
  /** Message handlers only. */
  commands?: never;
  /** Message handlers only. */
  regexp?: never;
  /** Message handlers only. */
  chatTypes?: never;
}

/** Filters of `callbackQueryHandler`: the base filters plus `callbackData`. */
export interface CallbackQueryFilters extends UpdateFilters<CallbackQuery> {
  /** Passes when `data` equals this string, or matches this RegExp (the handler's `data` is then a `string`). */
  callbackData?: string | RegExp | undefined;
}

/** A callback query that has `data`: what a handler with a `callbackData` filter receives. */
export type CallbackQueryWithData = CallbackQuery & { data: string };

/** An edited message: `edit_date` is always present. */
export type EditedMessage<M extends Message = Message> = M & { edit_date: number };

/**
 * The registrar `callbackQueryHandler`: like {@link Registrar}, and with a `callbackData` filter
 * the handler's query has `data: string`.
 */
export interface CallbackQueryRegistrar {
  <S extends CallbackQuery, H extends Handler<S>>(
    filters: GuardedFilters<CallbackQueryFilters, CallbackQuery, S> | Guard<CallbackQuery, S>,
    handler: H,
  ): H;
  <H extends Handler<CallbackQueryWithData>>(
    filters: CallbackQueryFilters & { callbackData: string | RegExp },
    handler: H,
  ): H;
  <H extends Handler<CallbackQuery>>(
    filters: CallbackQueryFilters | Predicate<CallbackQuery> | undefined,
    handler: H,
  ): H;
  (
    filters: CallbackQueryFilters & { callbackData: string | RegExp },
  ): <H extends Handler<CallbackQueryWithData>>(handler: H) => H;
  (filters?: CallbackQueryFilters | Predicate<CallbackQuery>): <H extends Handler<CallbackQuery>>(handler: H) => H;
}

/** The `register…` twin of {@link CallbackQueryRegistrar}: `(handler, filters)`. */
export interface CallbackQueryRegister {
  <H extends Handler<CallbackQueryWithData>>(
    handler: H,
    filters: CallbackQueryFilters & { callbackData: string | RegExp },
  ): H;
  <H extends Handler<CallbackQuery>>(handler: H, filters?: CallbackQueryFilters | Predicate<CallbackQuery>): H;
}

/** The filters a registrar of update type `U` accepts. */
export type FiltersOf<U extends UpdateType> = U extends MessageUpdateType
  ? MessageFilters
  : U extends 'callback_query'
    ? CallbackQueryFilters
    : UpdateFilters<UpdateObject<U>>;

/**
 * A handler of a message-like registrar whose `contentTypes` are `C`; `X` adds the fields the
 * update type guarantees (`edit_date` for edited messages).
 */
export type MessageHandler<C extends ContentType, X = unknown> = Handler<MessageWith<C> & X>;

/**
 * A message-like registrar (`handleMsg`, `editedHandleMsg`, `channelPostHandler`, ...):
 * - `(filters, handler)` registers `handler` and returns it;
 * - `(filters)` and `()` return a decorator `(handler) => handler`, so registrations stack;
 * - a bare predicate in place of `filters` means `{ func: predicate }`.
 *
 * Without `contentTypes` only text messages match (and the handler's message is typed as one);
 * `{ contentTypes: ['photo'] }` types `message.photo` as present, `{ chatTypes: ['private'] }` `message.chat`.
 */
export interface MessageRegistrar<X = unknown> {
  <
    S extends G,
    C extends ContentType = 'text',
    K extends ChatType = ChatType,
    G = MessageWith<C>,
    H extends MessageHandler<C, X & InChat<K> & S> = MessageHandler<C, X & InChat<K> & S>,
  >(
    filters: GuardedFilters<MessageFilters<C, K>, G, S> | Guard<G, S>,
    handler: H,
  ): H;
  <
    C extends ContentType = 'text',
    K extends ChatType = ChatType,
    H extends MessageHandler<C, X & InChat<K>> = MessageHandler<C, X & InChat<K>>,
  >(
    filters: MessageFilters<C, K> | Predicate<MessageWith<'text'>> | undefined,
    handler: H,
  ): H;
  <S extends G, C extends ContentType = 'text', K extends ChatType = ChatType, G = MessageWith<C>>(
    filters: GuardedFilters<MessageFilters<C, K>, G, S> | Guard<G, S>,
  ): <H extends MessageHandler<C, X & InChat<K> & S>>(handler: H) => H;
  <C extends ContentType = 'text', K extends ChatType = ChatType>(
    filters?: MessageFilters<C, K> | Predicate<MessageWith<'text'>>,
  ): <H extends MessageHandler<C, X & InChat<K>>>(handler: H) => H;
}

/**
 * The `register…` twin of a message-like registrar: `(handler, filters)`. Unlike the registrar,
 * it matches every content type when `filters.contentTypes` is not given (pyTelegramBotAPI's
 * `register_message_handler` does the same, and code ported from it relies on it); the handler's
 * message is typed accordingly (a plain {@link Message} unless `contentTypes` narrows it).
 */
export interface MessageRegister<X = unknown> {
  <H extends Handler<Message & X>>(
    handler: H,
    filters?: Omit<MessageFilters, 'contentTypes'> & { contentTypes?: undefined },
  ): H;
  <C extends ContentType, H extends MessageHandler<C, X> = MessageHandler<C, X>>(
    handler: H,
    filters: MessageFilters<C> & { contentTypes: readonly C[] },
  ): H;
}

/**
 * A `func` filter written as a type guard, `(obj): obj is S => ...`: the handler then receives
 * `S` (as grammY's `bot.filter(guard)` narrows its context). `G` is what the guard accepts.
 */
export type Guard<G, S extends G> = (obj: G) => obj is S;

/** Filters `F` whose `func` is a type guard. */
export type GuardedFilters<F, G, S extends G> = Omit<F, 'func'> & { func: Guard<G, S> };

/**
 * A registrar of a non-message update type (see {@link MessageRegistrar} for the call forms).
 * A type-guard `func` narrows the handler's object ({@link Guard}).
 */
export interface Registrar<T, F = UpdateFilters<T>> {
  <S extends T = T, H extends Handler<S> = Handler<S>>(filters: MaybeGuarded<F, T, S> | undefined, handler: H): H;
  <S extends T = T>(filters?: MaybeGuarded<F, T, S>): <H extends Handler<S>>(handler: H) => H;
}

/** The `register…` twin of a non-message registrar: `(handler, filters)`. */
export type Register<T, F = UpdateFilters<T>> = <S extends T = T, H extends Handler<S> = Handler<S>>(
  handler: H,
  filters?: MaybeGuarded<F, T, S>,
) => H;

/** Filters `F` of objects `T` (or a bare predicate) whose `func` may be a type guard to `S`. */
export type MaybeGuarded<F, T, S extends T> =
  | (Omit<F, 'func'> & { func?: Guard<T, S> | Predicate<T> | undefined })
  | Guard<T, S>
  | Predicate<T>;

/**
 * A function middleware as stored: called with the bot and the update's object (or the whole
 * update). `middlewareHandler` types both arguments from its `updateTypes` (see
 * {@link TypedMiddleware}).
 */
export type FunctionMiddleware = (botInstance: any, obj: any) => unknown;

/** A function middleware of bot `B` for update types `U`: its object is typed ({@link UpdateObject}). */
export type TypedMiddleware<B, U extends UpdateType> = (botInstance: B, obj: UpdateObject<U>) => unknown;

/** A function middleware of bot `B` without `updateTypes`: it receives each whole `Update`. */
export type WholeUpdateMiddleware<B> = (botInstance: B, update: Update) => unknown;

/** Filters of `middlewareHandler`. */
export interface MiddlewareFilters {
  /** Update types the middleware sees; when omitted it receives every whole `Update`. */
  updateTypes?: readonly string[];
}
