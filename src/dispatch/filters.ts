/**
 * Handler filters, compiled once at registration into a {@link HandlerEntry} so that dispatch
 * only does Set lookups, one RegExp test and the predicates: no parsing, no per-update closures,
 * and no promise at all when every filter of a handler is synchronous.
 * @module
 */
import { isThenable } from './is-thenable.js';
import { AdvancedCustomFilter, SimpleCustomFilter, type CustomFilter } from './custom-filters/base.js';
import type { FilterKind } from './registrars.js';

/** A user's function as stored (a handler, a middleware phase): called with what its registrar documents. */
export type UserFunction = (...args: any[]) => unknown;

/** A registered handler with its filters in the shape dispatch tests fastest. */
export interface HandlerEntry {
  /** The user's function. */
  readonly handler: UserFunction;
  /** Declaration order across all handlers of the bot (first match wins). */
  readonly order: number;
  /** The registrar used, for error messages. */
  readonly registrar: string;
  /** Accepted content types; undefined = every one. */
  readonly contentTypes: ReadonlySet<string> | undefined;
  /** Accepted chat types; undefined = every one. */
  readonly chatTypes: ReadonlySet<string> | undefined;
  /** Lower-cased command names; undefined = no `commands` filter. */
  readonly commands: ReadonlySet<string> | undefined;
  /** The `regexp` filter. */
  readonly regexp: RegExp | undefined;
  /** The regexp is /g or /y: its `lastIndex` must be reset before each test (decided once). */
  readonly regexpStateful: boolean;
  /** Text every match starts with (see {@link requiredPrefix}): a cheap test that rules most texts out. */
  readonly regexpPrefix: string | undefined;
  /** The `callbackData` filter of callback query handlers. */
  readonly callbackData: string | RegExp | undefined;
  /** The `func` filter. */
  readonly func: ((obj: any) => unknown) | undefined;
  /** Custom filter keys, tested in declaration order after everything else. */
  readonly customKeys: readonly string[];
  /** The handler's value for each of {@link customKeys}. */
  readonly customValues: readonly unknown[];
  /** Whether there is a `func` or a custom filter to run (else {@link predicatesPass} is skipped). */
  readonly hasPredicates: boolean;
}

/** A custom filter as dispatch uses it: the kind is decided once, when it is added. */
export interface ResolvedFilter {
  /** The filter object. */
  readonly filter: CustomFilter;
  /** Advanced filters get the handler's value; simple ones are compared with it. */
  readonly advanced: boolean;
}

/** What the filter checks need from the bot. */
export interface FilterContext {
  /** Custom filters by key. */
  readonly customFilters: ReadonlyMap<string, ResolvedFilter>;
  /** Called (once per key is enough; the callee dedupes) when a handler uses a key no filter has. */
  unknownFilterKey(key: string, entry: HandlerEntry): void;
}

const BUILTIN_KEYS: Readonly<Record<FilterKind, ReadonlySet<string>>> = {
  message: new Set(['contentTypes', 'commands', 'regexp', 'chatTypes', 'func']),
  callback: new Set(['callbackData', 'func']),
  plain: new Set(['func']),
};

/** Filter keys that only message-like registrars know, for a helpful error elsewhere. */
export const MESSAGE_ONLY_KEYS: ReadonlySet<string> = new Set(['contentTypes', 'commands', 'regexp', 'chatTypes']);

function toList(value: unknown, key: string, registrar: string): string[] {
  if (typeof value === 'string') return [value]; // the Python library accepts a bare string too
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  throw new TypeError(`${registrar}: the "${key}" filter must be a list of strings`);
}

/**
 * Compiles `filters` of a registrar of `kind` into a {@link HandlerEntry}. Filters whose value
 * is undefined or null are ignored (the Python library drops `None` filters the same way).
 * `defaultText` applies the registrars' `contentTypes: ['text']` default.
 */
