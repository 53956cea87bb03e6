/**
 * `bot.runWebhooks()`: a small node:http(s) server that receives Telegram's webhook requests on
 * one path, optionally registering the webhook with setWebhook first.
 * @module
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { nodeFsPromises, onCloudflareWorkers, RuntimeFeatureUnavailableError } from '../runtime/node-only.js';
import { InputFile } from '../types/input-file.js';
import { snakeToCamel } from '../types/internal.js';
import { logger } from '../logger.js';
import { nodeHttpHandler } from './adapters.js';
import type { WebhookBot, WebhookOptions } from './core.js';

/** Options of `bot.runWebhooks()`. */
export interface RunWebhooksOptions extends WebhookOptions {
  /** Address to listen on (default `127.0.0.1`; `0.0.0.0` for every interface). */
  listen?: string | undefined;
  /** Port (default 8443; 0 picks a free one). */
  port?: number | undefined;
  /**
   * Path of the endpoint. Default: the path of `url` when one is given (where Telegram will post),
   * else `/botte-` + a hash of the token (stable and secret, without the token itself).
   */
  urlPath?: string | undefined;
  /** TLS certificate (path or PEM); with `certificateKey` the server speaks HTTPS and it is uploaded to setWebhook. */
  certificate?: string | Buffer | undefined;
  /** TLS private key (path or PEM). */
  certificateKey?: string | Buffer | undefined;
  /**
   * The public URL Telegram should call. When given, setWebhook is called with it, the secret
   * token (a random one is generated when none is given), the certificate and the options below.
   */
  url?: string | undefined;
  /** pyTelegramBotAPI's name for {@link url} (`run_webhooks(webhook_url=...)`); give one of the two. */
  webhookUrl?: string | undefined;
  /** setWebhook's `drop_pending_updates`. */
  dropPendingUpdates?: boolean | undefined;
  /** setWebhook's `allowed_updates`. */
  allowedUpdates?: readonly string[] | undefined;
  /** setWebhook's `max_connections`. */
  maxConnections?: number | undefined;
  /** setWebhook's `ip_address`. */
  ipAddress?: string | undefined;
  /**
   * SIGINT/SIGTERM stop the bot gracefully, as `runthebot({ handleSignals: true })` does: the
   * requests being handled get their answer, then the server closes (a second signal exits at once).
   * Read by `bot.runWebhooks()`.
   */
  handleSignals?: boolean | undefined;
}

/** A running webhook server. */
export interface WebhookServer {
  /** Stops accepting requests and resolves when the requests being handled were answered. */
  close(): Promise<void>;
  /** The port listened on. */
  port: number;
  /** The local URL of the endpoint (or the public `url` when one was given). */
  url: string;
  /** The secret token requests must carry (undefined when none is checked). */
  secretToken?: string | undefined;
}

/** The bot as `runWebhooks` needs it. */
export interface WebhookServerBot extends WebhookBot {
  /** The bot token (used to derive the default webhook path). */
  readonly token: string;
  /** Registers the webhook URL with Telegram. */
  setWebhook(url: string, options?: Record<string, unknown>): Promise<unknown>;
}

function pemOrPath(value: string | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(value)) return Promise.resolve(value);
  return value.includes('-----BEGIN')
    ? Promise.resolve(Buffer.from(value))
    : nodeFsPromises('A certificate from a path').then((fs) => fs.readFile(value));
}

// Every option runWebhooks reads (its own and nodeHttpHandler's). A key outside this list is a
// typo or another library's spelling: ignoring it would leave a server that never gets an update.
// Typed so that an option added to RunWebhooksOptions cannot be forgotten here (tsc fails).
const OPTION_KEYS: { readonly [K in keyof Required<RunWebhooksOptions>]: true } = {
  listen: true,
  port: true,
  urlPath: true,
  certificate: true,
  certificateKey: true,
  url: true,
  webhookUrl: true,
  dropPendingUpdates: true,
  allowedUpdates: true,
  maxConnections: true,
  ipAddress: true,
  secretToken: true,
  maxBodyBytes: true,
  replyInResponse: true,
  waitForCalls: true,
  handleSignals: true,
};
const KNOWN_OPTIONS: ReadonlySet<string> = new Set(Object.keys(OPTION_KEYS));

