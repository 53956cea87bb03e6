/**
 * The webhook endpoint for AWS Lambda behind API Gateway (REST API, payload 1.0; HTTP API,
 * payload 2.0) or a Lambda function URL. Lambda gives the function an event object and sends
 * back the `{ statusCode, headers, body }` it returns: neither side is a Fetch Request/Response,
 * so `webhookHandler` cannot be the handler there. The types below are structural (no AWS
 * package is imported); the same {@link WebhookCore} as every other adapter does the work.
 * @module
 */
import { SECRET_HEADER, WEBHOOK_ANSWERS, WebhookCore, type WebhookBot, type WebhookOptions } from './core.js';

/** The parts of an API Gateway / function URL event the handler reads. */
export interface LambdaEvent {
  /** The HTTP method of a REST API (payload 1.0) event. */
  httpMethod?: string | undefined;
  /** Where an HTTP API (payload 2.0) or function URL event keeps the method. */
  requestContext?: { http?: { method?: string | undefined } | undefined } | undefined;
  /** Request headers: as the client spelled them (payload 1.0) or lower-cased (2.0). */
  headers?: Record<string, string | undefined> | null | undefined;
  /** The body, base64-encoded when `isBase64Encoded`. */
  body?: string | null | undefined;
  /** Whether `body` is base64. */
  isBase64Encoded?: boolean | undefined;
}

/** What the handler returns: the response Lambda sends. */
export interface LambdaResult {
  /** HTTP status. */
  statusCode: number;
  /** Response headers (lower-case names). */
  headers: Record<string, string>;
  /** Body text: empty, a plain-text reason, or the JSON of a call given back to Telegram. */
  body: string;
}

/** A header of the event, whatever its case. */
function header(event: LambdaEvent, name: string): string | undefined {
  const headers = event.headers;
  if (!headers) return undefined;
  const exact = headers[name];
  if (exact !== undefined) return exact;
  for (const key of Object.keys(headers)) if (key.toLowerCase() === name) return headers[key];
  return undefined;
}

/**
 * An AWS Lambda handler: `export const handler = lambdaHandler(bot, { secretToken })`, for API
 * Gateway (REST or HTTP API) and function URLs. Answers as every adapter does: 200 once the
 * update's handlers finished (with the reply as the body when `replyInResponse`), 401 for a
 * wrong secret token, 400 for a body that is not an Update, 413 above `maxBodyBytes`, 405
 * for another method than POST.
 */
export function lambdaHandler(
  bot: WebhookBot,
  options: WebhookOptions = {},
): (event: LambdaEvent) => Promise<LambdaResult> {
  const core = new WebhookCore(bot, options, true);
  const result = (answer: { status: number; body: string; json?: boolean | undefined }): LambdaResult => {
    const headers: Record<string, string> = {
      'content-type': answer.json ? 'application/json' : 'text/plain; charset=utf-8',
    };
    if (answer.status === 405) headers.allow = 'POST';
    return { statusCode: answer.status, headers, body: answer.body };
  };
  return async (event) => {
    try {
      const given: LambdaEvent = event ?? {};
      const method = given.httpMethod ?? given.requestContext?.http?.method;
      const early = core.precheck(method, header(given, SECRET_HEADER));
      if (early) return result(early);
      const raw = given.body ?? '';
      const bytes = given.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
      if (bytes.byteLength > core.maxBodyBytes) return result(WEBHOOK_ANSWERS.tooLarge);
      const parsed = core.parse(bytes);
      if (core.isAnswer(parsed)) return result(parsed);
      return result(await core.dispatch(parsed));
    } catch (error) {
      await core.report(error);
      return result({ status: 500, body: 'Internal Server Error' });
    }
  };
}
