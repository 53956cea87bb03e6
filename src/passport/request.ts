/**
 * The bot side of a Telegram Passport authorization request: the scope of what is asked and the
 * `tg://resolve?domain=telegrampassport…` link (or the parameters for Telegram's Passport SDK)
 * that opens the Passport form for the user.
 * @module
 */
import type { PassportElementType } from './types.js';

/** Telegram's `PassportScopeElementOne`: one element type. */
export interface PassportScopeElementOne {
  /** The element type. */ type: PassportElementType;
  /** Ask for a selfie with the document. */ selfie?: boolean;
  /** Ask for a translation of the document. */ translation?: boolean;
  /** Ask for names in the language of the country of residence (personal_details). */ native_names?: boolean;
}
/** Telegram's `PassportScopeElementOneOfSeveral`: any one of several document types. */
export interface PassportScopeElementOneOfSeveral {
  /** The acceptable types. */ one_of: PassportScopeElementOne[];
  /** Ask for a selfie with the document. */ selfie?: boolean;
  /** Ask for a translation of the document. */ translation?: boolean;
}
/** One element of a {@link PassportScope}. */
export type PassportScopeElement = PassportScopeElementOne | PassportScopeElementOneOfSeveral;
/** Telegram's `PassportScope`. */
export interface PassportScope {
  /** What is requested. */ data: PassportScopeElement[];
  /** Scope version, always 1. */ v: 1;
}

/** Options of {@link authorizationUrl} and {@link authorizationParams}. */
export interface PassportRequestOptions {
  /** The bot's user id (the number before the colon of its token). */
  botId: number | string;
  /** What to ask for: a PassportScope, or a list of element types and scope elements. */
  scope: PassportScope | Array<PassportElementType | PassportScopeElement>;
  /** The bot's public RSA key, PEM. */
  publicKey: string;
  /** A fresh, unguessable string bound to this request; checked again by `passport.decrypt`. */
  nonce: string;
  /** Where the user returns after the form (for links opened from a website). */
  callbackUrl?: string;
}

/** The parameters Telegram's Passport form takes (`bot_id`, `scope`, `public_key`, `nonce`). */
export interface PassportRequestParams {
  /** The bot id. */ bot_id: number;
  /** The scope. */ scope: PassportScope;
  /** The public key, PEM. */ public_key: string;
  /** The nonce. */ nonce: string;
  /** The callback URL, when given. */ callback_url?: string;
}

/** Builds a PassportScope from element types and scope elements. */
export function scope(elements: Array<PassportElementType | PassportScopeElement>): PassportScope {
  return { data: elements.map((e) => (typeof e === 'string' ? { type: e } : e)), v: 1 };
}

/** The parameters of the request, as Telegram's Passport SDK takes them. */
export function authorizationParams(options: PassportRequestOptions): PassportRequestParams {
  const botId = Number(options.botId);
  if (!Number.isSafeInteger(botId) || botId <= 0) throw new TypeError("passport: botId must be the bot's numeric id");
  if (typeof options.nonce !== 'string' || options.nonce.length === 0)
    throw new TypeError('passport: nonce must be a non-empty string');
  if (typeof options.publicKey !== 'string' || !options.publicKey.includes('PUBLIC KEY')) {
    throw new TypeError("passport: publicKey must be the PEM text of the bot's public key");
  }
  const fullScope = Array.isArray(options.scope) ? scope(options.scope) : options.scope;
  if (!fullScope || !Array.isArray(fullScope.data) || fullScope.data.length === 0)
    throw new TypeError('passport: scope asks for nothing');
  return {
    bot_id: botId,
    scope: fullScope,
    public_key: options.publicKey,
    nonce: options.nonce,
    ...(options.callbackUrl !== undefined ? { callback_url: options.callbackUrl } : {}),
  };
}

/** The `tg://resolve?domain=telegrampassport…` link that opens the Passport form. */
export function authorizationUrl(options: PassportRequestOptions): string {
  const params = authorizationParams(options);
  const query = new URLSearchParams({
    domain: 'telegrampassport',
    bot_id: String(params.bot_id),
    scope: JSON.stringify(params.scope),
    public_key: params.public_key,
    nonce: params.nonce,
  });
  if (params.callback_url !== undefined) query.set('callback_url', params.callback_url);
  return `tg://resolve?${query.toString()}`;
}
