/**
 * The emulator's default answer for each Bot API method (those with an object result beyond
 * sending messages are in src/testing/object-results.ts). Methods not listed answer `true`.
 * @module
 */
import type { Chat, BotFullInfo } from '../api/generated/telegram-types.js';
import { fileInfo } from './files.js';
import { editMessage, forwardOrCopy, type MethodContext, sendMediaGroup, sendMessageLike } from './send-methods.js';
import { badRequest, TelegramError } from './telegram-error.js';
import type { UpdateQueue } from './updates.js';
import { CONFLICT_WEBHOOK } from './faults.js';
import { OBJECT_RESULTS } from './object-results.js';
import { STAR_METHODS } from './stars.js';

/** Webhook settings tracked by setWebhook/deleteWebhook, answered by getWebhookInfo. */
export interface WebhookState {
  /** The webhook URL; empty when none is set. */
  url: string;
  /** Whether a certificate was uploaded. */
  has_custom_certificate: boolean;
  /** `max_connections` given (default 40). */
  max_connections: number;
  /** `ip_address` given. */
  ip_address?: string;
  /** `secret_token` given (not part of getWebhookInfo, kept for tests). */
  secret_token?: string;
}

/** Emulator state the defaults read and change. */
export interface EmulatorState {
  /** The user answered by getMe. */
  bot: BotFullInfo;
  /** Pending updates. */
  updates: UpdateQueue;
  /** The webhook. */
  webhook: WebhookState;
  /** Values set by set* methods and read back by get* (commands, names, descriptions, menu button). */
  settings: Map<string, unknown>;
  /** setWebhook also accepts http://127.0.0.1 and http://localhost URLs (webhook delivery in tests). */
  allowLocalHttpWebhook?: boolean;
}

/** A default method's context. */
export interface DefaultContext extends MethodContext {
  /** Shared emulator state. */
  state: EmulatorState;
  /** Aborted when the client goes away (ends a held long poll). */
  signal: AbortSignal;
}

type DefaultMethod = (ctx: DefaultContext) => unknown;

const SECRET_TOKEN_RE = /^[A-Za-z0-9_-]{1,256}$/;

// The same scope may come as `{ type, chat_id }` or as a `types.BotCommandScope…` object whose
// fields are in another order: the key sorts them (and reads `chat_id` 5 and "5" alike).
function settingKey(name: string, p: Record<string, unknown>): string {
  const scope = (p.scope && typeof p.scope === 'object' ? p.scope : { type: 'default' }) as Record<string, unknown>;
  const canonical = Object.keys(scope)
    .sort()
    .map((key) => `${key}=${String(scope[key])}`)
    .join(',');
  return `${name}|${canonical}|${String(p.language_code ?? '')}`;
}

function fullChat(chat: Chat): Record<string, unknown> {
  return {
    ...chat,
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: {
      unlimited_gifts: false,
      limited_gifts: false,
      unique_gifts: false,
      premium_subscription: false,
      gifts_from_channels: false,
    },
  };
}

function inviteLink(ctx: DefaultContext, link?: string): Record<string, unknown> {
  const p = ctx.params;
  return {
    invite_link: link ?? `https://t.me/+${Math.random().toString(36).slice(2, 14)}`,
    creator: ctx.chats.bot,
    creates_join_request: p.creates_join_request === true,
    is_primary: false,
    is_revoked: false,
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.expire_date !== undefined ? { expire_date: p.expire_date } : {}),
    ...(p.member_limit !== undefined ? { member_limit: p.member_limit } : {}),
  };
}

function getUpdates(ctx: DefaultContext): unknown {
  if (ctx.state.webhook.url !== '') throw new TelegramError(409, CONFLICT_WEBHOOK.description);
  return ctx.state.updates.getUpdates(ctx.params, ctx.signal);
}

function setWebhook(ctx: DefaultContext): unknown {
  const p = ctx.params;
  const { state } = ctx;
  const url = p.url === undefined ? '' : String(p.url);
  if (p.drop_pending_updates === true) state.updates.dropPending();
  if (url === '') {
    state.webhook = { url: '', has_custom_certificate: false, max_connections: 40 };
    return true;
  }
  const local = state.allowLocalHttpWebhook === true && /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/i.test(url);
  if (!local && !/^https:\/\/[^/\s]+/i.test(url))
    throw badRequest('bad webhook: An HTTPS URL must be provided for webhook');
  if (p.secret_token !== undefined && !SECRET_TOKEN_RE.test(String(p.secret_token))) {
    throw badRequest('secret token contains unallowed characters');
  }
  const maxConnections = p.max_connections === undefined ? 40 : Number(p.max_connections);
  if (!(maxConnections >= 1 && maxConnections <= 100))
    throw badRequest('bad webhook: max_connections must be between 1 and 100');
  state.updates.setAllowedUpdates(p.allowed_updates);
  state.webhook = {
    url,
    has_custom_certificate:
      ctx.call.files.certificate !== undefined || (typeof p.certificate === 'string' && p.certificate !== ''),
    max_connections: maxConnections,
    ...(p.ip_address !== undefined ? { ip_address: String(p.ip_address) } : {}),
    ...(p.secret_token !== undefined ? { secret_token: String(p.secret_token) } : {}),
  };
  // A long poll still held cannot go on once a webhook is set.
  state.updates.endPoll(new TelegramError(409, CONFLICT_WEBHOOK.description));
  return true;
}

