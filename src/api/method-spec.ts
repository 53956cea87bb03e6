/**
 * Types that turn the generated `ApiMethods` (from spec/bot-api.json) into Botte's method signatures.
 * @module
 */
import type { ApiMethods, Message as TelegramMessage, ParseMode } from './generated/telegram-types.js';
import type { Uploadable } from '../types/input-file.js';
import type { MessageExtras } from '../types/message.js';

export type { MessageExtras };

/** How one Bot API method is called: which parameters are positional, and which defaults apply. */
export interface MethodSpec {
  /** Parameter names taken positionally, in order. */
  readonly positional: readonly string[];
  /** How many of the positional parameters are required. */
  readonly required: number;
  /**
   * Parameters Telegram lets a call leave out when another one is given: name → dotted path of
   * that other parameter (spec/bot-api.json `requiredUnless`).
   */
  readonly requiredUnless?: Readonly<Record<string, string>>;
  /** Bit flags of the constructor defaults the method accepts (see `DefaultFlag`). */
  readonly defaults: number;
  /** The result is a Message (or a list of them) that gets `content_type` and `from_user`. */
  readonly returnsMessage: boolean;
  /** Repeating the call after a failure cannot duplicate anything visible (see call-errors.ts). */
  readonly idempotent: boolean;
  /** The call may travel in the body of a webhook response (see webhook/reply-in-response.ts). */
  readonly webhookReply: boolean;
  /** Makes the parameter object of a call that passes every positional parameter and no options. */
  readonly build: (...positional: never[]) => Record<string, unknown>;
}

/**
 * Bit flags of {@link MethodSpec.defaults}, the one list of the constructor defaults calls take:
 * the generator (scripts/generate-methods.ts) sets a method's flag when the method has the
 * parameter named by the key in snake_case (`parseMode` → `parse_mode`).
 */
export const DefaultFlag = {
  parseMode: 1,
  disableNotification: 2,
  protectContent: 4,
  replyParameters: 8,
  linkPreviewOptions: 16,
} as const;

/** The Bot API methods with Botte's upload type in every place that takes a file. */
export type BotteApiMethods = ApiMethods<Uploadable>;

/**
 * A parse mode as Telegram reads it: case-insensitively, so `'html'` is `'HTML'` (pyTelegramBotAPI
 * passes any spelling through).
 */
export type ParseModeName = ParseMode | Lowercase<ParseMode>;

/**
 * `P` with every `…parse_mode` parameter also taking the lower-case spellings, and every optional
 * parameter also taking `undefined` (left out of the call), so that `{ reply_markup: maybeMarkup }`
 * compiles under `exactOptionalPropertyTypes`, which `tsc --init` turns on since TypeScript 5.9.
 */
type LooseParseModes<P> = P extends object
  ? {
      [K in keyof P]:
        | (K extends `${string}parse_mode`
            ? P[K] | (P[K] extends infer V ? (V extends string ? Lowercase<V> : never) : never)
            : P[K])
        | (object extends Pick<P, K> ? undefined : never);
    }
  : P;

/** The parameters object of method `M`, as Telegram names them. */
export type ApiParams<M extends keyof BotteApiMethods> = LooseParseModes<
  NonNullable<Parameters<BotteApiMethods[M]>[0]>
>;

/** The optional parameters of `M`: everything but the positional keys `K`. */
export type OptionsOf<M extends keyof BotteApiMethods, K extends string> = Omit<ApiParams<M>, K>;

/** A Telegram result type where Messages carry {@link MessageExtras}. */
export type Enriched<T> = T extends TelegramMessage
  ? T & MessageExtras
  : T extends readonly (infer U)[]
    ? U extends TelegramMessage
      ? (U & MessageExtras)[]
      : T
    : T;

/** What method `M` resolves to. */
export type ApiResult<M extends keyof BotteApiMethods> = Enriched<ReturnType<BotteApiMethods[M]>>;
