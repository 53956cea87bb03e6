/**
 * Third-party validation of Mini App init data: a service that does not hold the bot token
 * checks the Ed25519 `signature` Telegram adds to init data against Telegram's published public
 * key, given only the bot id. The signed text is `<bot_id>:WebAppData`, a newline, then every
 * pair except `hash` and `signature`, sorted by key, as `key=value` lines. Uses Web Crypto, so it
 * runs on Node, Bun, Deno and Workers.
 * @module
 */
import { decodeInitData, fresh, parsePairs, type WebAppInitData, type WebAppValidationOptions } from './web-app.js';

/** Telegram's Ed25519 public keys for init data signatures, hex, per environment. */
export const TELEGRAM_INIT_DATA_PUBLIC_KEYS = {
  /** The production environment. */
  production: 'e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d',
  /** Telegram's test environment. */
  test: '40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec',
} as const;

/** Options of {@link validateWebAppSignature}. */
export interface WebAppSignatureOptions extends WebAppValidationOptions {
  /** Which Telegram environment signed the data (default `production`). */
  environment?: keyof typeof TELEGRAM_INIT_DATA_PUBLIC_KEYS;
  /** Another public key (hex or bytes), e.g. for tests with a key of your own. */
  publicKey?: string | Uint8Array;
}

function bytesOfHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function bytesOfBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(text)) return null;
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function verified(
  botId: number | string,
  pairs: Map<string, string>,
  options: WebAppSignatureOptions,
): Promise<boolean> {
  const signature = bytesOfBase64Url(pairs.get('signature') ?? '');
  if (signature === null || signature.length !== 64) return false;
  const id = String(botId);
  if (!/^\d+$/.test(id)) throw new TypeError("validateWebAppSignature: botId must be the bot's numeric id");
  const text = [...pairs]
    .filter(([key]) => key !== 'hash' && key !== 'signature')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
  const keyBytes =
    typeof options.publicKey === 'string'
      ? bytesOfHex(options.publicKey)
      : (options.publicKey ?? bytesOfHex(TELEGRAM_INIT_DATA_PUBLIC_KEYS[options.environment ?? 'production']));
  const key = await crypto.subtle.importKey('raw', keyBytes as BufferSource, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify(
    { name: 'Ed25519' },
    key,
    signature as BufferSource,
    new TextEncoder().encode(`${id}:WebAppData\n${text}`),
  );
}

/**
 * Tells whether Mini App init data (`Telegram.WebApp.initData`) was signed by Telegram for the
 * bot `botId`, without the bot token, and is fresh (`maxAgeSeconds`, default one day).
 */
export async function validateWebAppSignature(
  botId: number | string,
  rawInitData: string,
  options: WebAppSignatureOptions = {},
): Promise<boolean> {
  if (typeof rawInitData !== 'string') return false;
  const pairs = parsePairs(rawInitData);
  return pairs !== null && fresh(pairs, options) && (await verified(botId, pairs, options));
}

/** Validates like {@link validateWebAppSignature}, then returns the decoded fields, or `false`. */
export async function parseWebAppSignedData(
  botId: number | string,
  rawInitData: string,
  options: WebAppSignatureOptions = {},
): Promise<WebAppInitData | false> {
  if (typeof rawInitData !== 'string') return false;
  const pairs = parsePairs(rawInitData);
  if (pairs === null || !fresh(pairs, options) || !(await verified(botId, pairs, options))) return false;
  return decodeInitData(pairs);
}
