/**
 * `ApiClient`: the bot as a Bot API client: `callApi`, the seed's helpers (`replyTo`,
 * `getFileUrl`, `downloadFile`, `removeWebhook`), and every method of the Bot API, made from the
 * generated table by typed-methods.ts and linked in the class's static block.
 * @module
 */
import type { Message, UserFromGetMe } from './generated/telegram-types.js';
import { replyTarget } from './reply-target.js';
import type { MethodName } from './generated/method-table.js';
import { callPlan, type CallPlan } from './method-lookup.js';
import { detachedCallError, typedMethodLayer } from './typed-methods.js';
import { linkMethodLayer } from '../util/method-layer.js';
import type { BotApiMethods } from './generated/bot-api-methods.js';
import type { ApiParams, ApiResult, OptionsOf } from './method-spec.js';
import type { ApiCallArgs, UnknownMethodName } from './call-api-types.js';
import { apihelper, formatUrl } from './settings.js';
import { Transport } from './transport.js';
import { registerSecret } from '../util/redact.js';
import { prepareParams, uploadsAreReplayable, type PreparedParams } from './prepare-params.js';
import { buildMultipart, fieldValue } from './multipart.js';
import { readAnswer, readParsedAnswer, retryDelay, toApiException } from './call-errors.js';
import { ApiException, ApiHTTPException, ApiTelegramException } from './errors.js';
import { enrichMessage } from '../types/message.js';
import { CustomRequestResponse } from '../util/custom-request-response.js';
import type { InputFile } from '../types/input-file.js';
import { FloodControl } from './flood-control.js';
import { isFloodLimiter, type FloodLimiter } from './flood-limiter.js';
import { logger } from '../logger.js';
import { sleep } from '../util/sleep.js';
import { observed, rememberOrigin } from './unobserved-errors.js';
import { validateToken } from '../util/token.js';
import type { ApiOptions } from './options.js';

/** Per-call settings of {@link ApiClient.callApi}. */
export interface CallOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
  /** Read timeout in seconds for this call. */
  timeout?: number;
  /** Set false to fail at the first error instead of retrying. */
  retry?: boolean;
}

/** The options of a call that has none (shared, never mutated). */
const NO_CALL_OPTIONS: CallOptions = Object.freeze({});

/**
 * A Telegram Bot API client: `bot.sendMessage(chatId, text, { parse_mode })` and the other 184
 * methods, with uploads, defaults, retries and typed errors. `Botte` builds on it.
 */
export class ApiClient {
  /**
   * The token, in a private field: neither printing the bot (`util.inspect` even with
   * `showHidden`) nor serializing it shows it.
   */
  readonly #token: string;
  /** The options the bot was created with. */
  readonly options: ApiOptions;
  /** The id of the bot, the part of the token before `:`. */
  readonly botId: number;
  private transport?: Transport;
  /**
   * Method URLs, built once per URL template. A private field because they contain the token:
   * printing the bot (even with `showHidden`) does not show it.
   */
  #methodUrls?: { template: string; urls: Array<string | undefined> };
  private mePromise?: Promise<UserFromGetMe>;
  private floodControl?: FloodLimiter;
  /** What `getMe` answered, once known (filled by `bot.user` and when polling starts). */
  botInfo?: UserFromGetMe;

  /**
   * @param token the token BotFather gave
   * @param options defaults for calls, transport settings and dispatch settings
   */
  constructor(token: string, options: ApiOptions = {}) {
    if (typeof token !== 'string' || (options.validateToken !== false && !validateToken(token))) {
      throw new TypeError('The bot token is malformed: expected "<bot id>:<secret>" without spaces');
    }
    registerSecret(token);
    this.#token = token;
    this.options = options;
    this.botId = Number(token.split(':')[0]);
    const flood = options.floodControl;
    if (isFloodLimiter(flood)) this.floodControl = flood;
    else if (flood) this.floodControl = new FloodControl(flood === true ? {} : flood);
  }

  /** The bot token (a getter over a private field, so that printing the bot does not print it). */
  get token(): string {
    return this.#token;
  }

