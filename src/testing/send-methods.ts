/**
 * Default answers of the methods that send or change messages: realistic Message objects with
 * per-chat ids, the bot as sender, echoed text/caption/entities and media objects for uploads.
 * @module
 */
import { attachedFile } from './body-parsing.js';
import { type ChatDirectory, type MessageDraft, unixNow, withoutReply } from './chats.js';
import { fileInfo, type FileStore, type StoredFile } from './files.js';
import { badRequest } from './telegram-error.js';
import { checklistOf } from './checklists.js';
import type { RecordedCall } from './types.js';

/** What a default method implementation can use. */
export interface MethodContext {
  /** Parsed parameters of the call. */
  params: Record<string, unknown>;
  /** The recorded call (for uploaded files). */
  call: RecordedCall;
  /** Chats, users and messages. */
  chats: ChatDirectory;
  /** Files. */
  files: FileStore;
}

/**
 * The parameters of the send methods that carry a file (an upload, a file_id or a URL), which are
 * also the media fields of the Message they send. src/testing/rules/validate.ts names a missing one
 * as Telegram does (`there is no photo in the request`).
 */
export const MEDIA_FIELDS = [
  'photo',
  'live_photo',
  'audio',
  'document',
  'video',
  'animation',
  'voice',
  'video_note',
  'sticker',
] as const;
const NOT_MODIFIED =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/** The file a media parameter names: an upload (field or `attach://`), a known file_id, or a URL. */
function resolveFile(ctx: MethodContext, value: unknown, kind: string): StoredFile {
  const upload = attachedFile(ctx.call, value);
  if (upload) return ctx.files.addUpload(upload, kind);
  if (typeof value === 'string' && value !== '') return ctx.files.reference(value, kind);
  throw badRequest(`there is no ${kind} in the request`);
}

/** The Telegram object of one media field, shaped like Telegram's. */
function mediaObject(ctx: MethodContext, kind: string, value: unknown, p: Record<string, unknown>): unknown {
  const file = resolveFile(ctx, value, kind);
  const base = { ...fileInfo(file) } as Record<string, unknown>;
  delete base.file_path;
  if (file.file_size === 0) delete base.file_size;
  const named = {
    ...(file.file_name ? { file_name: file.file_name } : {}),
    ...(file.mime_type ? { mime_type: file.mime_type } : {}),
  };
  const num = (key: string, fallback: number): number => (typeof p[key] === 'number' ? (p[key] as number) : fallback);
  switch (kind) {
    case 'photo': {
      // Telegram answers several sizes; the largest is the stored file.
      const small = ctx.files.reference(`${file.file_id}_s`, 'photo');
      return [
        { file_id: small.file_id, file_unique_id: small.file_unique_id, width: 90, height: 90 },
        { ...base, width: 800, height: 800 },
      ];
    }
    case 'live_photo':
      return { ...base, width: 800, height: 800, duration: num('duration', 3) };
    case 'audio':
      return { ...base, duration: num('duration', 0), ...named, ...pick(p, ['performer', 'title']) };
    case 'document':
      return { ...base, ...named };
    case 'video':
    case 'animation':
      return { ...base, width: num('width', 640), height: num('height', 360), duration: num('duration', 0), ...named };
    case 'voice':
      return { ...base, duration: num('duration', 0), mime_type: 'audio/ogg' };
    case 'video_note':
      return { ...base, length: num('length', 240), duration: num('duration', 0) };
    case 'sticker':
      return {
        ...base,
        type: 'regular',
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
        ...pick(p, ['emoji']),
      };
    default:
      return base;
  }
}