/** Refuses unknown options and resolves `webhookUrl` into `url`. */
function checkOptions(options: RunWebhooksOptions): RunWebhooksOptions {
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key)) continue;
    const camel = snakeToCamel(key);
    const hint = camel !== key && KNOWN_OPTIONS.has(camel) ? `; did you mean "${camel}"?` : '';
    throw new TypeError(`runWebhooks: unknown option "${key}"${hint} (known: ${[...KNOWN_OPTIONS].join(', ')})`);
  }
  if (options.webhookUrl === undefined) return options;
  if (options.url !== undefined && options.url !== options.webhookUrl) {
    throw new TypeError('runWebhooks: url and webhookUrl are two names of one option; give one of them');
  }
  return { ...options, url: options.webhookUrl };
}

/** Starts the server; see {@link RunWebhooksOptions}. */
export async function startWebhookServer(
  bot: WebhookServerBot,
  runOptions: RunWebhooksOptions = {},
): Promise<WebhookServer> {
  const options = checkOptions(runOptions);
  const listen = options.listen ?? '127.0.0.1';
  // Telegram posts to the path of `url`, so that is where the server must listen by default.
  const urlPath =
    options.urlPath ??
    (options.url
      ? new URL(options.url).pathname
      : `/botte-${createHash('sha256').update(bot.token).digest('hex').slice(0, 24)}`);
  let secretToken = options.secretToken;
  if (options.url && !secretToken) secretToken = randomBytes(24).toString('base64url');
  const handle = nodeHttpHandler(bot, { ...options, secretToken });
  // Answers not yet written. Once close() began, each says `Connection: close`: Telegram keeps its
  // connections alive, and an idle one would hold close() until the client or the keep-alive
  // timeout dropped it (test/webhook-close-keep-alive.test.ts).
  const unanswered = new Set<ServerResponse>();
  let closing = false;
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    if (closing) res.setHeader('connection', 'close');
    const path = req.url === undefined ? '' : req.url.split('?', 1)[0];
    if (path !== urlPath) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found');
      return;
    }
    unanswered.add(res);
    res.once('close', () => unanswered.delete(res));
    handle(req, res);
  };
  const tls = options.certificate !== undefined && options.certificateKey !== undefined;
  const cert = options.certificate !== undefined ? await pemOrPath(options.certificate) : undefined;
  // Loaded here, not at import: Workers have no server sockets (they use webhookHandler instead).
  const moduleName = tls ? 'node:https' : 'node:http';
  const unavailable = (error: unknown) => {
    throw new RuntimeFeatureUnavailableError(
      'bot.runWebhooks()',
      moduleName,
      error,
      "Serve webhookHandler(bot) from the runtime's own server instead (on Workers: export default { fetch: webhookHandler(bot) }).",
    );
  };
  // workerd (nodejs_compat) has a node:http whose servers no request from outside reaches: a
  // server there would listen in vain, so it is refused like a missing module.
  if (onCloudflareWorkers()) {
    throw new RuntimeFeatureUnavailableError(
      'bot.runWebhooks()',
      `${moduleName} server sockets`,
      undefined,
      'Export webhookHandler(bot) instead: export default { fetch: webhookHandler(bot) }.',
    );
  }
  const server: Server = tls
    ? (await import('node:https').catch(unavailable)).createServer(
        { cert, key: await pemOrPath(options.certificateKey!) },
        listener,
      )
    : (await import('node:http').catch(unavailable)).createServer(listener);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8443, listen, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const host = listen.includes(':') ? `[${listen}]` : listen;
  const localUrl = `${tls ? 'https' : 'http'}://${host}:${port}${urlPath}`;
  const close = () =>
    new Promise<void>((resolve) => {
      closing = true;
      for (const res of unanswered) if (!res.headersSent) res.setHeader('connection', 'close');
      // Idle keep-alive connections close now; requests being handled get their answer first.
      const force = setTimeout(() => server.closeAllConnections(), 10_000);
      force.unref();
      server.close(() => {
        clearTimeout(force);
        resolve();
      });
      server.closeIdleConnections();
    });
  if (options.url) {
    try {
      const params: Record<string, unknown> = { secret_token: secretToken };
      if (cert) params.certificate = new InputFile(cert, 'certificate.pem');
      if (options.dropPendingUpdates !== undefined) params.drop_pending_updates = options.dropPendingUpdates;
      if (options.allowedUpdates) params.allowed_updates = options.allowedUpdates;
      if (options.maxConnections !== undefined) params.max_connections = options.maxConnections;
      if (options.ipAddress !== undefined) params.ip_address = options.ipAddress;
      await bot.setWebhook(options.url, params);
    } catch (error) {
      await close();
      throw error;
    }
  }
  logger.info(`Webhook server listening on ${localUrl}`);
  return { close, port, url: options.url ?? localUrl, secretToken };
}