  /** The bot's own user (getMe), asked once and cached. */
  get user(): Promise<UserFromGetMe> {
    this.mePromise ??= this.callApi('getMe').then(
      (me) => (this.botInfo = me as UserFromGetMe),
      (error) => {
        this.mePromise = undefined;
        throw error;
      },
    );
    return this.mePromise;
  }

  private getTransport(): Transport {
    this.transport ??= new Transport({
      proxy: this.options.proxy ?? apihelper.proxy,
      sessionTimeToLive: this.options.sessionTimeToLive ?? apihelper.SESSION_TIME_TO_LIVE,
      connectTimeout: this.options.connectTimeout ?? apihelper.CONNECT_TIMEOUT,
      kind: this.options.transport ?? apihelper.TRANSPORT,
    });
    return this.transport;
  }

  /**
   * Calls any Bot API method by name with Telegram's parameter object. The typed methods
   * (`bot.sendMessage(...)`) all end here. A method Botte knows is typed by its name: its
   * parameters are checked (`callApi('sendMessage', { chat_id })` without `text` fails to compile)
   * and the result is typed. A name Botte does not know yet (a newer Bot API method) takes a plain
   * parameter object and resolves with `unknown`, or with `T` given as `callApi<T>('newMethod', {...})`.
   */
  callApi<M extends MethodName>(method: M, ...args: ApiCallArgs<M>): Promise<ApiResult<M>>;
  callApi<T = unknown, M extends string = string>(
    method: UnknownMethodName<M>,
    params?: Record<string, unknown>,
    call?: CallOptions,
  ): Promise<T>;
  callApi(method: string, params?: Record<string, unknown>, call: CallOptions = NO_CALL_OPTIONS): Promise<unknown> {
    return this.send(method, params, call, false);
  }

  /**
   * The typed methods' way in (typed-methods.ts, linked in the static block below): `params` was
   * made for this call alone, so it may become the request's fields as it is (no copy). A
   * subclass that overrides `callApi` still sees every typed call, with the same arguments as ever.
   */
  private callTyped(method: string, params: Record<string, unknown>): Promise<unknown> {
    if (this.callApi !== ApiClient.prototype.callApi) return this.callApi(method, params);
    return this.send(method, params, NO_CALL_OPTIONS, true);
  }

  /**
   * A call that does not go to Telegram over this client: a subclass may answer it otherwise
   * (Botte keeps the first eligible call of a webhook update for the response). Undefined: send it.
   * Called for every call, before its parameters are prepared.
   */
  protected interceptCall(method: string, params: Record<string, unknown> | undefined): Promise<unknown> | undefined {
    void method;
    void params;
    return undefined;
  }

  /** Every call, typed or by name: `ownedParams` tells `params` was made for this call alone. */
  private send(
    method: string,
    params: Record<string, unknown> | undefined,
    call: CallOptions,
    ownedParams: boolean,
  ): Promise<unknown> {
    const intercepted = this.interceptCall(method, params);
    if (intercepted !== undefined) return intercepted;
    // Not an async function: a call answered in process (a custom request sender) then costs
    // one promise, not a chain of them.
    const plan = callPlan(method);
    let prepared: PreparedParams;
    try {
      prepared = prepareParams(params, plan.spec, this.options, ownedParams);
    } catch (error) {
      return Promise.reject(error);
    }
    return this.watchSentCall(
      this.floodControl ? this.attemptAfterFloodControl(plan, prepared, call) : this.attempt(plan, prepared, call, 0),
    );
  }

  /**
   * Every call on its way to Telegram, as the caller will get it: a subclass may watch it (Botte
   * makes a serverless webhook answer wait for the calls its update's handlers started) and must
   * return it, or a promise settling as it does.
   */
  protected watchSentCall(call: Promise<unknown>): Promise<unknown> {
    return call;
  }

  // Its own method: a closure in callApi itself would make every call allocate a context for it.
  private attemptAfterFloodControl(plan: CallPlan, prepared: PreparedParams, call: CallOptions): Promise<unknown> {
    const chatId = prepared.fields.chat_id as number | string | undefined;
    return this.floodControl!.acquire(plan.name, chatId, call.signal, this.botId).then(
      () => this.attempt(plan, prepared, call, 0),
      (error: unknown) => this.waitFailed(plan, call, error),
    );
  }

