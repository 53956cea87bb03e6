/**
 * {@link BotApiEmulator}: a local HTTP server on 127.0.0.1 that answers like the Telegram Bot API,
 * records every call, and lets tests push updates, override methods and inject faults.
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update, BotFullInfo } from '../api/generated/telegram-types.js';
import { CallLog, isCallOf, type WaitForCallOptions } from './call-log.js';
import { ChatDirectory } from './chats.js';
import type { EmulatorState, WebhookState } from './default-methods.js';
import { FaultRegistry } from './faults.js';
import { fileInfo, FileStore } from './files.js';
import { handleRequest } from './http-handler.js';
import { canonicalMethodName } from './method-names.js';
import { UpdateQueue } from './updates.js';
import { businessConnectionKey } from './object-results.js';
import { notePayment } from './stars.js';
import { ChatTracker } from './conversation/tracker.js';
import { checkCall } from './rules/validate.js';
import { countsAsMessage, RateLimiter } from './rules/rate-limits.js';
import { ForbiddenChats } from './rules/forbidden.js';
import { BotRuns, type RunBotOptions, type RunnableBot } from './bot-runs.js';
import { WebhookDelivery } from './webhook-delivery.js';
import type { Conversation } from './conversation/conversation.js';
import * as kit from './conversation/chats.js';
import type { GroupChatOptions, InlineAnswer, PrivateChatOptions } from './conversation/types.js';
import type {
  EmulatorOptions,
  FaultSpec,
  MethodHandler,
  PushMessageOptions,
  RecordedCall,
  StoredFileInfo,
  UpdateInit,
} from './types.js';

/** The token the emulator accepts unless told otherwise. */
export const DEFAULT_TEST_TOKEN = '123456:TEST-token';

/** Options of {@link BotApiEmulator.pushCallbackQuery}. */
export interface PushCallbackQueryOptions {
  /** The user who pressed the button (default 1001). */
  userId?: number;
  /** The message carrying the button: a Message, or the id of a message the emulator knows in `chatId`. */
  message?: Record<string, unknown> | number;
  /** Chat of `message` when it is an id (default `userId`). */
  chatId?: number;
  /** For buttons of inline-mode messages, instead of `message`. */
  inlineMessageId?: string;
}

/** Options of {@link BotApiEmulator.pushWidgetQuery}. */
export interface PushWidgetQueryOptions {
  /** The user whose widget sent the query (default 1001). */
  userId?: number;
  /** Chat of the widget message (default `userId`). */
  chatId?: number;
  /** Identifier of the widget message (default 1). */
  messageId?: number;
  /** For widgets in inline messages, instead of a chat message. */
  inlineMessageId?: string;
  /** Identifier of the shared widget, when the widget is shared. */
  widgetId?: string;
  /** The query type (default `{ type: 'data' }`). */
  type?: Record<string, unknown>;
}

/**
 * A fake Telegram Bot API server for tests.
 *
 * @example
 * const emu = await BotApiEmulator.start();
 * apihelper.API_URL = emu.apiUrl;
 * emu.pushMessage('/start');
 * const call = await emu.waitForCall('sendMessage');
 * await emu.stop();
 */
export class BotApiEmulator {
  /** The token accepted in URLs. */
  readonly token: string;
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** API URL template: `{0}` is the token, `{1}` the method. */
  readonly apiUrl: string;
  /** File download URL template: `{0}` is the token, `{1}` the file_path. */
  readonly fileUrl: string;
  /** What getMe answers (a BotFullInfo since Bot API 10.5). */
  readonly botUser: BotFullInfo;

  private readonly server: Server;
  private readonly log = new CallLog();
  private readonly faults = new FaultRegistry();
  private readonly files = new FileStore();
  private readonly chats: ChatDirectory;
  private readonly state: EmulatorState;
  private readonly overrides = new Map<string, MethodHandler>();
  // The onMethod overrides of each method, oldest first; the last one is in `overrides`.
  private readonly overrideStacks = new Map<string, { handler: MethodHandler }[]>();
  private readonly sleepers = new Set<() => void>();
  private stopping: Promise<void> | undefined;
  private readonly answerListeners = new Set<(call: RecordedCall) => void>();
  /** The chats as users see them, rebuilt from the bot's calls (the conversation kit and the playground read it). */
  readonly tracker: ChatTracker = new ChatTracker(this);

