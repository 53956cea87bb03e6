/**
 * Bot token helpers.
 * @module
 */
import { randomInt } from 'node:crypto';

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
  for (let index = 0; index < length; index++) token += LETTERS[randomInt(LETTERS.length)];
  return token;
}