function pick(source: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function checkLength(value: unknown, max: number, what: string): void {
  if (typeof value === 'string' && value.length > max) throw badRequest(`${what} is too long`);
}

/** The skeleton every message the bot sends shares: id, date, chat, sender, thread, reply, markup. */
function outgoing(ctx: MethodContext): MessageDraft {
  const p = ctx.params;
  // Bot API 10.4: an ephemeral reply to a callback query may give only the query's id.
  const ephemeral = p.ephemeral_message_parameters as Record<string, unknown> | undefined;
  const chatId = p.chat_id ?? ctx.chats.callbackQueryChat(ephemeral?.callback_query_id);
  const chat = ctx.chats.chat(chatId);
  const message: MessageDraft = { message_id: ctx.chats.nextMessageId(chat.id), date: unixNow(), chat };
  if (chat.type === 'channel') message.sender_chat = chat;
  else message.from = ctx.chats.bot;
  if (typeof p.message_thread_id === 'number')
    Object.assign(message, { message_thread_id: p.message_thread_id, is_topic_message: true });
  const replyParams = (p.reply_parameters ?? {}) as Record<string, unknown>;
  const replyId = replyParams.message_id ?? p.reply_to_message_id;
  if (replyId !== undefined) {
    // Lenient where Telegram would say "message to be replied not found": tests often reply to hand-made messages.
    const replyChat = replyParams.chat_id !== undefined ? ctx.chats.chat(replyParams.chat_id) : chat;
    const found = ctx.chats.find(replyChat.id, replyId);
    message.reply_to_message = withoutReply(
      found ?? { message_id: Number(replyId), date: message.date, chat: replyChat },
    );
    // A reply to a message of a forum topic is posted in that topic.
    if (message.message_thread_id === undefined && replyChat.id === chat.id && found?.is_topic_message === true)
      Object.assign(message, { message_thread_id: found.message_thread_id, is_topic_message: true });
    // A quoted part of the replied message is shown as the message's `quote` (chosen by the bot: manual).
    if (typeof replyParams.quote === 'string' && replyParams.quote !== '') {
      message.quote = {
        text: replyParams.quote,
        ...(Array.isArray(replyParams.quote_entities) ? { entities: replyParams.quote_entities } : {}),
        position: Number(replyParams.quote_position ?? 0),
        is_manual: true,
      };
    }
  }
  const markup = p.reply_markup as Record<string, unknown> | undefined;
  if (markup && typeof markup === 'object' && Array.isArray(markup.inline_keyboard)) message.reply_markup = markup;
  Object.assign(message, pick(p, ['has_protected_content', 'business_connection_id', 'show_caption_above_media']));
  // The Message names the effect `effect_id` (the parameter is `message_effect_id`).
  if (typeof p.message_effect_id === 'string' && p.message_effect_id !== '') message.effect_id = p.message_effect_id;
  if (p.protect_content === true) message.has_protected_content = true;
  return message;
}

function addCaption(message: MessageDraft, p: Record<string, unknown>): void {
  checkLength(p.caption, 1024, 'message caption');
  if (typeof p.caption === 'string' && p.caption !== '') {
    message.caption = p.caption;
    if (Array.isArray(p.caption_entities)) message.caption_entities = p.caption_entities;
  }
  if (p.has_spoiler === true) message.has_media_spoiler = true;
}

const DICE_MAX: Record<string, number> = { '🎲': 6, '🎯': 6, '🎳': 6, '🏀': 5, '⚽': 5, '🎰': 64 };

/** Builds the Message answered by a `send*` method (sendMessage, sendPhoto, sendDice, ...). */
export function sendMessageLike(method: string, ctx: MethodContext): MessageDraft {
  const p = ctx.params;
  const message = outgoing(ctx);
  const kind = method
    .replace(/^send/, '')
    .replace(/[A-Z]/g, (c, i: number) => (i === 0 ? c.toLowerCase() : `_${c.toLowerCase()}`));
  if (method === 'sendMessage' || method === 'sendRichMessage') {
    if (typeof p.text !== 'string' || p.text.trim() === '') throw badRequest('message text is empty');
    checkLength(p.text, 4096, 'message');
    message.text = p.text;
    if (Array.isArray(p.entities)) message.entities = p.entities;
    if (p.link_preview_options !== undefined) message.link_preview_options = p.link_preview_options;
  } else if ((MEDIA_FIELDS as readonly string[]).includes(kind)) {
    message[kind] = mediaObject(ctx, kind, ctx.call.files[kind] ? kind : p[kind], p);
    if (kind !== 'sticker' && kind !== 'video_note') addCaption(message, p);
    if (kind === 'sticker' || kind === 'video_note') delete message.caption;
  } else if (method === 'sendLocation') {
    message.location = {
      latitude: Number(p.latitude),
      longitude: Number(p.longitude),
      ...pick(p, ['horizontal_accuracy', 'live_period', 'heading']),
    };
  } else if (method === 'sendVenue') {
    const location = { latitude: Number(p.latitude), longitude: Number(p.longitude) };
    message.location = location;
    message.venue = {
      location,
      title: String(p.title ?? ''),
      address: String(p.address ?? ''),
      ...pick(p, ['foursquare_id', 'foursquare_type', 'google_place_id', 'google_place_type']),
    };
  } else if (method === 'sendContact') {
    message.contact = {
      phone_number: String(p.phone_number ?? ''),
      first_name: String(p.first_name ?? ''),
      ...pick(p, ['last_name', 'vcard']),
    };
  } else if (method === 'sendDice') {
    const emoji = typeof p.emoji === 'string' && p.emoji in DICE_MAX ? p.emoji : '🎲';
    message.dice = { emoji, value: 1 + Math.floor(Math.random() * DICE_MAX[emoji]!) };
  } else if (method === 'sendPoll') {
    const options = Array.isArray(p.options) ? p.options : [];
    if (options.length < 2) throw badRequest('poll must have at least 2 option');
    message.poll = {
      id: String(1e15 + message.message_id * 1000 + Math.floor(Math.random() * 1000)),
      question: String(p.question ?? ''),
      options: options.map((o) => ({
        text: typeof o === 'string' ? o : String((o as Record<string, unknown>).text ?? ''),
        voter_count: 0,
      })),
      total_voter_count: 0,
      is_closed: p.is_closed === true,
      is_anonymous: p.is_anonymous !== false,
      type: p.type === 'quiz' ? 'quiz' : 'regular',
      allows_multiple_answers: p.allows_multiple_answers === true,
    };
  } else if (method === 'sendInvoice') {
    const prices = Array.isArray(p.prices) ? (p.prices as Array<{ amount?: unknown }>) : [];
    message.invoice = {
      title: String(p.title ?? ''),
      description: String(p.description ?? ''),
      start_parameter: String(p.start_parameter ?? ''),
      currency: String(p.currency ?? ''),
      total_amount: prices.reduce((sum, price) => sum + Number(price.amount ?? 0), 0),
    };
  } else if (method === 'sendGame') {
    message.game = { title: String(p.game_short_name ?? 'Game'), description: '', photo: [] };
  } else if (method === 'sendChecklist') {
    message.checklist = checklistOf(p.checklist);
  } else if (method === 'sendPaidMedia') {
    // The sender sees the media it sent (a buyer before paying sees only a preview).
    const items = Array.isArray(p.media) ? (p.media as Array<Record<string, unknown>>) : [];
    message.paid_media = {
      star_count: Number(p.star_count ?? 1),
      paid_media: items.map((item) => {
        const kind = String(item.type ?? 'photo');
        return { type: kind, [kind]: mediaObject(ctx, kind, item.media, item) };
      }),
    };
    addCaption(message, p);
  } else if (method === 'sendWidget' || method === 'sendSharedWidget') {
    // Bot API 10.4: an HTML widget; a shared one keeps an id that sendSharedWidget sends again.
    if (method === 'sendWidget' && (typeof p.html !== 'string' || p.html === ''))
      throw badRequest('widget HTML is empty');
    const id =
      method === 'sendSharedWidget'
        ? String(p.widget_id ?? '')
        : p.is_shared === true
          ? `w${message.message_id}${Date.now() % 100000}`
          : undefined;
    message.widget = {
      html: method === 'sendWidget' ? p.html : '',
      ...(id !== undefined ? { id } : {}),
      ...pick(p, ['width', 'height', 'public_data', 'chat_data']),
    };
    addCaption(message, p);
  } else if (typeof p.text === 'string') {
    message.text = p.text;
  }
  ctx.chats.store(message);
  return message;
}

/** sendMediaGroup: one Message per item, sharing a media_group_id. */
export function sendMediaGroup(ctx: MethodContext): MessageDraft[] {
  const media = ctx.params.media;
  if (!Array.isArray(media) || media.length < 2 || media.length > 10)
    throw badRequest('media group must include 2-10 items');
  // Every item is checked before any is sent: Telegram sends a broken album not at all.
  const items = media.map((item: unknown, index) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item))
      throw badRequest(`can't parse InputMedia: item ${index} of the media group is not an object`);
    const kind = String((item as Record<string, unknown>).type ?? '');
    if (!['photo', 'video', 'audio', 'document', 'live_photo'].includes(kind))
      throw badRequest(`unsupported media type "${kind}" in the media group`);
    return { item: item as Record<string, unknown>, kind };
  });
  const groupId = String(Date.now()) + String(Math.floor(Math.random() * 1000));
  return items.map(({ item, kind }) => {
    const message = outgoing(ctx);
    message.media_group_id = groupId;
    message[kind] = mediaObject(ctx, kind, item.media, item);
    addCaption(message, item);
    ctx.chats.store(message);
    return message;
  });
}

