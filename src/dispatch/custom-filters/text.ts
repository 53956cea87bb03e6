/**
 * The text filters: {@link TextFilter} (a value object) and the custom filters that use it,
 * `text`, `textContains` and `textStartswith`.
 * @module
 */
import { AdvancedCustomFilter } from './base.js';
import { textOf } from '../../types/update-parts.js';

/** What {@link TextFilter} compares; every mode given is tried and any match passes. */
export interface TextFilterOptions {
  /** The whole text equals this. */
  equals?: string;
  /** The text contains one of these. */
  contains?: string | readonly string[];
  /** The text starts with this (or one of these). */
  startsWith?: string | readonly string[];
  /** The text ends with this (or one of these). */
  endsWith?: string | readonly string[];
  /** Compare case-insensitively (every mode; pyTelegramBotAPI lowered only the first one given). */
  ignoreCase?: boolean;
}

const asList = (value: string | readonly string[] | undefined): readonly string[] | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? [value] : value;

/**
 * A text test, used as the value of the `text` filter:
 * `bot.handleMsg({ text: new TextFilter({ startsWith: ['hi', 'hello'], ignoreCase: true }) }, handler)`.
 * Reads Message text (or caption), CallbackQuery data, InlineQuery query, Poll question.
 */
export class TextFilter {
  private readonly equals?: string;
  private readonly contains?: readonly string[];
  private readonly startsWith?: readonly string[];
  private readonly endsWith?: readonly string[];
  /** Whether comparisons ignore case. */
  readonly ignoreCase: boolean;

  /** @param options at least one of `equals`, `contains`, `startsWith`, `endsWith` */
  constructor(options: TextFilterOptions) {
    this.ignoreCase = options.ignoreCase ?? false;
    const prepare = (list: readonly string[] | undefined) => {
      if (list === undefined) return undefined;
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string')) {
        throw new TypeError('TextFilter: contains, startsWith and endsWith take a string or a list of strings');
      }
      return list.map((item) => this.norm(item));
    };
    if (options.equals !== undefined) this.equals = this.norm(String(options.equals));
    this.contains = prepare(asList(options.contains));
    this.startsWith = prepare(asList(options.startsWith));
    this.endsWith = prepare(asList(options.endsWith));
    if (this.equals === undefined && !this.contains && !this.startsWith && !this.endsWith) {
      throw new TypeError('TextFilter needs at least one of equals, contains, startsWith, endsWith');
    }
  }

  private norm(text: string): string {
    return this.ignoreCase ? text.toLowerCase() : text;
  }

  /** Whether the text of `obj` passes; false when `obj` has no text. */
  check(obj: unknown): boolean {
    const raw = textOf(obj);
    return raw === undefined ? false : this.test(raw);
  }

  /** Whether `text` passes. */
  test(text: string): boolean {
    const value = this.norm(text);
    if (this.equals !== undefined && value === this.equals) return true;
    if (this.contains?.some((part) => value.includes(part))) return true;
    if (this.startsWith?.some((part) => value.startsWith(part))) return true;
    if (this.endsWith?.some((part) => value.endsWith(part))) return true;
    return false;
  }
}

/**
 * Key `text`: `{ text: 'hi' }` (equals), `{ text: ['hi', 'hello'] }` (equals one of) or
 * `{ text: new TextFilter({...}) }`. Add it with `bot.addCustomFilter(new TextMatchFilter())`.
 */
export class TextMatchFilter extends AdvancedCustomFilter<unknown, TextFilter | string | readonly string[]> {
  /** The filter key. */
  readonly key = 'text';

  /** See {@link TextMatchFilter}. */
  check(obj: unknown, value: TextFilter | string | readonly string[]): boolean {
    if (value instanceof TextFilter) return value.check(obj);
    const text = textOf(obj);
    if (text === undefined) return false;
    return Array.isArray(value) ? value.includes(text) : text === value;
  }
}

/** Key `textContains`: the text contains the string, or one of the strings, given. */
export class TextContainsFilter extends AdvancedCustomFilter<unknown, string | readonly string[]> {
  /** The filter key. */
  readonly key = 'textContains';

  /** See {@link TextContainsFilter}. */
  check(obj: unknown, value: string | readonly string[]): boolean {
    if (typeof value !== 'string' && !Array.isArray(value)) {
      throw new TypeError('textContains takes a string or a list of strings');
    }
    const text = textOf(obj);
    return text !== undefined && (asList(value) ?? []).some((part) => text.includes(part));
  }
}

/** Key `textStartswith` (pyTelegramBotAPI's `text_startswith`): the text starts with the string (or one of them). */
export class TextStartsFilter extends AdvancedCustomFilter<unknown, string | readonly string[]> {
  /** The filter key. */
  readonly key = 'textStartswith';

  /** See {@link TextStartsFilter}. */
  check(obj: unknown, value: string | readonly string[]): boolean {
    const text = textOf(obj);
    return text !== undefined && (asList(value) ?? []).some((part) => text.startsWith(part));
  }
}
