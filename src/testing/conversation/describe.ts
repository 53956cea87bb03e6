/**
 * Short, readable descriptions of messages and matchers for the kit's error messages.
 * @module
 */
import type { Message } from '../../api/generated/telegram-types.js';
import type { MessageMatcher } from './types.js';

/** The text a user reads in a message: its text, else its caption, else its kind. */
export function visibleText(message: Message): string {
  const m = message as unknown as Record<string, unknown>;
  if (typeof m.text === 'string') return m.text;
  if (typeof m.caption === 'string') return m.caption;
  return '';
}

/** `"text"` or `[photo]`, `[document]`... */
export function describeMessage(message: Message): string {
  const text = visibleText(message);
  if (text !== '') return JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text);
  const kind = Object.keys(message).find(
    (key) =>
      !['message_id', 'date', 'chat', 'from', 'sender_chat', 'reply_to_message', 'reply_markup', 'edit_date'].includes(
        key,
      ),
  );
  return `[${kind ?? 'empty'}]`;
}

/** How a matcher reads in an error message. */
export function describeMatcher(matcher: MessageMatcher): string {
  if (typeof matcher === 'string') return JSON.stringify(matcher);
  if (matcher instanceof RegExp) return String(matcher);
  return 'a predicate';
}

/** Whether a message satisfies a matcher (strings compare with the whole visible text). */
export function matches(message: Message, matcher: MessageMatcher): boolean {
  if (typeof matcher === 'string') return visibleText(message) === matcher;
  if (matcher instanceof RegExp) {
    matcher.lastIndex = 0;
    return matcher.test(visibleText(message));
  }
  return matcher(message);
}
