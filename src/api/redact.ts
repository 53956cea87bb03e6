/**
 * Keeps bot tokens out of every message Botte produces.
 *
 * Each client registers its token here; errors, log lines and stack traces are passed
 * through {@link redact} before anyone can see them. A token is replaced by its bot id
 * followed by `:<redacted>`, which keeps logs useful when several bots run in one process.
 * @module
 */

const secrets = new Set<string>();
let pattern: RegExp | undefined;

/** Registers a bot token so that {@link redact} hides it from now on. */
export function registerSecret(token: string): void {
  if (!token || secrets.has(token)) return;
  secrets.add(token);
  pattern = undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compiled(): RegExp | undefined {
  if (secrets.size === 0) return undefined;
  if (!pattern) {
    // Tokens also appear URL-encoded (the ':' becomes %3A) in URLs built by other code.
    const variants = new Set<string>();
    for (const token of secrets) {
      variants.add(escapeRegExp(token));
      variants.add(escapeRegExp(encodeURIComponent(token)));
    }
    pattern = new RegExp([...variants].sort((a, b) => b.length - a.length).join('|'), 'g');
  }
  return pattern;
}

/** Replaces every registered token in `text` by `<bot id>:<redacted>`. */
export function redact(text: string): string {
  const re = compiled();
  if (!re || !text) return text;
  return text.replace(re, (token) => `${token.split(/:|%3A/i)[0]}:<redacted>`);
}

/**
 * Redacts an error in place: its message, its stack and the messages of its `cause` chain.
 * Returns the same error so it can be used inline: `throw redactError(err)`.
 */
export function redactError<E>(error: E): E {
  let current: unknown = error;
  const seen = new Set<unknown>();
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    try {
      current.message = redact(current.message);
      if (current.stack) current.stack = redact(current.stack);
    } catch {
      // Some errors have read-only properties; they keep their text.
    }
    current = (current as { cause?: unknown }).cause;
  }
  return error;
}