export function compileHandler(
  handler: UserFunction,
  filters: Readonly<Record<string, unknown>> | undefined,
  kind: FilterKind,
  registrar: string,
  order: number,
  defaultText: boolean,
): HandlerEntry {
  let contentTypes: Set<string> | undefined;
  let chatTypes: Set<string> | undefined;
  let commands: Set<string> | undefined;
  let regexp: RegExp | undefined;
  let callbackData: string | RegExp | undefined;
  let func: ((obj: any) => unknown) | undefined;
  const customKeys: string[] = [];
  const customValues: unknown[] = [];
  for (const key of Object.keys(filters ?? {})) {
    const value = filters![key];
    if (value === undefined || value === null) continue;
    if (!BUILTIN_KEYS[kind].has(key)) {
      customKeys.push(key);
      customValues.push(value);
      continue;
    }
    switch (key) {
      case 'contentTypes':
        contentTypes = new Set(toList(value, key, registrar));
        break;
      case 'chatTypes':
        chatTypes = new Set(toList(value, key, registrar));
        break;
      case 'commands':
        // `/start` and `start` both mean the command start; matching is case-insensitive.
        commands = new Set(toList(value, key, registrar).map((name) => name.replace(/^\//, '').toLowerCase()));
        break;
      case 'regexp':
        if (typeof value === 'string') regexp = new RegExp(value, 'i');
        else if (value instanceof RegExp) regexp = value;
        else throw new TypeError(`${registrar}: the "regexp" filter must be a string or a RegExp`);
        break;
      case 'callbackData':
        if (typeof value !== 'string' && !(value instanceof RegExp)) {
          throw new TypeError(`${registrar}: the "callbackData" filter must be a string or a RegExp`);
        }
        callbackData = value;
        break;
      case 'func':
        if (typeof value !== 'function') throw new TypeError(`${registrar}: the "func" filter must be a function`);
        func = value as (obj: any) => unknown;
        break;
    }
  }
  if (kind === 'message' && contentTypes === undefined && defaultText) contentTypes = new Set(['text']);
  const regexpStateful = regexp !== undefined && (regexp.global || regexp.sticky);
  const regexpPrefix = regexp === undefined ? undefined : requiredPrefix(regexp);
  const hasPredicates = func !== undefined || customKeys.length > 0;
  return {
    handler,
    order,
    registrar,
    contentTypes,
    chatTypes,
    commands,
    regexp,
    regexpStateful,
    regexpPrefix,
    callbackData,
    func,
    customKeys,
    customValues,
    hasPredicates,
  };
}

/** Characters with a meaning in a pattern: a literal run ends at any of them. */
const PATTERN_SYNTAX = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);

/**
 * The literal text every match of `pattern` starts with, or undefined when there is none that is
 * certain: `/^re0:(\d+)$/` → `'re0:'`, `/^buy_/` → `'buy_'`. Only for patterns anchored with `^`
 * without alternation, case folding or multiline mode; a literal followed by `?`, `*` or `{` may
 * be absent, so the run stops before it. A handler with `regexp: /^\/start/` then rules out most
 * texts with `startsWith` instead of running the regexp.
 */
export function requiredPrefix(pattern: RegExp): string | undefined {
  const source = pattern.source;
  if (source.charCodeAt(0) !== 94 /* ^ */ || pattern.ignoreCase || pattern.multiline || source.includes('|'))
    return undefined;
  let prefix = '';
  let i = 1;
  while (i < source.length) {
    let literal = source[i]!;
    let width = 1;
    if (literal === '\\') {
      // `\/` or `\.` stand for the character; `\d`, `\b`, `\u0041`... are classes or codes.
      const escaped = source[i + 1];
      if (escaped === undefined || /[0-9A-Za-z]/.test(escaped)) break;
      literal = escaped;
      width = 2;
    } else if (PATTERN_SYNTAX.has(literal)) {
      break;
    } else if (/[\uD800-\uDBFF]/.test(literal) && i + 1 < source.length) {
      // A surrogate pair is one character: a quantifier after it applies to both halves.
      literal = source.slice(i, i + 2);
      width = 2;
    }
    const next = source[i + width];
    if (next === '?' || next === '*' || next === '{') break; // the literal may be absent
    prefix += literal;
    i += width;
  }
  return prefix === '' ? undefined : prefix;
}

/** Decides once whether a custom filter is simple or advanced. */
export function resolveFilter(filter: CustomFilter): ResolvedFilter {
  const shape = filter as unknown as { key?: unknown; check?: unknown } | null;
  if (
    shape === null ||
    typeof shape !== 'object' ||
    typeof shape.key !== 'string' ||
    typeof shape.check !== 'function'
  ) {
    throw new TypeError('addCustomFilter: a custom filter needs a string "key" and a "check" method');
  }
  let advanced: boolean;
  if (filter instanceof AdvancedCustomFilter) advanced = true;
  else if (filter instanceof SimpleCustomFilter) advanced = false;
  else advanced = (shape.check as UserFunction).length >= 2; // duck-typed filter: `check(obj, value)` means advanced
  return { filter, advanced };
}

/** Tests `source` against a RegExp without being tripped up by the `lastIndex` of /g and /y patterns. */
export function regexpMatches(pattern: RegExp, source: string): boolean {
  if (pattern.global || pattern.sticky) pattern.lastIndex = 0;
  return pattern.test(source);
}

/**
 * The cheap, synchronous built-in filters of a message handler (`commands` is settled by the
 * command index before this runs). `textOrCaption` is computed once per update by the caller.
 */
export function messageBuiltinsPass(
  entry: HandlerEntry,
  message: any,
  textOrCaption: string | undefined,
  contentTypeChecked = false,
): boolean {
  if (!contentTypeChecked && entry.contentTypes !== undefined && !entry.contentTypes.has(message.content_type))
    return false;
  if (entry.chatTypes !== undefined && !entry.chatTypes.has(message.chat?.type)) return false;
  const regexp = entry.regexp;
  if (regexp === undefined) return true;
  if (textOrCaption === undefined) return false;
  const prefix = entry.regexpPrefix;
  if (prefix !== undefined && !textOrCaption.startsWith(prefix)) return false;
  if (entry.regexpStateful) regexp.lastIndex = 0;
  return regexp.test(textOrCaption);
}

/** The `callbackData` filter. */
export function callbackDataPasses(entry: HandlerEntry, query: { data?: string }): boolean {
  const wanted = entry.callbackData;
  if (wanted === undefined) return true;
  const data = query.data;
  if (data === undefined) return false;
  return typeof wanted === 'string' ? data === wanted : regexpMatches(wanted, data);
}

/**
 * Runs `func` then the custom filters, in that order, stopping at the first failure. Returns a
 * plain boolean while everything is synchronous and switches to a Promise only at the first
 * asynchronous answer.
 */
export function predicatesPass(entry: HandlerEntry, obj: unknown, ctx: FilterContext): boolean | Promise<boolean> {
  if (entry.func !== undefined) {
    const result = entry.func(obj);
    if (isThenable(result)) {
      return Promise.resolve(result).then((ok) => (ok ? customFrom(entry, obj, ctx, 0) : false));
    }
    if (!result) return false;
  }
  return entry.customKeys.length === 0 ? true : customFrom(entry, obj, ctx, 0);
}

function customFrom(entry: HandlerEntry, obj: unknown, ctx: FilterContext, start: number): boolean | Promise<boolean> {
  const keys = entry.customKeys;
  for (let i = start; i < keys.length; i++) {
    const resolved = ctx.customFilters.get(keys[i]!);
    if (resolved === undefined) {
      ctx.unknownFilterKey(keys[i]!, entry);
      return false;
    }
    const value = entry.customValues[i];
    const answer = resolved.advanced
      ? (resolved.filter as AdvancedCustomFilter).check(obj, value)
      : (resolved.filter as SimpleCustomFilter).check(obj);
    if (isThenable(answer)) {
      const next = i + 1;
      return Promise.resolve(answer).then((got) =>
        (resolved.advanced ? got : got === value) ? customFrom(entry, obj, ctx, next) : false,
      );
    }
    if (resolved.advanced ? !answer : answer !== value) return false;
  }
  return true;
}
