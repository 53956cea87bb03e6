/**
 * Keeps bot tokens out of every message Botte produces.
 *
 * Each client registers its token here; errors, log lines and stack traces are passed
 * through {@link redact} before anyone can see them. A token is replaced by its bot id
 * followed by `:<redacted>`, which keeps logs useful when several bots run in one process.
 *
 * What counts as the token, since servers and proxies echo it in many ways: the token itself;
 * the bot id followed by `:`, `%3A`/`%3a` or `%253A` and any run of token characters (a token cut
 * short included); the secret part alone, and any run of token characters that starts with its
 * first 8 or ends with its last 8 characters (a secret cut at either end). Redact before
 * truncating a text, never after: a cut can leave a piece that no longer looks like the token.
 * @module
 */

const secrets = new Set<string>();
let pattern: RegExp | undefined;
/** Bot ids of the registered tokens (for the replacement text). */
const ids = new Set<string>();
/** The last characters of each secret, to find a piece of it cut at its start. */
const tails = new Set<string>();

/** The characters a token's secret is made of. */
const TOKEN_CHARS = '[A-Za-z0-9_-]';
/** How many characters of the secret identify a cut piece of it. */
const PIECE = 8;

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
    const variants = new Set<string>();
    ids.clear();
    tails.clear();
    for (const token of secrets) {
      // Tokens not shaped `<id>:<secret>` (validateToken: false) are matched as they are.
      variants.add(escapeRegExp(token));
      variants.add(escapeRegExp(encodeURIComponent(token)));
      const colon = token.indexOf(':');
      if (colon <= 0) continue;
      const id = token.slice(0, colon);
      const secret = token.slice(colon + 1);
      ids.add(id);
      // The id, a separator (any case of the URL-encoded forms), then the secret or what is left of it.
      variants.add(`(?<![0-9])${escapeRegExp(id)}(?::|%3[aA]|%253[aA])${TOKEN_CHARS}+`);
      if (secret.length >= 2 * PIECE) {
        // A piece that starts like the secret; one that ends like it is found by redactTails
        // (a pattern with a leading `[...]*` would be quadratic on long runs of such characters).
        variants.add(`${escapeRegExp(secret.slice(0, PIECE))}${TOKEN_CHARS}*`);
        tails.add(secret.slice(-PIECE));
      } else if (secret.length > 0) {
        variants.add(escapeRegExp(secret));
      }
    }
    // Longest first, so that the whole token wins over its pieces.
    pattern = new RegExp([...variants].sort((a, b) => b.length - a.length).join('|'), 'g');
  }
  return pattern;
}

function replacement(match: string): string {
  const id = /^([0-9]+)(?::|%3a|%253a)/i.exec(match)?.[1];
  return id !== undefined && ids.has(id) ? `${id}:<redacted>` : '<redacted>';
}

/** Replaces every registered token (and every piece of one, see the module comment) in `text`. */
export function redact(text: string): string {
  const re = compiled();
  if (!re || !text) return text;
  re.lastIndex = 0;
  const out = re.test(text) ? text.replace(re, replacement) : text;
  re.lastIndex = 0;
  return tails.size === 0 ? out : redactTails(out);
}

function isTokenChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45
  );
}

/** Replaces each run of token characters that ends with the end of a secret. */
function redactTails(text: string): string {
  for (const tail of tails) {
    let at = text.indexOf(tail);
    while (at >= 0) {
      let start = at;
      while (start > 0 && isTokenChar(text.charCodeAt(start - 1))) start--;
      text = `${text.slice(0, start)}<redacted>${text.slice(at + tail.length)}`;
      at = text.indexOf(tail, start + '<redacted>'.length);
    }
  }
  return text;
}

/**
 * Redacts `text`, then cuts it to `limit` characters: in this order, since a cut through a
 * token would leave a piece that might no longer be recognised. Only a margin past the limit is
 * redacted, so a huge text costs no more than a short one.
 */
export function redactAndTruncate(text: string, limit: number): string {
  const head = text.length > limit + 256 ? text.slice(0, limit + 256) : text;
  const clean = redact(head);
  return clean.length > limit ? clean.slice(0, limit) : clean;
}

/** Whether `text` contains a registered token or a piece of one. */
export function containsSecret(text: string): boolean {
  return redact(text) !== text;
}

/** How deep {@link redactError} walks into nested objects (errors carry shallow data). */
const MAX_DEPTH = 6;

/**
 * Redacts an error in place: its message, its stack, every own string property (enumerable or
 * not, as `util.inspect(error, { showHidden: true })` shows them, e.g. `input` of Node's
 * `ERR_INVALID_URL`), the objects and arrays it holds, and its `cause` chain the same way.
 * Returns the same error so it can be used inline: `throw redactError(err)`.
 */
export function redactError<E>(error: E): E {
  if (secrets.size === 0) return error;
  scrub(error, new Set(), 0);
  return error;
}

/** Redacts the own data properties of `value` (not its getters: reading those may have effects). */
function scrub(value: unknown, seen: Set<unknown>, depth: number): void {
  if (value === null || typeof value !== 'object' || seen.has(value) || depth > MAX_DEPTH) return;
  seen.add(value);
  // Typed arrays and buffers hold bytes, not text; maps and sets are left as they are.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return;
  let keys: Array<string | symbol>;
  try {
    keys = Reflect.ownKeys(value);
  } catch {
    return; // a revoked proxy
  }
  for (const key of keys) {
    let descriptor: PropertyDescriptor | undefined;
    try {
      descriptor = Object.getOwnPropertyDescriptor(value, key);
    } catch {
      continue;
    }
    if (descriptor === undefined || !('value' in descriptor)) continue;
    const field = descriptor.value as unknown;
    if (typeof field === 'string') {
      const clean = redact(field);
      if (clean === field) continue;
      try {
        if (descriptor.writable) (value as Record<string | symbol, unknown>)[key] = clean;
        else if (descriptor.configurable) Object.defineProperty(value, key, { ...descriptor, value: clean });
      } catch {
        // A frozen object keeps its text; nothing else can be done about it here.
      }
    } else if (field !== null && typeof field === 'object') {
      scrub(field, seen, depth + 1);
    }
  }
}
