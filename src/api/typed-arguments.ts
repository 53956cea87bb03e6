/**
 * The argument mapping of the typed methods: `bot.sendMessage(chatId, text, { parse_mode })`
 * becomes Telegram's parameter object `{ chat_id, text, parse_mode }`, following the method
 * table's positional parameters (spec/bot-api.json, `positional`).
 * @module
 */
import type { MethodSpec } from './method-spec.js';
import { isDict } from '../util/text.js';

/** How many positional parameters {@link buildParams} passes; the generator's table stays within it. */
export const MAX_POSITIONAL = 6;

/**
 * The parameter object of a typed call of `name` with `args`. The object is new, made for this
 * call alone (the client may write defaults into it). Throws a TypeError for arguments that
 * cannot be what the signature says (see {@link checkArity}).
 */
export function typedParams(name: string, spec: MethodSpec, args: readonly unknown[]): Record<string, unknown> {
  return passesEveryPositional(spec, args) ? buildParams(spec, args) : argumentsToParams(name, spec, args);
}

/**
 * Whether a call passes exactly every positional parameter, none undefined, and no options
 * object: the common `bot.sendMessage(chatId, text)`, whose parameters the table's `build` makes
 * as one object literal (one hidden class per method, instead of keys added one by one). A shortcut
 * of {@link argumentsToParams}, which gives the same object for these calls (pinned by
 * test/api-typed-arguments.test.ts).
 */
function passesEveryPositional(spec: MethodSpec, args: readonly unknown[]): boolean {
  const count = args.length;
  if (count !== spec.positional.length) return false;
  for (let i = 0; i < count; i++) if (args[i] === undefined) return false;
  // Past the required ones, a last plain object is the options object (see argumentsToParams).
  return count === spec.required || !isDict(args[count - 1]);
}

/** `spec.build` over `args` (no spread call: the table's methods take at most six positionals). */
function buildParams(spec: MethodSpec, args: readonly unknown[]): Record<string, unknown> {
  return (spec.build as (...positional: unknown[]) => Record<string, unknown>)(
    args[0],
    args[1],
    args[2],
    args[3],
    args[4],
    args[5],
  );
}

/** How method `name` is called, for error messages: `sendMessage(chat_id, text, options?)`. */
function signatureOf(name: string, spec: MethodSpec): string {
  const params = spec.positional.map((param, index) => (index < spec.required ? param : `${param}?`));
  return `${name}(${[...params, 'options?'].join(', ')})`;
}

/**
 * Refuses calls whose arguments can't be what the signature says (plain JavaScript gets no type
 * check): more arguments than the positionals plus the options object, or something other than
 * a plain object where only the options object fits. Without this, pyTelegramBotAPI's order
 * `sendInvoice(chat, title, desc, payload, providerToken, 'usd', prices, {...})` would send the
 * provider token as the currency and silently drop the rest.
 */
function checkArity(name: string, spec: MethodSpec, args: readonly unknown[]): void {
  const count = args.length;
  const max = spec.positional.length + 1;
  if (count > max) {
    throw new TypeError(
      `${name}: ${count} arguments given, at most ${max} expected: ${signatureOf(name, spec)}; optional parameters go in the options object`,
    );
  }
  const last = args[max - 1];
  if (count === max && last !== undefined && last !== null && !isDict(last)) {
    const kind = Array.isArray(last)
      ? 'an array'
      : typeof last === 'object'
        ? `a ${(last as object).constructor?.name ?? 'object'}`
        : `a ${typeof last}`;
    throw new TypeError(
      `${name}: argument ${max} must be the options object (a plain object), got ${kind}: ${signatureOf(name, spec)}`,
    );
  }
}

/** Turns positional arguments into Telegram's parameter object: the plain version of {@link typedParams}. */
export function argumentsToParams(name: string, spec: MethodSpec, args: readonly unknown[]): Record<string, unknown> {
  checkArity(name, spec, args);
  let count = args.length;
  let options: Record<string, unknown> | undefined;
  // The options object is the last argument after at least the required positionals; optional
  // positional slots only hold strings and numbers, so a plain object there cannot be one of them.
  if (count > spec.required && isDict(args[count - 1]) && count - 1 <= spec.positional.length) {
    options = args[count - 1] as Record<string, unknown>;
    count--;
  }
  const params: Record<string, unknown> = options ? { ...options } : {};
  for (let i = 0; i < count && i < spec.positional.length; i++) {
    if (args[i] !== undefined) params[spec.positional[i]!] = args[i];
  }
  return params;
}
