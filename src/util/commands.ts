/**
 * Command parsing: `/command@bot_username arguments`.
 * @module
 */
import type { MessageEntity } from '../api/generated/telegram-types.js';

/** What {@link extractCommandTarget} finds in a command message. */
export interface CommandTarget {
  /** The command without `/` and without `@bot`, case preserved: `start` for `/start@my_bot x`. */
  command: string;
  /** The bot the command is addressed to (`my_bot` for `/start@my_bot`), absent when not addressed. */
  botUsername?: string;
  /** Everything after the command and the whitespace following it; `''` when there is nothing. */
  args: string;
}

const FIRST_TOKEN = /^(\S*)\s*([\s\S]*)$/;

/** Tells whether `text` is a command: it starts with `/` (no leading spaces allowed). */
export function isCommand(text: string | null | undefined): text is string {
  return typeof text === 'string' && text.startsWith('/');
}

/**
 * Splits a command message into command, addressed bot and arguments, or returns `null` when
 * `text` is not a command. The dispatcher uses `botUsername` to ignore commands meant for other bots.
 */
export function extractCommandTarget(text: string | null | undefined): CommandTarget | null {
  if (!isCommand(text)) return null;
  const match = FIRST_TOKEN.exec(text)!;
  const token = match[1]!.slice(1);
  const at = token.indexOf('@');
  const result: CommandTarget = { command: at >= 0 ? token.slice(0, at) : token, args: match[2]! };
  if (at >= 0 && at + 1 < token.length) result.botUsername = token.slice(at + 1);
  return result;
}

/**
 * The command name of a command message, without `/` and `@bot`: `'start'` for
 * `'/start@my_bot args'`, `'Start'` for `'/Start'` (case is kept), `null` when not a command.
 */
export function extractCommand(text: string | null | undefined): string | null {
  return extractCommandTarget(text)?.command ?? null;
}

/**
 * The arguments of a command message: `'a b'` for `'/cmd@bot a b'`, `''` for `'/cmd'`,
 * `null` when `text` is not a command.
 */
export function extractArguments(text: string | null | undefined): string | null {
  return extractCommandTarget(text)?.args ?? null;
}

/**
 * The text an entity covers. Entity offsets are UTF-16 code units, the same unit JS strings
 * use, so this is a plain slice.
 */
export function extractEntity(text: string, entity: Pick<MessageEntity, 'offset' | 'length'>): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}