  private constructor(server: Server, options: Required<Pick<EmulatorOptions, 'token'>> & EmulatorOptions) {
    this.server = server;
    this.token = options.token;
    const { port } = server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    this.apiUrl = `${this.url}/bot{0}/{1}`;
    this.fileUrl = `${this.url}/file/bot{0}/{1}`;
    // getMe answers a BotFullInfo (Bot API 10.5): the bot's settings live there, not on User.
    this.botUser = {
      id: 123456,
      is_bot: true,
      first_name: 'Botte Test',
      username: 'botte_test_bot',
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_guest_queries: false,
      supports_inline_queries: false,
      needs_inline_query_location: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      has_topic_sidebar: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
      ...options.botUser,
    } as BotFullInfo;
    // Messages carry the bot as a plain User, without getMe's settings.
    const { id, is_bot, first_name, username } = this.botUser;
    this.chats = new ChatDirectory({ id, is_bot, first_name, ...(username !== undefined ? { username } : {}) });
    this.state = {
      bot: this.botUser,
      updates: new UpdateQueue(options.firstUpdateId ?? 1),
      webhook: { url: '', has_custom_certificate: false, max_connections: 40 },
      settings: new Map(),
      ...(options.deliverWebhooks ? { allowLocalHttpWebhook: true } : {}),
    };
    if (options.deliverWebhooks) {
      const delivery = new WebhookDelivery(
        {
          webhook: () => this.state.webhook,
          updates: this.state.updates,
          callMethod: async (method, params) => {
            await fetch(`${this.url}/bot${this.token}/${method}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(params),
            });
          },
        },
        options.deliverWebhooks === true ? {} : options.deliverWebhooks,
      );
      this.delivery = delivery;
      this.state.updates.onPush = () => delivery.kick();
    }
    server.on('request', (req, res) => {
      void handleRequest(
        {
          token: this.token,
          maxBodyBytes: options.maxBodyBytes ?? 2000 * 1024 * 1024,
          log: this.log,
          faults: this.faults,
          files: this.files,
          chats: this.chats,
          state: this.state,
          overrides: this.overrides,
          isStopping: () => this.stopping !== undefined,
          sleep: (ms) => this.sleep(ms),
          onAnswered: (call) => this.answered(call),
          beforeMethod: (method, call) => this.applyRules(method, call, options),
        },
        req,
        res,
      );
    });
  }

  /** Starts an emulator on 127.0.0.1 (a free port unless `port` is given). */
  static async start(options: EmulatorOptions = {}): Promise<BotApiEmulator> {
    const server = createServer({ keepAlive: true });
    server.on('clientError', (_error, socket) => socket.destroy());
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    return new BotApiEmulator(server, { ...options, token: options.token ?? DEFAULT_TEST_TOKEN });
  }

  /** Every API request received since the last {@link clearCalls}, in order (wrong tokens and unknown methods included). */
  get calls(): RecordedCall[] {
    return this.log.calls;
  }

  /** The calls of one method (Telegram spelling, any letter case). */
  callsOf(method: string): RecordedCall[] {
    return this.log.calls.filter((call) => isCallOf(call, method));
  }

  /** Forgets the recorded calls; the next call gets index 0. */
  clearCalls(): void {
    this.log.clear();
  }

  /**
   * Resolves with the first call of `method` (`'*'` for any) at index ≥ `since` for which
   * `predicate` holds, whether it already happened or comes later, once its answer is recorded
   * (`call.response.result` is readable); rejects after the timeout with an error listing the calls
   * seen. The third argument is the timeout in ms or an options object. A long poll the emulator
   * holds is answered only when it ends: use {@link waitForRequest} to know it arrived.
   */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutOrOptions: number | WaitForCallOptions = {},
  ): Promise<RecordedCall> {
    const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
    if (this.stopping) return Promise.reject(new Error('waitForCall: the emulator is stopped'));
    return this.log.waitFor(method, predicate, options, 'answered');
  }

  /**
   * Like {@link waitForCall}, but resolves as soon as the request arrives, before it is answered
   * (`call.response` may still be undefined): to know that a long poll started, for example.
   */
  waitForRequest(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutOrOptions: number | WaitForCallOptions = {},
  ): Promise<RecordedCall> {
    const options = typeof timeoutOrOptions === 'number' ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
    if (this.stopping) return Promise.reject(new Error('waitForRequest: the emulator is stopped'));
    return this.log.waitFor(method, predicate, options, 'arrived');
  }

  /** Queues an update (its `update_id` assigned in sequence) and wakes a waiting long poll. */
  pushUpdate(update: UpdateInit): Update {
    this.rememberBusinessConnection(update);
    notePayment(this.state.settings, update);
    return this.state.updates.push(update);
  }

  /** Queues several updates, in order; a waiting long poll receives them in one answer. */
  pushUpdates(updates: UpdateInit[]): Update[] {
    return updates.map((update) => this.pushUpdate(update));
  }

  /** A pushed business connection is what getBusinessConnection answers for its id afterwards. */
  private rememberBusinessConnection(update: UpdateInit): void {
    const connection = (update as { business_connection?: { id?: unknown } }).business_connection;
    if (connection && typeof connection === 'object')
      this.state.settings.set(businessConnectionKey(connection.id), connection);
  }

  /**
   * Queues a realistic `message` update as if a user wrote `text`: message_id counted per chat,
   * date, from, chat, and a `bot_command` entity when the text starts with `/`.
   * `chatType: 'channel'` gives a `channel_post`; `editOf` an `edited_message`.
   */
  pushMessage(text: string | undefined, options: PushMessageOptions = {}): Update {
    const { type, message } = this.chats.incoming(text, options);
    if (options.deliver === false) return { update_id: 0, [type]: message } as Update;
    return this.pushUpdate({ [type]: message } as UpdateInit);
  }

  /** Queues a `callback_query` update, as if a user pressed an inline button with `data`. */
  pushCallbackQuery(data: string, options: PushCallbackQueryOptions = {}): Update {
    const userId = options.userId ?? 1001;
    const from = this.chats.user(userId);
    let message = options.message;
    if (typeof message === 'number') {
      const found = this.chats.find(options.chatId ?? userId, message);
      if (!found)
        throw new TypeError(`pushCallbackQuery: message ${message} of chat ${options.chatId ?? userId} is unknown`);
      message = found;
    }
    const query = {
      id: String(Date.now()) + String(Math.floor(Math.random() * 1e6)),
      from: { ...from, first_name: from.first_name === `User ${userId}` ? 'Test' : from.first_name },
      chat_instance: String(-(options.chatId ?? userId) * 7 + 1),
      data,
      ...(message !== undefined ? { message } : {}),
      ...(options.inlineMessageId !== undefined ? { inline_message_id: options.inlineMessageId } : {}),
    };
    const chat = (message as { chat?: { id?: unknown } } | undefined)?.chat?.id;
    this.chats.noteCallbackQuery(query.id, typeof chat === 'number' ? chat : (options.chatId ?? userId));
    return this.state.updates.push({ callback_query: query });
  }

  /**
   * Queues a `widget_query` update (Bot API 10.4), as if the widget in `options.message` (or in
   * an inline message) sent `data` to the bot.
   */
  pushWidgetQuery(data: string, options: PushWidgetQueryOptions = {}): Update {
    const userId = options.userId ?? 1001;
    const chatId = options.chatId ?? userId;
    const query = {
      id: `wq${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      from: this.chats.user(userId),
      ...(options.inlineMessageId !== undefined
        ? { inline_message_id: options.inlineMessageId, chat_type: 'private' }
        : { chat: this.chats.chat(chatId), message_id: options.messageId ?? 1 }),
      chat_instance: String(-chatId * 7 + 1),
      ...(options.widgetId !== undefined ? { widget_id: options.widgetId } : {}),
      type: options.type ?? { type: 'data' },
      data,
    };
    return this.state.updates.push({ widget_query: query } as UpdateInit);
  }

  /** Queues a `shared_widget_query` update (Bot API 10.4): a query from a copy of shared widget `widgetId`. */
  pushSharedWidgetQuery(
    data: string,
    widgetId: string,
    options: { userId?: number; type?: Record<string, unknown> } = {},
  ): Update {
    const query = {
      id: `swq${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      from: this.chats.user(options.userId ?? 1001),
      widget_id: widgetId,
      type: options.type ?? { type: 'data' },
      data,
    };
    return this.state.updates.push({ shared_widget_query: query } as UpdateInit);
  }

  /** Updates not yet confirmed by a getUpdates offset, oldest first. */
  pendingUpdates(): Update[] {
    return this.state.updates.pending();
  }

  /**
   * The `allowed_updates` the bot set last (getUpdates or setWebhook); `undefined` means
   * Telegram's default: every update type except chat_member, message_reaction and message_reaction_count.
   */
  get allowedUpdates(): string[] | undefined {
    return this.state.updates.allowedUpdates;
  }

  /** The highest offset a getUpdates call confirmed (0 before any). */
  get confirmedOffset(): number {
    return this.state.updates.confirmedOffset;
  }

  /** The current webhook settings (url `''` when none). */
  get webhook(): Readonly<WebhookState> {
    return { ...this.state.webhook };
  }

  /** The current version of a message the bot sent or a user pushed (after edits), if known. */
  getMessage(chatId: number, messageId: number): Record<string, unknown> | undefined {
    return this.chats.find(chatId, messageId);
  }

  /** Stores a file: getFile answers for its file_id and `/file/bot<token>/<file_path>` serves its bytes. */
  addFile(
    content: Buffer | string,
    options: { filePath?: string; fileId?: string; fileName?: string; mimeType?: string } = {},
  ): StoredFileInfo {
    return fileInfo(this.files.add(content, options));
  }

  /**
   * Replaces the answer of `method` (any letter case): return the result, or throw a
   * `TelegramError` to answer `ok: false`. Returns a function that removes this override: the
   * override it replaced (or the default) answers again. Overrides stack, and each restore
   * function removes its own one, in any order.
   */
  onMethod(method: string, handler: MethodHandler): () => void {
    const canonical = canonicalMethodName(method);
    if (canonical === undefined) throw new TypeError(`onMethod: ${method} is not a Bot API method`);
    const key = canonical.toLowerCase();
    const stack = this.overrideStacks.get(key) ?? [];
    this.overrideStacks.set(key, stack);
    // One entry per call, so the same handler installed twice is removed once per restore.
    const entry = { handler };
    stack.push(entry);
    this.overrides.set(key, handler);
    return () => {
      if (this.overrideStacks.get(key) !== stack) return; // cleared since
      const at = stack.indexOf(entry);
      if (at < 0) return;
      stack.splice(at, 1);
      const top = stack.at(-1);
      if (top) this.overrides.set(key, top.handler);
      else this.overrides.delete(key);
    };
  }

  /** Removes every {@link onMethod} override: all methods answer their defaults again. */
  clearMethodOverrides(): void {
    this.overrides.clear();
    this.overrideStacks.clear();
  }

  /**
   * Puts the emulator back to a clean state between tests sharing it: clears calls, faults,
   * method overrides, pending updates, remembered allowed_updates, the webhook and the chats closed
   * by {@link setChatForbidden}. Files, chats and
   * message ids are kept (ids keep counting, as in Telegram).
   */
  reset(): void {
    this.log.clear();
    this.faults.clear();
    this.overrides.clear();
    this.overrideStacks.clear();
    this.forbidden.clear();
    this.state.updates.dropPending();
    this.state.updates.setAllowedUpdates([]);
    this.state.webhook = { url: '', has_custom_certificate: false, max_connections: 40 };
  }

  /**
   * From now on every message, chat action or edit the bot sends to `chatId` is answered
   * `403 <description>` (e.g. `Forbidden: bot was blocked by the user`), as Telegram does after a
   * user blocked the bot or the bot left a group; `undefined` opens the chat again. The kit's
   * `chat.blockBot()` and `group.removeBot()` use it.
   */
  setChatForbidden(chatId: number, description: string | undefined): void {
    this.forbidden.set(chatId, description);
  }

  /** Makes matching calls fail (see {@link FaultSpec}); faults strike before the call is processed. */
  injectFault(spec: FaultSpec): void {
    if (spec.method !== undefined && canonicalMethodName(spec.method) === undefined) {
      throw new TypeError(`injectFault: ${spec.method} is not a Bot API method`);
    }
    this.faults.add(spec);
  }

  /** Removes every injected fault. */
  clearFaults(): void {
    this.faults.clear();
  }

  /**
   * Stops the server: a held long poll is answered with no updates, then every connection (keep-alive
   * ones and delayed answers included) is closed. Safe to call twice.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await this.runs.stopAll();
      if (this.state.updates.polling) {
        // Its retries would keep the test process alive after the server is gone.
        process.emitWarning(
          'BotApiEmulator.stop(): a bot was still polling (a getUpdates call was held open); it will retry forever and keep the process from exiting. Call `await bot.stopBot()` before `emu.stop()`, or start it with `await emu.runBot(bot)`.',
        );
      }
      this.state.updates.endPoll();
      this.delivery?.stop();
      for (const wake of [...this.sleepers]) wake();
      this.log.rejectAll('waitForCall: the emulator was stopped');
      // Let the answers just produced reach their sockets before the sockets are closed.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeAllConnections();
      await closed;
    })();
    return this.stopping;
  }

  /**
   * Starts `bot` polling this emulator (`longPollingTimeout: 1` unless `options` say otherwise)
   * and resolves once its first getUpdates arrived; {@link stop} then stops the bot gracefully
   * before closing, so `emu.stop()` is the only cleanup a test needs. Rejects, naming the likely
   * mistake, when the bot stops at once (a wrong token) or never polls here (no `apiUrl: emu.apiUrl`).
   */
  runBot(bot: RunnableBot, options: RunBotOptions = {}): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('runBot: the emulator is stopped'));
    const since = this.log.calls.length;
    return this.runs.start(bot, options, (timeoutMs) =>
      this.waitForRequest('getUpdates', (call) => call.tokenValid, { since, timeoutMs }),
    );
  }

  /** Calls `listener` with every call once its answer is written; returns a function that stops it. */
  onAnswer(listener: (call: RecordedCall) => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  /** A scripted private chat between `options.user` (default id 1001) and the bot: see `Conversation`. */
  privateChat(options: PrivateChatOptions = {}): Conversation {
    return kit.privateChat(this, options);
  }

  /** A scripted group chat (supergroup by default) with several users: see `Conversation`. */
  groupChat(options: GroupChatOptions): Conversation {
    return kit.groupChat(this, options);
  }

  /** Types an inline query as a user; resolves with the bot's answerInlineQuery. */
  inlineQuery(query: string, options: kit.InlineQueryOptions = {}): Promise<InlineAnswer> {
    return kit.inlineQuery(this, query, options);
  }

  /** Sends a `chosen_inline_result` update, as if the user picked result `resultId`. */
  chooseInlineResult(resultId: string, options: kit.ChooseInlineResultOptions = {}): void {
    kit.chooseInlineResult(this, resultId, options);
  }

  /** The bytes and names of a stored file (uploaded by the bot or added by a test), if known. */
  fileContent(fileId: string): { data: Buffer; fileName?: string; mimeType?: string } | undefined {
    const file = this.files.get(fileId);
    if (!file?.data) return undefined;
    return {
      data: file.data,
      ...(file.file_name ? { fileName: file.file_name } : {}),
      ...(file.mime_type ? { mimeType: file.mime_type } : {}),
    };
  }

  private readonly forbidden = new ForbiddenChats();
  private readonly runs = new BotRuns();
  private limiter: RateLimiter | undefined;
  private delivery: WebhookDelivery | undefined;

  private applyRules(method: string, call: RecordedCall, options: EmulatorOptions): Record<string, unknown> {
    const params =
      options.validate === false
        ? call.params
        : checkCall(method, call, { strict: options.strict === true, chats: this.chats });
    this.forbidden.check(method, params);
    if (options.rateLimits && countsAsMessage(method)) {
      this.limiter ??= new RateLimiter(options.rateLimits === true ? {} : options.rateLimits);
      this.limiter.take(params.chat_id);
    }
    return params;
  }

  private answered(call: RecordedCall): void {
    if (call.canonicalMethod === 'setWebhook' && call.response?.ok === true) this.delivery?.kick();
    this.tracker.answered(call);
    for (const listener of this.answerListeners) {
      try {
        listener(call);
      } catch {
        // A failing listener must not break the answer already written.
      }
    }
  }

  private sleep(ms: number): Promise<boolean> {
    if (this.stopping) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = (completed: boolean): void => {
        clearTimeout(timer);
        this.sleepers.delete(stopEarly);
        resolve(completed);
      };
      const stopEarly = (): void => wake(false);
      const timer = setTimeout(() => wake(true), ms);
      this.sleepers.add(stopEarly);
    });
  }
}