  // A call aborted while it waits (its flood-control turn, the pause before a retry) fails as one
  // aborted during the request does: an ApiHTTPException with code ABORTED, not the signal's reason.
  // Other failures of the wait (a shared limiter that is down) keep their own error.
  private waitFailed(plan: CallPlan, call: CallOptions, error: unknown): Promise<never> {
    if (!call.signal?.aborted) return Promise.reject(error);
    const aborted = new ApiHTTPException(plan.name, 'the request was aborted', 'ABORTED', { cause: error });
    rememberOrigin(aborted, this);
    return Promise.reject(aborted);
  }

  /**
   * With a shared limiter (one that has `pause`), a 429 pauses the chat (or bot) for every
   * process; the retry then queues through the limiter again instead of sending as soon as the
   * pause ends, so that the processes that waited and this retry don't all leave at once.
   */
  private sharedPause(plan: CallPlan, prepared: PreparedParams, error: ApiException): Promise<void> | undefined {
    const limiter = this.floodControl;
    if (!limiter?.pause || plan.name === 'getUpdates') return undefined;
    if (!(error instanceof ApiTelegramException) || error.errorCode !== 429) return undefined;
    const chatId = prepared.fields.chat_id as number | string | undefined;
    return limiter.pause(plan.name, chatId, error.retryAfter ?? 1, this.botId).catch((failure: unknown) => {
      logger.warn('flood control: could not share a 429 pause:', failure);
    });
  }

  /** One attempt of a call; a failure worth repeating starts the next one after its delay. */
  private attempt(plan: CallPlan, prepared: PreparedParams, call: CallOptions, attempt: number): Promise<unknown> {
    const onFailure = (error: unknown): Promise<unknown> => this.afterFailure(plan, prepared, call, attempt, error);
    const custom = this.options.customRequestSender ?? apihelper.CUSTOM_REQUEST_SENDER;
    if (!custom) return this.sendHttp(plan, prepared, call).then(undefined, onFailure);
    let response: unknown;
    try {
      response = custom('post', this.methodUrl(plan), {
        params: customParams(prepared.fields),
        files: prepared.files.size ? Object.fromEntries(prepared.files) : undefined,
        timeout: this.readTimeoutFor(plan.name, prepared.fields, call),
      });
    } catch (error) {
      return onFailure(error);
    }
    // Reading and enriching happen in the same callback, so a call costs one promise here.
    return Promise.resolve(response).then((answer) => {
      try {
        return enrichResult(plan, readCustomAnswer(plan.name, answer));
      } catch (error) {
        return onFailure(error);
      }
    }, onFailure);
  }

  /** Gives up with a typed, token-free error, or waits and makes the next attempt. */
  private afterFailure(
    plan: CallPlan,
    prepared: PreparedParams,
    call: CallOptions,
    attempt: number,
    error: unknown,
  ): Promise<unknown> {
    const apiError = toApiException(plan.name, error);
    const delay = this.retryDelayFor(plan.name, apiError, attempt, call, prepared.files);
    const paused = this.sharedPause(plan, prepared, apiError);
    if (delay === undefined) {
      rememberOrigin(apiError, this);
      return Promise.reject(apiError);
    }
    logger.warn(`${plan.name} failed (${apiError.message}); retrying in ${delay} ms`);
    const again = () => this.attempt(plan, prepared, call, attempt + 1);
    const waitFailed = (failure: unknown) => this.waitFailed(plan, call, failure);
    if (paused) {
      const chatId = prepared.fields.chat_id as number | string | undefined;
      return paused
        .then(() => sleep(delay, call.signal))
        .then(() => this.floodControl!.acquire(plan.name, chatId, call.signal, this.botId))
        .then(again, waitFailed);
    }
    return sleep(delay, call.signal).then(again, waitFailed);
  }

