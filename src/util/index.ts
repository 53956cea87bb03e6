/**
 * `util`: helpers users call directly — splitting long texts, parsing commands, quick inline
 * keyboards, flood-control retries, Web App data validation and Telegram name lists.
 *
 * ```ts
 * import { util } from 'botte';
 * for (const part of util.smartSplit(longText, 3000)) await bot.sendMessage(chatId, part);
 * ```
 * @module
 */
export {
  MAX_MESSAGE_LENGTH,
  MAX_CAPTION_LENGTH,
  splitString,
  smartSplit,
  escape,
  userLink,
  isString,
  isDict,
  isBytes,
} from './text.js';
export { isCommand, extractCommand, extractCommandTarget, extractArguments, extractEntity } from './commands.js';
export type { CommandTarget } from './commands.js';
export { chunks } from './collections.js';
export { quickMarkup } from './markup.js';
export type { QuickButtonOptions } from './markup.js';
export { antiflood } from './antiflood.js';
export type { AntifloodOptions } from './antiflood.js';
export { validateWebAppData, parseWebAppData } from './web-app.js';
export type { WebAppInitData, WebAppUser, WebAppValidationOptions } from './web-app.js';
export { DEFAULT_INIT_DATA_MAX_AGE } from './web-app.js';
export { validateWebAppSignature, parseWebAppSignedData, TELEGRAM_INIT_DATA_PUBLIC_KEYS } from './web-app-signature.js';
export type { WebAppSignatureOptions } from './web-app-signature.js';
export { validateLoginWidgetData } from './login-widget.js';
export type { LoginWidgetData, LoginWidgetOptions } from './login-widget.js';
export { CustomRequestResponse } from './custom-request-response.js';
export { validateToken, extractBotId, generateRandomToken } from './token.js';
export { updateTypes, contentTypeMedia, contentTypeService } from './constants.js';
export type { UpdateType } from './constants.js';
