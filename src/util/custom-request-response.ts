/**
 * A fake HTTP response for `apihelper.CUSTOM_REQUEST_SENDER`: the sender returns one of these
 * instead of doing real HTTP, and the transport reads it as if Telegram had answered.
 * @module
 */

/** The response a custom request sender returns: a JSON body, a status code and a reason phrase. */
export class CustomRequestResponse {
  /** The body, exactly as Telegram would send it. */
  readonly text: string;
  /** The HTTP status code. */
  readonly statusCode: number;
  /** The HTTP reason phrase (`''` when not given). */
  readonly reason: string;

  /** `new CustomRequestResponse('{"ok":true,"result":true}')`; status 200 by default. */
  constructor(jsonText: string, statusCode = 200, reason = '') {
    this.text = jsonText;
    this.statusCode = statusCode;
    this.reason = reason;
  }

  /** True for a 2xx status. */
  get ok(): boolean {
    return this.statusCode >= 200 && this.statusCode < 300;
  }

  /** The body parsed as JSON (throws a `SyntaxError` when it is not JSON). */
  json<T = unknown>(): T {
    return JSON.parse(this.text) as T;
  }
}