  /** How long to wait before attempt `attempt + 1` of a failed call, or undefined to give up. */
  private retryDelayFor(
    method: string,
    error: ApiException,
    attempt: number,
    call: CallOptions,
    files: ReadonlyMap<string, InputFile>,
  ): number | undefined {
    const retryOption = this.options.retry ?? apihelper.RETRY_ON_ERROR;
    if (call.retry === false || retryOption === false) return undefined;
    const settings = typeof retryOption === 'object' ? retryOption : undefined;
    if (attempt >= (settings?.maxRetries ?? apihelper.MAX_RETRIES)) return undefined;
    // A stream that was read once cannot be sent again.
    if (files.size > 0 && !uploadsAreReplayable(files)) return undefined;
    return retryDelay(method, error, attempt, settings?.maxRetryAfter ?? apihelper.MAX_RETRY_AFTER);
  }

  /** The read timeout of a call, in seconds. */
  private readTimeoutFor(method: string, fields: Record<string, unknown>, call: CallOptions): number {
    const readTimeout = call.timeout ?? this.options.readTimeout ?? apihelper.READ_TIMEOUT;
    // A long poll legitimately keeps the answer back for `timeout` seconds.
    return method === 'getUpdates' && typeof fields.timeout === 'number' ? readTimeout + fields.timeout : readTimeout;
  }

  /** One HTTP request to Telegram; resolves with the (enriched) result. */
  private async sendHttp(plan: CallPlan, prepared: PreparedParams, call: CallOptions): Promise<unknown> {
    const { fields, files } = prepared;
    let body: string | AsyncIterable<Uint8Array>;
    const headers: Record<string, string> = {};
    if (files.size === 0) {
      body = JSON.stringify(fields);
      headers['content-type'] = 'application/json';
    } else {
      const multipart = await buildMultipart(fields, files, plan.name);
      body = multipart.body;
      headers['content-type'] = multipart.contentType;
      if (multipart.length !== undefined) headers['content-length'] = String(multipart.length);
    }
    const readTimeoutMs = this.readTimeoutFor(plan.name, fields, call) * 1000;
    const response = await this.getTransport().send({
      method: 'POST',
      url: this.methodUrl(plan),
      headers,
      body,
      readTimeoutMs,
      signal: call.signal,
    });
    return enrichResult(plan, readAnswer(plan.name, response.status, response.body.toString('utf8')));
  }

  private methodUrl(plan: CallPlan): string {
    // The global template may change between calls (apihelper.API_URL is assignable at any time).
    const template = this.options.apiUrl ?? apihelper.API_URL;
    let cache = this.#methodUrls;
    if (cache === undefined || cache.template !== template) {
      cache = { template, urls: [] };
      this.#methodUrls = cache;
    }
    let url = cache.urls[plan.index];
    if (url === undefined) {
      url = formatUrl(template, this.token, plan.name);
      if (plan.index >= 0) {
        // Filled up to the index so that the array stays dense (a sparse one is a slow dictionary).
        while (cache.urls.length <= plan.index) cache.urls.push(undefined);
        cache.urls[plan.index] = url;
      }
    }
    return url;
  }

  /**
   * Replies to `message` in its chat, quoting it. A business message is answered through its
   * business connection (its `business_connection_id`; the options may name another). Throws
   * `NoReplyTargetError` (at once, before any request) when there is no such message, e.g. the
   * absent `message` of an inline callback query.
   */
  replyTo(
    message: Pick<Message, 'message_id' | 'chat'> & { business_connection_id?: string | undefined },
    text: string,
    options?: OptionsOf<'sendMessage', 'chat_id' | 'text'>,
  ): Promise<ApiResult<'sendMessage'>> {
    if (this === undefined || this === null) throw detachedCallError('replyTo');
    const target = replyTarget(message);
    return this.callApi('sendMessage', {
      chat_id: target.chatId,
      text,
      reply_parameters: { message_id: target.messageId },
      ...(target.businessConnectionId !== undefined ? { business_connection_id: target.businessConnectionId } : {}),
      ...options,
    } as ApiParams<'sendMessage'>);
  }

