/**
 * The framework-independent part of a webhook endpoint, shared by every adapter: method check,
 * secret-token check (constant time), body size limit, JSON parsing, de-duplication of
 * re-deliveries and dispatch. Telegram gets its 200 only after the update's handlers finished,
 * so a crash makes it deliver the update again; a handler *error* is reported and still answered
 * 200, because any other status makes Telegram repeat the update forever.
 * @module
 */
import type { Update } from '../api/generated/telegram-types.js';
import { usableUpdateId } from '../dispatch/malformed-update.js';
import { logger } from '../logger.js';
import { attachReplySlot } from './reply-in-response.js';

/** The header Telegram sends the `secret_token` of setWebhook in. */
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** What a webhook endpoint needs from the bot (any `Botte` fits). */
export interface WebhookBot {
  /** Handles updates; resolves when their handlers finished. */
  processNewUpdates(updates: Update[]): Promise<void> | void;
  /** Reports an error to the exception handler and the log. */
  reportError?(error: unknown): Promise<boolean> | boolean;
}

/** Options of every webhook adapter. */
export interface WebhookOptions {
  /** The `secret_token` given to setWebhook; requests without it are answered 401. Strongly recommended. */
  secretToken?: string | undefined;
  /** Largest accepted body in bytes (default 1 MB); larger ones are answered 413 without being read. */
  maxBodyBytes?: number | undefined;
  /**
   * Sends the first eligible Bot API call a handler makes (`sendMessage`, `answerCallbackQuery`...,
   * without uploads) as the webhook response instead of a separate HTTP request. That call
   * resolves with `true`, not with its result. Default false.
   */
  replyInResponse?: boolean | undefined;
  /**
   * Answers only once the Bot API calls the update's handlers started have settled too, awaited
   * or not (`(m) => { bot.replyTo(m, 'hi'); }`): a serverless function is frozen or cancelled
   * once it answered, and a call still running would be lost. Default true for `webhookHandler`,
   * `honoHandler` and `lambdaHandler` (serverless platforms), false for the node:http adapters.
   */
  waitForCalls?: boolean | undefined;
}

/** An HTTP answer produced by the core; adapters write it in their framework's way. */
export interface WebhookAnswer {
  /** HTTP status. */
  status: number;
  /** Body text (JSON when `json`). */
  body: string;
  /** Whether `body` is JSON (else plain text). */
  json?: boolean | undefined;
}

const DEFAULT_MAX_BODY = 1024 * 1024;
const REMEMBERED_IDS = 2048;

const OK: WebhookAnswer = { status: 200, body: '' };
const answers = {
  methodNotAllowed: { status: 405, body: 'Method Not Allowed' },
  unauthorized: { status: 401, body: 'Unauthorized' },
  tooLarge: { status: 413, body: 'Payload Too Large' },
  badJson: { status: 400, body: 'Bad Request: the body is not valid JSON' },
  notAnUpdate: { status: 400, body: 'Bad Request: the body is not a Telegram Update' },
} as const satisfies Record<string, WebhookAnswer>;

/** The answers the core gives before dispatching (for adapters that check early). */
export const WEBHOOK_ANSWERS: Readonly<Record<keyof typeof answers, WebhookAnswer>> = answers;

/**
 * Compares a given secret with the expected one in a time that depends only on the expected
 * secret's length, never on where the given one differs nor on its length. Plain code rather
 * than node:crypto, so the check is the same on every runtime (Workers included).
 */
function secretMatches(given: string, expected: string): boolean {
  let difference = given.length ^ expected.length;
  for (let index = 0; index < expected.length; index++) {
    // Past its end, the given string yields NaN, which `| 0` makes 0: still one step per character.
    difference |= (given.charCodeAt(index) | 0) ^ expected.charCodeAt(index);
  }
  return difference === 0;
}

/** The shared logic of one webhook endpoint. */
export class WebhookCore {
  /** Largest accepted body in bytes. */
  readonly maxBodyBytes: number;
  private readonly secret?: string;
  private readonly replyInResponse: boolean;
  private readonly waitForCalls: boolean;
  private readonly inFlight = new Map<number, Promise<WebhookAnswer>>();
  private readonly recent = new Set<number>();