const SERVICE_KEYS = new Set([
  'message_id',
  'date',
  'chat',
  'from',
  'sender_chat',
  'forward_origin',
  'reply_to_message',
  'edit_date',
  'message_thread_id',
  'is_topic_message',
  'reply_markup',
]);

function source(ctx: MethodContext, messageId: unknown): MessageDraft {
  const fromChat = ctx.chats.chat(ctx.params.from_chat_id);
  const found = ctx.chats.find(fromChat.id, messageId);
  if (!found) throw badRequest('message to copy not found');
  return found;
}

function content(message: MessageDraft): Record<string, unknown> {
  return Object.fromEntries(Object.entries(message).filter(([key]) => !SERVICE_KEYS.has(key)));
}

/** forwardMessage / copyMessage (and their plural forms) for messages the emulator has seen. */
export function forwardOrCopy(method: string, ctx: MethodContext): unknown {
  const p = ctx.params;
  const ids = method.endsWith('Messages') ? (Array.isArray(p.message_ids) ? p.message_ids : []) : [p.message_id];
  const results = ids.map((id) => {
    const original = source(ctx, id);
    const message = { ...outgoing(ctx), ...content(original) } as MessageDraft;
    if (method.startsWith('forward')) {
      message.forward_origin = original.sender_chat
        ? { type: 'channel', chat: original.sender_chat, message_id: original.message_id, date: original.date }
        : { type: 'user', sender_user: original.from ?? ctx.chats.bot, date: original.date };
    } else if (p.caption !== undefined) {
      addCaption(message, p);
    }
    ctx.chats.store(message);
    return message;
  });
  if (method === 'forwardMessage') return results[0];
  const idsOnly = results.map((m) => ({ message_id: m.message_id }));
  return method === 'copyMessage' ? idsOnly[0] : idsOnly;
}