  /** Removes the webhook (pyTelegramBotAPI's `remove_webhook`): `deleteWebhook` with the same options. */
  removeWebhook(options?: ApiParams<'deleteWebhook'>): Promise<true> {
    return this.callApi('deleteWebhook', options) as Promise<true>;
  }

  /**
   * The download URL of a file. It contains the token: hand it only to code you trust.
   * @param fileId a file_id, or a `File` object from getFile
   */
  getFileUrl(fileId: string | { file_path?: string }): Promise<string> {
    // Observed like a call: a forgotten await must not end the process.
    return observed(this.fileUrlOf(fileId), this);
  }

  private async fileUrlOf(fileId: string | { file_path?: string }): Promise<string> {
    const filePath =
      typeof fileId === 'string' ? (await this.callApi('getFile', { file_id: fileId })).file_path : fileId.file_path;
    if (!filePath)
      throw new ApiHTTPException('getFile', 'Telegram returned no file_path for this file', 'NO_FILE_PATH');
    return formatUrl(this.options.fileUrl ?? apihelper.FILE_URL, this.token, filePath);
  }

  /** Downloads a file by its `file_path` (from getFile) into a Buffer. */
  async downloadFile(filePath: string, call: CallOptions = {}): Promise<Buffer> {
    const url = formatUrl(this.options.fileUrl ?? apihelper.FILE_URL, this.token, filePath);
    const readTimeout = call.timeout ?? this.options.readTimeout ?? apihelper.READ_TIMEOUT;
    try {
      const response = await this.getTransport().send({
        method: 'GET',
        url,
        readTimeoutMs: readTimeout * 1000,
        signal: call.signal,
      });
      if (response.status !== 200) {
        throw new ApiHTTPException(
          'downloadFile',
          `HTTP ${response.status} for ${filePath}`,
          `HTTP_${response.status}`,
          { status: response.status },
        );
      }
      return response.body;
    } catch (error) {
      const apiError = toApiException('downloadFile', error);
      // Observed like a call: a forgotten await must not end the process.
      rememberOrigin(apiError, this);
      throw apiError;
    }
  }

  /**
   * Closes the pooled connections so the process can exit (stopping the bot does it for you).
   * Not to be confused with `close()`, the Bot API method.
   */
  async closeSession(): Promise<void> {
    const transport = this.transport;
    this.transport = undefined;
    await transport?.close();
  }

  static {
    // The typed methods, `bot.sendMessage(chatId, text)` and the 184 others (see
    // docs/CONTRIBUTING.md, "How a Botte is assembled"). Linked here, inside the class, because
    // they end in the private callTyped.
    linkMethodLayer(
      ApiClient,
      typedMethodLayer((client: ApiClient, method, params) => client.callTyped(method, params)),
    );
  }
}

function enrichResult(plan: CallPlan, result: unknown): unknown {
  // Updates from getUpdates are enriched where they are handled (the dispatch pipeline), once.
  if (!plan.returnsMessage || result === null || typeof result !== 'object') return result;
  if (Array.isArray(result)) for (const message of result) enrichMessage(message);
  else if ('message_id' in result && 'chat' in result) enrichMessage(result as Message);
  return result;
}

/**
 * What a custom request sender gets as `params`: every field as the text Telegram would read.
 * Converted in place: the fields belong to this call alone, and converting again (a retry) changes
 * nothing.
 */
function customParams(fields: Record<string, unknown>): Record<string, unknown> {
  for (const key in fields) {
    const value = fields[key];
    if (typeof value !== 'string') fields[key] = fieldValue(value);
  }
  return fields;
}

/** Reads what a custom request sender answered (a {@link CustomRequestResponse} or JSON text). */
function readCustomAnswer(method: string, response: unknown): unknown {
  const answer = response instanceof CustomRequestResponse ? response : new CustomRequestResponse(String(response));
  return answer.body
    ? readParsedAnswer(method, answer.statusCode, answer.body)
    : readAnswer(method, answer.statusCode, answer.text);
}

/**
 * The 185 typed methods' signatures (generated from spec/bot-api.json), merged into the class;
 * their code is in typed-methods.ts, linked by the static block of the class.
 */
export interface ApiClient extends BotApiMethods {}

export { ApiException };
