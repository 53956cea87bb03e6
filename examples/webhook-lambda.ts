/**
 * A webhook bot as an AWS Lambda function, behind API Gateway (REST or HTTP API) or a function
 * URL. The bot is built once per cold start and reused by the invocations that follow;
 * `lambdaHandler` checks the secret token, answers Lambda's `{ statusCode, headers, body }` and
 * waits for the calls the handlers started (a frozen function would lose them), so the usual
 * `(message) => { bot.replyTo(message, ...) }` style is safe here.
 *
 * Deploy: bundle this file (esbuild, or your framework), set the handler to `handler` and the
 * environment to BOT_TOKEN and WEBHOOK_SECRET, then register the function's URL once:
 *   await new Botte(token).setWebhook('https://<id>.lambda-url.<region>.on.aws/', { secret_token })
 */
import { Botte, lambdaHandler, type BotteOptions, type LambdaEvent, type LambdaResult } from '../src/index.js';

/** Builds the bot. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['start'] }, (message) => {
    bot.replyTo(message, 'Hello from AWS Lambda!');
  });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, `You said: ${message.text ?? 'something that is not text'}`);
  });
  return bot;
}

let handle: ((event: LambdaEvent) => Promise<LambdaResult>) | undefined;

/** The function's handler; the bot is made on the first invocation (the cold start). */
export function handler(event: LambdaEvent): Promise<LambdaResult> {
  handle ??= lambdaHandler(createBot(process.env.BOT_TOKEN ?? '', { apiUrl: process.env.BOT_API_URL }), {
    secretToken: process.env.WEBHOOK_SECRET,
  });
  return handle(event);
}
