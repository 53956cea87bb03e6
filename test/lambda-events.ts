/** AWS Lambda events as API Gateway builds them, for the lambdaHandler tests. */
import type { LambdaEvent } from '../src/webhook/index.js';

/** The webhook secret the lambda tests set. */
export const LAMBDA_SECRET = 'lambda_Secret-0123456789abcdef';

/** A function URL / HTTP API (payload 2.0) event: lower-case headers, method under requestContext.http. */
export const lambdaV2 = (
  body: string,
  headers: Record<string, string> = { 'x-telegram-bot-api-secret-token': LAMBDA_SECRET },
) =>
  ({
    version: '2.0',
    rawPath: '/telegram',
    headers: { 'content-type': 'application/json', ...headers },
    requestContext: { http: { method: 'POST', path: '/telegram' } },
    body,
    isBase64Encoded: false,
  }) as LambdaEvent;
