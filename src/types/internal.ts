/**
 * Helpers shared by the constructible types. Not part of the public `types` namespace.
 * @module
 */

/**
 * Copies every own property of `options` whose value is not `undefined` onto `target`.
 * Falsy-but-meaningful values (`''`, `0`, `false`, `null`) are kept on purpose: Telegram treats
 * `switch_inline_query: ''` or `is_disabled: false` differently from an absent field.
 */
export function setDefined(target: object, options: object | undefined | null): void {
  if (options == null) return;
  const out = target as Record<string, unknown>;
  const source = options as Record<string, unknown>;
  for (const key in source) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (value !== undefined) out[key] = value;
  }
}

/**
 * `reply_markup` → `replyMarkup`: how a Telegram (or pyTelegramBotAPI) name is spelt in Botte's
 * own options. Used to suggest the camelCase key when a snake_case one is refused.
 */
export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The optional part of a Telegram type: everything but `type` and the required keys `K`. */
export type OptionalPart<T, K extends keyof T = never> = Omit<T, 'type' | K>;

/**
 * `T` whose optional keys also take `undefined` (left out, as {@link setDefined} does): the
 * options of constructors, so that `{ resize_keyboard: maybe }` compiles under
 * `exactOptionalPropertyTypes`. Not for the instances, which Telegram's types must accept.
 */
export type AcceptUndefined<T> = { [P in keyof T]: T[P] | (object extends Pick<T, P> ? undefined : never) };

/** `Omit` that distributes over a union, so each member keeps its own required keys. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