  /**
   * @param bot receives the updates @param options secret, size limit, reply-in-response
   * @param waitForCallsByDefault the adapter's default of `waitForCalls`
   */
  constructor(
    private readonly bot: WebhookBot,
    options: WebhookOptions = {},
    waitForCallsByDefault = false,
  ) {
    if (!bot || typeof bot.processNewUpdates !== 'function')
      throw new TypeError('webhook: the first argument must be a bot');
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
    if (options.secretToken !== undefined && options.secretToken !== '') this.secret = options.secretToken;
    this.replyInResponse = options.replyInResponse === true;
    this.waitForCalls = options.waitForCalls ?? waitForCallsByDefault;
  }

  /**
   * Checks what is known before the body is read: the HTTP method, the secret header and a
   * declared Content-Length. Returns the answer to give at once, or undefined to go on.
   */
  precheck(
    method: string | undefined,
    secret: string | string[] | null | undefined,
    contentLength?: string | null,
  ): WebhookAnswer | undefined {
    if (method !== 'POST') return answers.methodNotAllowed;
    if (this.secret !== undefined) {
      const given = Array.isArray(secret) ? secret[0] : secret;
      if (typeof given !== 'string' || !secretMatches(given, this.secret)) return answers.unauthorized;
    }
    if (contentLength != null && contentLength !== '' && Number(contentLength) > this.maxBodyBytes)
      return answers.tooLarge;
    return undefined;
  }

  /** Parses a raw body into an Update, or returns the 400 answer. */
  parse(raw: string | Uint8Array): Update | WebhookAnswer {
    let value: unknown;
    try {
      value = JSON.parse(
        typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'),
      );
    } catch {
      return answers.badJson;
    }
    return this.validate(value);
  }

  /** Checks that an already parsed body is an Update. */
  validate(value: unknown): Update | WebhookAnswer {
    if (usableUpdateId(value) === undefined) {
      return answers.notAnUpdate;
    }
    return value as Update;
  }

  /** Whether `value` (from {@link parse}/{@link validate}) is an answer rather than an Update. */
  isAnswer(value: Update | WebhookAnswer): value is WebhookAnswer {
    return typeof (value as WebhookAnswer).status === 'number' && (value as Update).update_id === undefined;
  }

  /** Handles one update and resolves with the answer to give once its handlers finished. */
  dispatch(update: Update): Promise<WebhookAnswer> {
    const id = update.update_id;
    // Telegram re-sends an update whose answer was late; it is handled once.
    const running = this.inFlight.get(id);
    if (running) return running;
    if (this.recent.has(id)) return Promise.resolve(OK);
    const done = this.run(update).then((answer) => {
      this.inFlight.delete(id);
      // An update answered with an error status (e.g. 503 from a queue ingress whose Redis is
      // down) was not taken: Telegram's next delivery of it must go through again.
      if (answer.status === 200) {
        this.recent.add(id);
        if (this.recent.size > REMEMBERED_IDS) this.recent.delete(this.recent.values().next().value as number);
      }
      return answer;
    });
    this.inFlight.set(id, done);
    return done;
  }

  private async run(update: Update): Promise<WebhookAnswer> {
    const slot = this.replyInResponse || this.waitForCalls ? attachReplySlot(update, this.replyInResponse) : undefined;
    try {
      await this.bot.processNewUpdates([update]);
      if (this.waitForCalls) await slot?.settled();
    } catch (error) {
      // processNewUpdates reports handler errors itself; this is a failure around it.
      await this.report(error);
      // A receiver that could not take the update (a queue ingress, src/scale/queue.ts) asks for
      // another status than 200, so that Telegram delivers it again instead of losing it.
      const status = (error as { webhookStatus?: unknown | undefined } | null)?.webhookStatus;
      if (typeof status === 'number' && status >= 500 && status <= 599) {
        return { status, body: 'Service Unavailable: the update was not taken, deliver it again' };
      }
    } finally {
      slot?.close();
    }
    if (slot?.reply !== undefined) return { status: 200, body: slot.reply, json: true };
    return OK;
  }

  /** Reports an unexpected failure without ever throwing. */
  async report(error: unknown): Promise<void> {
    try {
      if (this.bot.reportError) await this.bot.reportError(error);
      else logger.error('Webhook update failed', error);
    } catch (reportFailure) {
      logger.error('Webhook: reporting an error failed', reportFailure);
    }
  }
}
