/**
 * The one table of update types → registrar names, and the code of every registrar
 * (`handleMsg`, `callbackQueryHandler`, ...) and its `register…` twin, which `Dispatcher` links
 * onto its class. Adding an update type of a new Bot API version means adding one row here.
 * @module
 */
import { logger } from '../logger.js';
import type { UserFunction } from './filters.js';
import type { LayerMethod } from '../util/method-layer.js';
import type { Chat } from '../api/generated/telegram-types.js';
import type {
  CallbackQueryRegister,
  CallbackQueryRegistrar,
  MessageRegister,
  MessageRegistrar,
  MessageUpdateType,
  Predicate,
  Register,
  Registrar,
  UpdateObject,
  UpdateType,
} from './types.js';

/** How an update type is filtered: message-like ones get `contentTypes`, `commands`, ... */
export type FilterKind = 'message' | 'callback' | 'plain';

/** One row of {@link REGISTRARS}. */
export interface RegistrarRow {
  /** Telegram's update type. */
  readonly updateType: UpdateType;
  /** The registrar: `bot.handleMsg(filters, handler)`. */
  readonly name: string;
  /** The twin taking `(handler, filters)`: `bot.registerMessageHandler(handler, filters)`. */
  readonly register: string;
  /** Which filter keys it understands. */
  readonly kind: FilterKind;
}

/**
 * Every update type of the current Bot API with its registrar names (docs/handlers-and-filters.md). Names of the
 * newer types follow the same pattern: `<camelCase type>Handler` / `register<Type>Handler`.
 */
export const REGISTRARS = [
  { updateType: 'message', name: 'handleMsg', register: 'registerMessageHandler', kind: 'message' },
  { updateType: 'edited_message', name: 'editedHandleMsg', register: 'registerEditedMessageHandler', kind: 'message' },
  { updateType: 'channel_post', name: 'channelPostHandler', register: 'registerChannelPostHandler', kind: 'message' },
  {
    updateType: 'edited_channel_post',
    name: 'editedChannelPostHandler',
    register: 'registerEditedChannelPostHandler',
    kind: 'message',
  },
  {
    updateType: 'business_connection',
    name: 'businessConnectionHandler',
    register: 'registerBusinessConnectionHandler',
    kind: 'plain',
  },
  {
    updateType: 'business_message',
    name: 'businessMessageHandler',
    register: 'registerBusinessMessageHandler',
    kind: 'message',
  },
  {
    updateType: 'edited_business_message',
    name: 'editedBusinessMessageHandler',
    register: 'registerEditedBusinessMessageHandler',
    kind: 'message',
  },
  {
    updateType: 'deleted_business_messages',
    name: 'deletedBusinessMessagesHandler',
    register: 'registerDeletedBusinessMessagesHandler',
    kind: 'plain',
  },
  {
    updateType: 'guest_message',
    name: 'guestMessageHandler',
    register: 'registerGuestMessageHandler',
    kind: 'message',
  },
  {
    updateType: 'stopped_message_generation',
    name: 'stoppedMessageGenerationHandler',
    register: 'registerStoppedMessageGenerationHandler',
    kind: 'plain',
  },
  {
    updateType: 'message_reaction',
    name: 'messageReactionHandler',
    register: 'registerMessageReactionHandler',
    kind: 'plain',
  },
  {
    updateType: 'message_reaction_count',
    name: 'messageReactionCountHandler',
    register: 'registerMessageReactionCountHandler',
    kind: 'plain',
  },
  { updateType: 'inline_query', name: 'inlineHandler', register: 'registerInlineHandler', kind: 'plain' },
  {
    updateType: 'chosen_inline_result',
    name: 'chosenInlineHandler',
    register: 'registerChosenInlineHandler',
    kind: 'plain',
  },
  {
    updateType: 'callback_query',
    name: 'callbackQueryHandler',
    register: 'registerCallbackQueryHandler',
    kind: 'callback',
  },
  { updateType: 'widget_query', name: 'widgetQueryHandler', register: 'registerWidgetQueryHandler', kind: 'plain' },
  {
    updateType: 'shared_widget_query',
    name: 'sharedWidgetQueryHandler',
    register: 'registerSharedWidgetQueryHandler',
    kind: 'plain',
  },
  {
    updateType: 'shipping_query',
    name: 'shippingQueryHandler',
    register: 'registerShippingQueryHandler',
    kind: 'plain',
  },
  {
    updateType: 'pre_checkout_query',
    name: 'preCheckoutQueryHandler',
    register: 'registerPreCheckoutQueryHandler',
    kind: 'plain',
  },
  {
    updateType: 'purchased_paid_media',
    name: 'purchasedPaidMediaHandler',
    register: 'registerPurchasedPaidMediaHandler',
    kind: 'plain',
  },
  { updateType: 'poll', name: 'pollHandler', register: 'registerPollHandler', kind: 'plain' },
  { updateType: 'poll_answer', name: 'pollAnswerHandler', register: 'registerPollAnswerHandler', kind: 'plain' },
  { updateType: 'my_chat_member', name: 'myChatMemberHandler', register: 'registerMyChatMemberHandler', kind: 'plain' },
  { updateType: 'chat_member', name: 'chatMemberHandler', register: 'registerChatMemberHandler', kind: 'plain' },
  {
    updateType: 'chat_join_request',
    name: 'chatJoinRequestHandler',
    register: 'registerChatJoinRequestHandler',
    kind: 'plain',
  },
  { updateType: 'chat_boost', name: 'chatBoostHandler', register: 'registerChatBoostHandler', kind: 'plain' },
  {
    updateType: 'removed_chat_boost',
    name: 'removedChatBoostHandler',
    register: 'registerRemovedChatBoostHandler',
    kind: 'plain',
  },
  { updateType: 'managed_bot', name: 'managedBotHandler', register: 'registerManagedBotHandler', kind: 'plain' },
  { updateType: 'subscription', name: 'subscriptionHandler', register: 'registerSubscriptionHandler', kind: 'plain' },
] as const satisfies readonly RegistrarRow[];

