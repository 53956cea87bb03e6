/**
 * Telegram's rules for a call's parameters, derived from the generated method table
 * (src/api/generated/method-table.ts: which parameters each method requires) plus the few
 * checks every bot meets daily: ids, lengths, keyboards and formatting.
 * @module
 */
import { METHOD_TABLE } from '../../api/generated/method-table.js';
import type { ChatDirectory } from '../chats.js';
import { MEDIA_FIELDS } from '../send-methods.js';
import { badRequest } from '../telegram-error.js';
import type { RecordedCall } from '../types.js';
import { applyFormatting } from './formatting.js';
import { checkReplyMarkup } from './keyboards.js';

/**
 * Required parameters that carry a file: an upload part, a file_id or a URL. Telegram names a
 * missing one `there is no <name> in the request`. Every required file parameter of the method
 * table is a media field of a send method (`photo` also of setChatPhoto, `sticker` also of
 * uploadStickerFile); the other file parameters (`certificate`, `thumbnail`, ...) are optional, so
 * never missing. test/emulator-file-params.test.ts checks this against spec/bot-api.json.
 */
const FILE_PARAMS: ReadonlySet<string> = new Set(MEDIA_FIELDS);

/** Telegram's wording when a required parameter is missing, where it is not `<name> is empty`. */
const MISSING: Record<string, string> = {
  text: 'message text is empty',
  message_id: 'message identifier is not specified',
  message_ids: 'message identifiers are not specified',
  user_id: 'invalid user_id specified',
  file_id: 'file_id not specified',
  callback_query_id: 'query is too old and response timeout expired or query ID is invalid',
  inline_query_id: 'query is too old and response timeout expired or query ID is invalid',
  chat_id: 'chat_id is empty',
};

const INTEGER_PARAMS: Record<string, string> = {
  message_id: 'message identifier must be a Number',
  user_id: 'invalid user_id specified',
  message_thread_id: 'invalid message_thread_id specified',
};

function missing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

function isInteger(value: unknown): boolean {
  return typeof value === 'number'
    ? Number.isSafeInteger(value)
    : typeof value === 'string' && /^-?\d{1,16}$/.test(value);
}

type TableEntry = {
  positional: readonly string[];
  required: number;
  requiredUnless?: Readonly<Record<string, string>>;
};

function entryOf(method: string): TableEntry | undefined {
  // Aliases (old method names) map to a name; only real entries describe parameters.
  const spec = (METHOD_TABLE as unknown as Record<string, TableEntry | string | undefined>)[method];
  return typeof spec === 'object' ? spec : undefined;
}

/** Required parameters of `method` per the method table (its first `required` positional names). */
export function requiredParams(method: string): readonly string[] {
  const spec = entryOf(method);
  return spec ? spec.positional.slice(0, spec.required) : [];
}

/** The value at a dotted path (`ephemeral_message_parameters.callback_query_id`) of the parameters. */
function valueAt(p: Record<string, unknown>, path: string): unknown {
  let value: unknown = p;
  for (const key of path.split('.')) {
    if (typeof value === 'string' && value.startsWith('{')) {
      try {
        value = JSON.parse(value);
      } catch {
        return undefined;
      }
    }
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Options of {@link checkCall}. */
export interface RuleOptions {
  /** Unknown chats answer "chat not found" and unknown messages "message to edit not found" (default false). */
  strict: boolean;
  /** The emulator's chats. */
  chats: ChatDirectory;
}

function checkChat(value: unknown, options: RuleOptions): void {
  if (missing(value)) return;
  if (typeof value === 'string' && value.startsWith('@')) {
    if (!/^@[A-Za-z][A-Za-z0-9_]{3,31}$/.test(value)) throw badRequest('chat not found');
    return;
  }
  if (!isInteger(value) || Number(value) === 0) throw badRequest('chat not found');
  if (options.strict && !options.chats.isKnown(Number(value))) throw badRequest('chat not found');
}

function checkLengths(method: string, p: Record<string, unknown>): void {
  if (typeof p.text === 'string' && (method === 'sendMessage' || method === 'editMessageText')) {
    if (p.text.trim() === '') throw badRequest('message text is empty');
    if (p.text.length > 4096) throw badRequest('message is too long');
  }
  if (typeof p.caption === 'string' && p.caption.length > 1024) throw badRequest('message caption is too long');
}

function formatItem(item: unknown): unknown {
  if (typeof item !== 'object' || item === null) return item;
  const formatted = applyFormatting(item as Record<string, unknown>, 'caption', 'caption_entities');
  if (typeof formatted.caption === 'string' && formatted.caption.length > 1024)
    throw badRequest('message caption is too long');
  return formatted;
}

/**
 * Checks a call against Telegram's rules; returns the parameters the emulator's default method
 * should use (formatting applied), or throws the TelegramError Telegram would answer.
 */
export function checkCall(method: string, call: RecordedCall, options: RuleOptions): Record<string, unknown> {
  let p = call.params;
  const unless = entryOf(method)?.requiredUnless ?? {};
  for (const name of requiredParams(method)) {
    if (!missing(p[name]) || call.files[name] !== undefined) continue;
    // "Required unless …" in the description (spec/bot-api.json `requiredUnless`).
    if (unless[name] !== undefined && !missing(valueAt(p, unless[name]))) continue;
    if (method === 'setWebhook' && name === 'url' && p.url === '') continue; // an empty URL removes the webhook
    if (FILE_PARAMS.has(name)) throw badRequest(`there is no ${name} in the request`);
    // Edit methods take chat_id + message_id or inline_message_id.
    if ((name === 'chat_id' || name === 'message_id') && !missing(p.inline_message_id)) continue;
    throw badRequest(MISSING[name] ?? `${name} is empty`);
  }
  for (const [name, error] of Object.entries(INTEGER_PARAMS)) {
    if (!missing(p[name]) && !isInteger(p[name])) throw badRequest(error);
  }
  if (method !== 'getUpdates') {
    checkChat(p.chat_id, options);
    checkChat(p.from_chat_id, options);
  }
  checkReplyMarkup(p.reply_markup);
  p = applyFormatting(p, 'text', 'entities');
  p = applyFormatting(p, 'caption', 'caption_entities');
  p = applyFormatting(p, 'question', 'question_entities', 'question_parse_mode');
  checkLengths(method, p);
  if (Array.isArray(p.media)) p = { ...p, media: p.media.map(formatItem) };
  else if (typeof p.media === 'object' && p.media !== null) p = { ...p, media: formatItem(p.media) };
  if (options.strict) checkStrictMessages(method, p, options);
  return p;
}

function checkStrictMessages(method: string, p: Record<string, unknown>, options: RuleOptions): void {
  const chatId = Number(p.chat_id);
  if (!Number.isSafeInteger(chatId)) return;
  if ((method.startsWith('editMessage') || method === 'stopMessageLiveLocation') && !missing(p.message_id)) {
    if (!options.chats.find(chatId, p.message_id)) throw badRequest('message to edit not found');
  }
  if (method === 'deleteMessage' && !options.chats.find(chatId, p.message_id))
    throw badRequest('message to delete not found');
  const reply = (p.reply_parameters ?? {}) as Record<string, unknown>;
  const replyId = reply.message_id ?? p.reply_to_message_id;
  if (!missing(replyId) && reply.allow_sending_without_reply !== true && p.allow_sending_without_reply !== true) {
    const replyChat = reply.chat_id !== undefined ? Number(reply.chat_id) : chatId;
    if (!options.chats.find(replyChat, replyId)) throw badRequest('message to be replied not found');
  }
}
