/**
 * A fake HTTP response for `apihelper.CUSTOM_REQUEST_SENDER`: the sender returns one of these
 * instead of doing real HTTP, and the transport reads it as if Telegram had answered.
 * @module
 */

/**
 * The response a custom request sender returns: a JSON body, a status code and a reason phrase.
 * The body may be given as JSON text (as Telegram sends it) or as the already-parsed object,
 * which in-process test doubles prefer: Botte then skips serialising and parsing it.
 */
export class CustomRequestResponse {
  private bodyText?: string;
  /** The body as an object, when it was given as one. */
  readonly body?: Record<string, unknown>;
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The HTTP reason phrase (`''` when not given). */
  readonly reason: string;

  /**
   * `new CustomRequestResponse('{"ok":true,"result":true}')` or
   * `new CustomRequestResponse({ ok: true, result: true })`; status 200 by default.
   */
  constructor(json: string | Record<string, unknown>, statusCode = 200, reason = '') {
    // Both fields always set, in one order: every response then has the same hidden class.
    this.bodyText = typeof json === 'string' ? json : undefined;
    this.body = typeof json === 'string' ? undefined : json;
    this.statusCode = statusCode;
    this.reason = reason;
  }

  /** The body, exactly as Telegram would send it. */
  get text(): string {
    this.bodyText ??= JSON.stringify(this.body);
    return this.bodyText;
  }

  /** True for a 2xx status. */
  get ok(): boolean {
    return this.statusCode >= 200 && this.statusCode < 300;
  }

  /** The body parsed as JSON (throws a `SyntaxError` when it is not JSON). */
  json<T = unknown>(): T {
    return (this.body ?? JSON.parse(this.text)) as T;
  }
}