// Fails to compile when the Bot API (spec/bot-api.json) gains an update type that has
// no row above, so the table cannot silently fall behind.
type MissingRows = Exclude<UpdateType, (typeof REGISTRARS)[number]['updateType']>;
const allUpdateTypesCovered: [MissingRows] extends [never] ? true : MissingRows = true;
void allUpdateTypesCovered;

/** The filter kind of every update type, for dispatch. */
export const FILTER_KIND: Readonly<Record<string, FilterKind>> = Object.fromEntries(
  REGISTRARS.map((row) => [row.updateType, row.kind]),
);

/** Aliases for users coming from pyTelegramBotAPI: alias → registrar it stands for. */
export const REGISTRAR_ALIASES = { messageHandler: 'handleMsg', editedMessageHandler: 'editedHandleMsg' } as const;

type Row = (typeof REGISTRARS)[number];

// What each message-like update type always carries, so that its handlers get it typed as present:
// edited messages their `edit_date`, business messages the `business_connection_id` to answer
// through, channel posts a channel as `chat`.
type GuaranteedFields<U extends UpdateType> = (U extends `edited_${string}` ? { edit_date: number } : unknown) &
  (U extends `${string}business_message` ? { business_connection_id: string } : unknown) &
  (U extends `${string}channel_post` ? { chat: Extract<Chat, { type: 'channel' }> } : unknown);

type RegistrarOf<R extends Row> = R['updateType'] extends MessageUpdateType
  ? MessageRegistrar<GuaranteedFields<R['updateType']>>
  : R['updateType'] extends 'callback_query'
    ? CallbackQueryRegistrar
    : Registrar<UpdateObject<R['updateType']>>;

type RegisterOf<R extends Row> = R['updateType'] extends MessageUpdateType
  ? MessageRegister<GuaranteedFields<R['updateType']>>
  : R['updateType'] extends 'callback_query'
    ? CallbackQueryRegister
    : Register<UpdateObject<R['updateType']>>;

/** The typed registrars, derived from {@link REGISTRARS}; merged into the `Dispatcher` class. */
export type DispatchRegistrars = { [R in Row as R['name']]: RegistrarOf<R> } & {
  [R in Row as R['register']]: RegisterOf<R>;
} & {
  /** Alias of `handleMsg`, the name pyTelegramBotAPI users know (`message_handler`). */
  messageHandler: MessageRegistrar;
  /** Alias of `editedHandleMsg`, the name pyTelegramBotAPI users know (`edited_message_handler`). */
  editedMessageHandler: MessageRegistrar<{ edit_date: number }>;
};

