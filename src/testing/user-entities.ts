/**
 * The entities Telegram adds to what a user types: a leading bot command, and mentions,
 * hashtags, cashtags, links, e-mails and commands anywhere, with offsets in UTF-16 code units (as
 * JavaScript strings count). Bots that look at `message.entities` (mention-only group bots,
 * anti-link filters) see in tests what they see on Telegram.
 * @module
 */

/** One entity found in a user's text. */
export interface FoundEntity {
  /** Telegram's entity type. */
  type: 'bot_command' | 'mention' | 'hashtag' | 'cashtag' | 'url' | 'email';
  /** Offset in UTF-16 code units. */
  offset: number;
  /** Length in UTF-16 code units. */
  length: number;
}

// One pattern per kind, tried in this order at each position (e-mails before mentions, which they contain).
const PATTERNS: Array<[FoundEntity['type'], RegExp]> = [
  ['email', /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/y],
  ['url', /(?:https?:\/\/|www\.)[^\s<>"]+|(?:t\.me|telegram\.me)\/[^\s<>"]+/y],
  ['mention', /@[A-Za-z0-9_]{5,32}(?![A-Za-z0-9_])/y],
  ['hashtag', /#[\p{L}\p{N}_]*[\p{L}_][\p{L}\p{N}_]*/uy],
  ['cashtag', /\$[A-Z]{3,8}(?![A-Za-z])/y],
  ['bot_command', /\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_/])/y],
];

/** Punctuation that ends a sentence rather than a link. */
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The entities of a user's text (empty when there are none). */
export function userTextEntities(text: string): FoundEntity[] {
  const found: FoundEntity[] = [];
  // A leading command keeps the emulator's long-standing rule: everything up to the first space.
  const leading = /^\/[^\s]+/.exec(text);
  let at = 0;
  if (leading) {
    found.push({ type: 'bot_command', offset: 0, length: leading[0].length });
    at = leading[0].length;
  }
  while (at < text.length) {
    const before = at === 0 ? ' ' : text[at - 1]!;
    // Entities start at the beginning of a word.
    if (/[\p{L}\p{N}_@#$/.]/u.test(before)) {
      at++;
      continue;
    }
    let match: FoundEntity | undefined;
    for (const [type, pattern] of PATTERNS) {
      pattern.lastIndex = at;
      const m = pattern.exec(text);
      if (!m) continue;
      let value = m[0];
      if (type === 'url' || type === 'email') value = value.replace(TRAILING, '');
      if (value.length > 1) match = { type, offset: at, length: value.length };
      break;
    }
    if (match) {
      found.push(match);
      at += match.length;
    } else at++;
  }
  return found;
}