const DEFAULTS: Record<string, DefaultMethod> = {
  getUpdates,
  setWebhook,
  deleteWebhook: (ctx) => {
    if (ctx.params.drop_pending_updates === true) ctx.state.updates.dropPending();
    ctx.state.webhook = { url: '', has_custom_certificate: false, max_connections: 40 };
    return true;
  },
  getWebhookInfo: ({ state }) => {
    const w = state.webhook;
    const allowed = state.updates.allowedUpdates;
    return {
      url: w.url,
      has_custom_certificate: w.has_custom_certificate,
      pending_update_count: state.updates.pending().length,
      ...(w.url !== '' ? { max_connections: w.max_connections } : {}),
      ...(w.ip_address !== undefined ? { ip_address: w.ip_address } : {}),
      ...(w.url !== '' && allowed !== undefined ? { allowed_updates: allowed } : {}),
    };
  },
  getMe: ({ state }) => state.bot,
  // Bot API 10.5: the settings setMySettings changes are the ones getMe's BotFullInfo reports.
  setMySettings: ({ state, params }) => {
    const bot = state.bot as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(params)) {
      if (
        key === 'callback_query_mode' ||
        key === 'inline_feedback_share_denominator' ||
        key === 'can_communicate_with_bots'
      )
        continue;
      if (key === 'inline_query_placeholder') {
        if (value === '') delete bot[key];
        else bot[key] = String(value);
      } else if (key in bot || typeof value === 'boolean') bot[key] = value === true;
    }
    return true;
  },
  // Bot API 10.4: one backdrop, so a bot's code that reads the list has something to read.
  getChatShareThemeBackdrops: () => ({
    backdrops: [
      {
        id: 1,
        name: 'Default',
        colors: { center_color: 0x4a7ebf, edge_color: 0x2b5a8f, symbol_color: 0xffffff, text_color: 0xffffff },
      },
    ],
  }),
  sendMediaGroup,
  forwardMessage: (ctx) => forwardOrCopy('forwardMessage', ctx),
  forwardMessages: (ctx) => forwardOrCopy('forwardMessages', ctx),
  copyMessage: (ctx) => forwardOrCopy('copyMessage', ctx),
  copyMessages: (ctx) => forwardOrCopy('copyMessages', ctx),
  sendChatAction: (ctx) => {
    ctx.chats.chat(ctx.params.chat_id);
    return true;
  },
  sendMessageDraft: () => true,
  sendRichMessageDraft: () => true,
  sendChatJoinRequestWebApp: () => true,
  sendGift: () => true,
  editMessageText: (ctx) => editMessage('editMessageText', ctx),
  editMessageCaption: (ctx) => editMessage('editMessageCaption', ctx),
  editMessageMedia: (ctx) => editMessage('editMessageMedia', ctx),
  editMessageReplyMarkup: (ctx) => editMessage('editMessageReplyMarkup', ctx),
  editMessageLiveLocation: (ctx) => editMessage('editMessageLiveLocation', ctx),
  stopMessageLiveLocation: (ctx) => editMessage('stopMessageLiveLocation', ctx),
  stopPoll: (ctx) => {
    const chat = ctx.chats.chat(ctx.params.chat_id);
    const poll = ctx.chats.find(chat.id, ctx.params.message_id)?.poll as Record<string, unknown> | undefined;
    return {
      ...(poll ?? {
        id: '0',
        question: '',
        options: [],
        total_voter_count: 0,
        is_anonymous: true,
        type: 'regular',
        allows_multiple_answers: false,
      }),
      is_closed: true,
    };
  },
  deleteMessage: (ctx) => {
    const chat = ctx.chats.chat(ctx.params.chat_id);
    ctx.chats.delete(chat.id, ctx.params.message_id);
    return true;
  },
  getFile: (ctx) => {
    const id = ctx.params.file_id;
    const file = typeof id === 'string' ? ctx.files.get(id) : undefined;
    if (!file) throw badRequest('invalid file_id');
    return fileInfo(file);
  },
  uploadStickerFile: (ctx) => {
    const upload = ctx.call.files.sticker;
    return fileInfo(
      upload
        ? ctx.files.addUpload(upload, 'sticker')
        : ctx.files.reference(String(ctx.params.sticker ?? ''), 'sticker'),
    );
  },
  getChat: (ctx) => fullChat(ctx.chats.chat(ctx.params.chat_id)),
  getChatMember: (ctx) => {
    ctx.chats.chat(ctx.params.chat_id);
    return { status: 'member', user: ctx.chats.user(Number(ctx.params.user_id)) };
  },
  getChatAdministrators: (ctx) => {
    ctx.chats.chat(ctx.params.chat_id);
    return [];
  },
  getChatMemberCount: (ctx) => (ctx.chats.chat(ctx.params.chat_id).type === 'private' ? 2 : 10),
  exportChatInviteLink: () => `https://t.me/+${Math.random().toString(36).slice(2, 14)}`,
  createChatInviteLink: (ctx) => inviteLink(ctx),
  createChatSubscriptionInviteLink: (ctx) => inviteLink(ctx),
  editChatInviteLink: (ctx) => inviteLink(ctx, String(ctx.params.invite_link)),
  editChatSubscriptionInviteLink: (ctx) => inviteLink(ctx, String(ctx.params.invite_link)),
  revokeChatInviteLink: (ctx) => ({ ...inviteLink(ctx, String(ctx.params.invite_link)), is_revoked: true }),
  createForumTopic: (ctx) => ({
    message_thread_id: ctx.chats.nextMessageId(ctx.chats.chat(ctx.params.chat_id).id),
    name: String(ctx.params.name ?? ''),
    icon_color: Number(ctx.params.icon_color ?? 7322096),
  }),
  getForumTopicIconStickers: () => [],
  getUserProfilePhotos: () => ({ total_count: 0, photos: [] }),
  getUserProfileAudios: () => ({ total_count: 0, audios: [] }),
  getUserChatBoosts: () => ({ boosts: [] }),
  getUserGifts: () => ({ total_count: 0, gifts: [] }),
  getChatGifts: () => ({ total_count: 0, gifts: [] }),
  getBusinessAccountGifts: () => ({ total_count: 0, gifts: [] }),
  getUserPersonalChatMessages: () => [],
  getMyStarBalance: STAR_METHODS.getMyStarBalance,
  getBusinessAccountStarBalance: () => ({ amount: 0 }),
  getAvailableGifts: () => ({ gifts: [] }),
  getStarTransactions: STAR_METHODS.getStarTransactions,
  refundStarPayment: STAR_METHODS.refundStarPayment,
  getGameHighScores: () => [],
  getCustomEmojiStickers: () => [],
  getStickerSet: () => {
    throw badRequest('STICKERSET_INVALID');
  },
  createInvoiceLink: () => `https://t.me/$${Math.random().toString(36).slice(2, 14)}`,
  savePreparedInlineMessage: () => ({
    id: Math.random().toString(36).slice(2, 12),
    expiration_date: Math.floor(Date.now() / 1000) + 86400,
  }),
  answerWebAppQuery: () => ({ inline_message_id: Math.random().toString(36).slice(2, 14) }),
  setMyCommands: (ctx) => {
    ctx.state.settings.set(settingKey('commands', ctx.params), ctx.params.commands ?? []);
    return true;
  },
  deleteMyCommands: (ctx) => {
    ctx.state.settings.delete(settingKey('commands', ctx.params));
    return true;
  },
  getMyCommands: (ctx) => ctx.state.settings.get(settingKey('commands', ctx.params)) ?? [],
  setMyName: (ctx) => {
    ctx.state.settings.set(settingKey('name', ctx.params), ctx.params.name ?? '');
    return true;
  },
  getMyName: (ctx) => ({ name: ctx.state.settings.get(settingKey('name', ctx.params)) ?? ctx.state.bot.first_name }),
  setMyDescription: (ctx) => {
    ctx.state.settings.set(settingKey('description', ctx.params), ctx.params.description ?? '');
    return true;
  },
  getMyDescription: (ctx) => ({ description: ctx.state.settings.get(settingKey('description', ctx.params)) ?? '' }),
  setMyShortDescription: (ctx) => {
    ctx.state.settings.set(settingKey('short', ctx.params), ctx.params.short_description ?? '');
    return true;
  },
  getMyShortDescription: (ctx) => ({
    short_description: ctx.state.settings.get(settingKey('short', ctx.params)) ?? '',
  }),
  setChatMenuButton: (ctx) => {
    ctx.state.settings.set(`menu|${String(ctx.params.chat_id ?? '')}`, ctx.params.menu_button ?? { type: 'default' });
    return true;
  },
  getChatMenuButton: (ctx) => ctx.state.settings.get(`menu|${String(ctx.params.chat_id ?? '')}`) ?? { type: 'default' },
  setMyDefaultAdministratorRights: (ctx) => {
    ctx.state.settings.set(`rights|${String(ctx.params.for_channels === true)}`, ctx.params.rights);
    return true;
  },
  getMyDefaultAdministratorRights: (ctx) =>
    ctx.state.settings.get(`rights|${String(ctx.params.for_channels === true)}`) ?? {
      is_anonymous: false,
      can_manage_chat: false,
      can_delete_messages: false,
      can_manage_video_chats: false,
      can_restrict_members: false,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: false,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
    },
};

/**
 * The default result of `method` (Telegram spelling): a registered default (here or in
 * src/testing/object-results.ts), a Message for every other `send*` method, else `true`. May throw a {@link TelegramError} or return a Promise.
 */
export function runDefault(method: string, ctx: DefaultContext): unknown {
  const run = DEFAULTS[method] ?? OBJECT_RESULTS[method];
  if (run) return run(ctx);
  if (method.startsWith('send')) return sendMessageLike(method, ctx);
  return true;
}