/** What the installed registrars call on the bot. */
export interface HandlerSink {
  /**
   * Registers `handler` for `updateType` with `filters` (already normalised from a predicate);
   * `fromRegister` tells a `register…` twin (no `contentTypes` default).
   */
  addHandler(
    updateType: UpdateType,
    filters: Record<string, unknown> | undefined,
    handler: UserFunction,
    fromRegister: boolean,
  ): void;
}

function toFilters(filters: unknown, name: string): Record<string, unknown> | undefined {
  if (filters === undefined || filters === null) return undefined;
  if (typeof filters === 'function') return { func: filters as Predicate<unknown> };
  if (typeof filters === 'object') return filters as Record<string, unknown>;
  throw new TypeError(`${name}: filters must be an object or a predicate function, got ${typeof filters}`);
}

function checkHandler(handler: unknown, name: string): asserts handler is UserFunction {
  if (typeof handler !== 'function')
    throw new TypeError(`${name}: the handler must be a function, got ${typeof handler}`);
}

/** One decorator returned by a registrar, until it is applied. */
interface PendingDecorator {
  applied: boolean;
}

/** Call sites already warned about, so that a registrar called in a loop warns once. */
const warnedSites = new Set<string>();

/** The first stack line outside this file: where the user called the registrar. */
function callSite(): string {
  const lines = (new Error().stack ?? '')
    .split('\n')
    .slice(1)
    .map((line) => line.trim());
  return lines.find((line) => !line.includes('registrars.')) ?? 'unknown location';
}

/**
 * A registrar called without a handler returns a decorator; one that is never applied registers
 * nothing. Typically `bot.chatMemberHandler(fn)` meant "register fn" but made fn the `func`
 * filter (docs/handlers-and-filters.md). One tick later (decorators are applied at once, even stacked), an
 * unapplied one is reported once per call site through the logger.
 */
function watchDecorator(name: string, predicateOnly: boolean): PendingDecorator {
  const pending: PendingDecorator = { applied: false };
  const site = callSite();
  const timer = setTimeout(() => {
    if (pending.applied || warnedSites.has(site)) return;
    warnedSites.add(site);
    const fix = predicateOnly
      ? `To register the function as the handler, write bot.${name}({}, fn); bot.${name}(fn) makes fn a filter (func) and returns a decorator.`
      : `Pass the handler as the second argument: bot.${name}(filters, handler).`;
    logger.warn(
      `bot.${name}(...) at ${site} returned a decorator that was never applied, so it registered nothing. ${fix}`,
    );
  }, 0);
  // The check must not keep a process alive that has nothing else to do.
  (timer as { unref?: () => void }).unref?.();
  return pending;
}

/**
 * Every registrar, `register…` twin and alias of {@link REGISTRARS}, by name (one shared
 * implementation per call form, closed over the row). `Dispatcher` links them onto its class with
 * util/method-layer.ts; their types are {@link DispatchRegistrars} (merged into `Dispatcher`).
 */
export function registrarLayer(): Record<string, LayerMethod> {
  const methods: Record<string, LayerMethod> = {};
  for (const row of REGISTRARS as readonly RegistrarRow[]) {
    const { updateType, name, register } = row;
    const registrar = function (this: HandlerSink, filters?: unknown, handler?: unknown): unknown {
      const normalised = toFilters(filters, name);
      // biome-ignore lint/complexity/noArguments: only the argument count tells `f(filters)` (decorator) from `f(filters, undefined)`.
      if (arguments.length < 2) {
        // Decorator form: `bot.handleMsg(filters)(fn)`; returning `fn` is what makes stacking work.
        const pending = watchDecorator(name, typeof filters === 'function');
        return (fn: unknown) => {
          pending.applied = true;
          checkHandler(fn, name);
          this.addHandler(updateType, normalised, fn, false);
          return fn;
        };
      }
      checkHandler(handler, name);
      this.addHandler(updateType, normalised, handler, false);
      return handler;
    };
    const twin = function (this: HandlerSink, handler: unknown, filters?: unknown): unknown {
      checkHandler(handler, register);
      this.addHandler(updateType, toFilters(filters, register), handler, true);
      return handler;
    };
    Object.defineProperty(registrar, 'name', { value: name });
    Object.defineProperty(twin, 'name', { value: register });
    methods[name] = registrar;
    methods[register] = twin;
  }
  for (const [alias, target] of Object.entries(REGISTRAR_ALIASES)) methods[alias] = methods[target]!;
  return methods;
}