/** Whether two versions of a message differ only in `edit_date` (key order ignored). */
function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (m: Record<string, unknown>): string =>
    JSON.stringify(
      Object.keys(m)
        .filter((k) => k !== 'edit_date')
        .sort()
        .map((k) => [k, m[k]]),
    );
  return canonical(a) === canonical(b);
}

/** editMessageText/Caption/Media/ReplyMarkup/LiveLocation, stopMessageLiveLocation: the edited Message, or true for inline messages. */
export function editMessage(method: string, ctx: MethodContext): unknown {
  const p = ctx.params;
  if (p.inline_message_id !== undefined) return true;
  const chat = ctx.chats.chat(p.chat_id);
  if (p.message_id === undefined) throw badRequest('message identifier is not specified');
  const found = ctx.chats.find(chat.id, p.message_id);
  const message: MessageDraft = {
    ...(found ?? { message_id: Number(p.message_id), date: unixNow(), chat, from: ctx.chats.bot }),
  };
  if (method === 'editMessageText') {
    if (typeof p.text !== 'string' || p.text.trim() === '') throw badRequest('message text is empty');
    checkLength(p.text, 4096, 'message');
    message.text = p.text;
    if (Array.isArray(p.entities)) message.entities = p.entities;
    else delete message.entities;
  } else if (method === 'editMessageCaption') {
    delete message.caption;
    delete message.caption_entities;
    addCaption(message, p);
  } else if (method === 'editMessageMedia') {
    const media = (p.media ?? {}) as Record<string, unknown>;
    for (const field of MEDIA_FIELDS) delete message[field];
    message[String(media.type)] = mediaObject(ctx, String(media.type), media.media, media);
    delete message.caption;
    addCaption(message, media);
  } else if (method === 'editMessageChecklist') {
    message.checklist = checklistOf(p.checklist);
  } else if (method === 'editMessageLiveLocation') {
    message.location = {
      ...((message.location as object | undefined) ?? {}),
      latitude: Number(p.latitude),
      longitude: Number(p.longitude),
    };
  }
  // Every edit sets the inline keyboard anew: an edit without `reply_markup` removes it, as Telegram does.
  // (setGameScore takes no markup and keeps the game's Play button.)
  const markup = p.reply_markup as Record<string, unknown> | undefined;
  if (markup && Array.isArray(markup.inline_keyboard) && markup.inline_keyboard.length > 0)
    message.reply_markup = markup;
  else if (method !== 'setGameScore') delete message.reply_markup;
  delete message.edit_date;
  // A new score edits the game's high-score table, which the emulator does not draw.
  if (found && method !== 'setGameScore' && sameContent(found, message)) throw badRequest(NOT_MODIFIED);
  message.edit_date = unixNow();
  ctx.chats.store(message);
  return message;
}
