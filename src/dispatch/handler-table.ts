/**
 * The handlers of one update type, indexed by command. A command message is only tested
 * against the handlers of its command plus the handlers without a `commands` filter (never
 * against the other commands' handlers). `handler-walk.ts` walks them in declaration order by
 * merging the two sorted lists, so "the first matching handler in declaration order wins" holds.
 * @module
 */
import { extractCommandTarget } from '../util/commands.js';
import type { HandlerEntry } from './filters.js';

/** Handlers of one update type. */
export class HandlerTable {
  /** Handlers without a `commands` filter, in declaration order. */
  readonly general: HandlerEntry[] = [];
  /** Handlers with a `commands` filter, by (lower-cased) command, each list in declaration order. */
  readonly byCommand = new Map<string, HandlerEntry[]>();
  /** Every handler, in declaration order. */
  readonly all: HandlerEntry[] = [];
  /** `general` narrowed to the handlers whose `contentTypes` admit a content type, made on first use. */
  private readonly generalByContentType = new Map<string, HandlerEntry[]>();

  /** Adds a handler (its `order` is higher than every handler added before). */
  add(entry: HandlerEntry): void {
    this.all.push(entry);
    this.generalByContentType.clear();
    if (entry.commands === undefined) {
      this.general.push(entry);
      return;
    }
    for (const command of entry.commands) {
      const list = this.byCommand.get(command);
      if (list) list.push(entry);
      else this.byCommand.set(command, [entry]);
    }
  }

  /**
   * The general handlers a message of `contentType` can match: those without a `contentTypes`
   * filter or whose filter has it. Lets a walk skip the other handlers without testing them.
   */
  generalFor(contentType: string | undefined): readonly HandlerEntry[] {
    if (contentType === undefined) return this.general;
    let list = this.generalByContentType.get(contentType);
    if (list === undefined) {
      list = this.general.filter((entry) => entry.contentTypes === undefined || entry.contentTypes.has(contentType));
      this.generalByContentType.set(contentType, list);
    }
    return list;
  }

  /** Whether any handler of this type filters on commands (else the command is never parsed). */
  get hasCommands(): boolean {
    return this.byCommand.size > 0;
  }
}

/** The outcome of reading a command: the lower-cased name and the bot it is addressed to, if any. */
export interface ParsedCommand {
  /** Lower-cased command name. */
  name: string;
  /** Lower-cased `@target` username, undefined when the command names no bot. */
  target: string | undefined;
}

/**
 * Reads the command of a text or caption (`/Start@MyBot x` → `{ name: 'start', target: 'mybot' }`),
 * or undefined when it is not a command. Telegram usernames are case-insensitive, and so is
 * Botte's command matching (clients treat `/Start` like `/start`).
 */
export function parseCommand(textOrCaption: string | undefined): ParsedCommand | undefined {
  if (textOrCaption === undefined || textOrCaption.charCodeAt(0) !== 47 /* '/' */) return undefined;
  const parsed = extractCommandTarget(textOrCaption);
  if (parsed === null) return undefined;
  return { name: parsed.command.toLowerCase(), target: parsed.botUsername?.toLowerCase() };
}
