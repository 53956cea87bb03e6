/**
 * Bot token helpers.
 * @module
 */

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;

/** Tells whether `token` looks like a bot token (`<bot id>:<secret>`); it does not ask Telegram. */
export function validateToken(token: string): boolean {
  return typeof token === 'string' && TOKEN_SHAPE.test(token);
}

/** The bot id in front of the `:` of a token, or `null` when the token is malformed. */
export function extractBotId(token: string): number | null {
  if (!validateToken(token)) return null;
  return Number(token.slice(0, token.indexOf(':')));
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** A random string of 16 letters, e.g. for a webhook `secret_token`. Uses a cryptographic RNG. */
export function generateRandomToken(length = 16): string {
  let token = '';
  // Web Crypto exists on every runtime; bytes of 208 and more are redrawn so that each letter is as likely (208 = 4 × 52).
  const byte = new Uint8Array(1);
  while (token.length < length) {
    crypto.getRandomValues(byte);
    if (byte[0]! < 208) token += LETTERS[byte[0]! % LETTERS.length];
  }
  return token;
}
