/**
 * Webhook endpoints for node:http, Express, Fastify, Hono and any Web-standard runtime
 * (`Request` → `Response`: Deno, Bun, Cloudflare Workers, Next.js route handlers...). All share
 * {@link WebhookCore}; the node:http path reads the body straight from the stream without
 * building Request/Response objects. No framework is imported: the types below are structural.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  SECRET_HEADER,
  WEBHOOK_ANSWERS,
  WebhookCore,
  type WebhookAnswer,
  type WebhookBot,
  type WebhookOptions,
} from './core.js';

/** Reads a request body up to `max` bytes; 'too-large' as soon as it grows past it. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        req.pause();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('the client closed the request'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

function writeNode(res: ServerResponse, answer: WebhookAnswer, closeConnection = false): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = {
    'content-type': answer.json ? 'application/json' : 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(answer.body),
  };
  if (answer.status === 405) headers.allow = 'POST';
  // The rest of the body is not read (an oversized one, or any body of a request refused before
  // reading): the connection cannot be reused, and is closed once the answer is out.
  if (closeConnection) {
    headers.connection = 'close';
    res.once('finish', () => closeWithoutReading(res));
  }
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/**
 * Stops reading a request whose answer was sent, and closes its connection: a client sending a
 * huge body to a refused request (no secret, wrong method) costs neither bandwidth nor time.
 * The socket is ended first (the answer is delivered), destroyed shortly after in any case.
 */
function closeWithoutReading(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket || socket.destroyed) return;
  socket.pause();
  socket.end();
  setTimeout(() => socket.destroy(), 1000).unref();
}

/**
 * The body a middleware (express.json(), express.raw(), express.text()...) left on the request
 * once it consumed the stream; undefined while the stream is unread, for the handler to read.
 */
function preParsedBody(req: IncomingMessage): { value: unknown } | undefined {
  // A parser ran only when the stream was consumed; a body set without reading (a default) is not one.
  if (!req.readableEnded && !(req as { _body?: boolean })._body && req.readable) return undefined;
  // Consumed by a middleware that kept nothing: the stream cannot be read again, the answer is a
  // 400 (waiting for the stream would never end: test/webhook-node-edges.test.ts).
  return { value: (req as IncomingMessage & { body?: unknown }).body };
}

async function handleNode(core: WebhookCore, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const early = core.precheck(req.method, req.headers[SECRET_HEADER], req.headers['content-length']);
  if (early) {
    // Refused before reading (405, 401, 413): the body, however large, is never read.
    writeNode(res, early, !req.readableEnded);
    return;
  }
  let parsed: ReturnType<WebhookCore['parse']>;
  const pre = preParsedBody(req);
  if (pre) {
    const value = pre.value;
    if (typeof value === 'string' || value instanceof Uint8Array) {
      if (Buffer.byteLength(value) > core.maxBodyBytes) return writeNode(res, WEBHOOK_ANSWERS.tooLarge);
      parsed = core.parse(value);
    } else {
      parsed = core.validate(value);
    }
  } else {
    let raw: Buffer | 'too-large';
    try {
      raw = await readBody(req, core.maxBodyBytes);
    } catch {
      res.destroy();
      return;
    }
    if (raw === 'too-large') return writeNode(res, WEBHOOK_ANSWERS.tooLarge, true);
    parsed = core.parse(raw);
  }
  if (core.isAnswer(parsed)) return writeNode(res, parsed);
  writeNode(res, await core.dispatch(parsed));
}

/** A node:http request listener: `http.createServer(nodeHttpHandler(bot, { secretToken }))`. */
export function nodeHttpHandler(
  bot: WebhookBot,
  options: WebhookOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const core = new WebhookCore(bot, options);
  return (req, res) => {
    handleNode(core, req, res).catch(async (error) => {
      await core.report(error);
      writeNode(res, { status: 500, body: 'Internal Server Error' });
    });
  };
}

/**
 * An Express route handler: `app.post('/hook', expressHandler(bot, { secretToken }))`. Works with
 * or without `express.json()` (or `express.raw()`/`express.text()`) in front of it.
 */
export function expressHandler(
  bot: WebhookBot,
  options: WebhookOptions = {},
): (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void {
  const handle = nodeHttpHandler(bot, options);
  return (req, res) => handle(req, res);
}

/** The parts of a Fastify request the handler reads. */
export interface FastifyRequestLike {
  /** The HTTP method. */
  method: string;
  /** The request headers (lower-cased names). */
  headers: Record<string, string | string[] | undefined>;
  /** The body as parsed by Fastify (object, string or Buffer). */
  body?: unknown;
}

/** The parts of a Fastify reply the handler uses. */
export interface FastifyReplyLike {
  /** Sets the status code. */
  code(status: number): FastifyReplyLike;
  /** Sets a response header. */
  header(name: string, value: string): FastifyReplyLike;
  /** Sends the response. */
  send(payload?: unknown): FastifyReplyLike;
}

/**
 * A Fastify route handler: `app.post('/hook', fastifyHandler(bot, { secretToken }))`. Fastify
 * parses the JSON itself (and answers 400 to bad JSON and 413 above its own `bodyLimit`).
 */
export function fastifyHandler(
  bot: WebhookBot,
  options: WebhookOptions = {},
): (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<FastifyReplyLike> {
  const core = new WebhookCore(bot, options);
  const send = (reply: FastifyReplyLike, answer: WebhookAnswer) => {
    reply.code(answer.status).header('content-type', answer.json ? 'application/json' : 'text/plain; charset=utf-8');
    if (answer.status === 405) reply.header('allow', 'POST');
    return reply.send(answer.body);
  };
  return async (request, reply) => {
    try {
      const length = request.headers['content-length'];
      const early = core.precheck(
        request.method,
        request.headers[SECRET_HEADER],
        Array.isArray(length) ? length[0] : length,
      );
      if (early) return send(reply, early);
      const body = request.body;
      const parsed = typeof body === 'string' || body instanceof Uint8Array ? core.parse(body) : core.validate(body);
      if (core.isAnswer(parsed)) return send(reply, parsed);
      return send(reply, await core.dispatch(parsed));
    } catch (error) {
      await core.report(error);
      return send(reply, { status: 500, body: 'Internal Server Error' });
    }
  };
}

/** Reads a Web body up to `max` bytes, cancelling the stream as soon as it grows past it. */
async function readWebBody(request: Request, max: number): Promise<Uint8Array | 'too-large'> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      return 'too-large';
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}

function toResponse(answer: WebhookAnswer): Response {
  const headers: Record<string, string> = {
    'content-type': answer.json ? 'application/json' : 'text/plain; charset=utf-8',
  };
  if (answer.status === 405) headers.allow = 'POST';
  return new Response(answer.body, { status: answer.status, headers });
}

/**
 * A Web-standard handler `(request: Request) => Promise<Response>`, for runtimes and frameworks
 * built on the Fetch API.
 */
export function webhookHandler(bot: WebhookBot, options: WebhookOptions = {}): (request: Request) => Promise<Response> {
  // Serverless platforms serve Request → Response: the answer waits for the handlers' calls.
  const core = new WebhookCore(bot, options, true);
  return async (request) => {
    try {
      const early = core.precheck(
        request.method,
        request.headers.get(SECRET_HEADER),
        request.headers.get('content-length'),
      );
      if (early) return toResponse(early);
      const raw = await readWebBody(request, core.maxBodyBytes);
      if (raw === 'too-large') return toResponse(WEBHOOK_ANSWERS.tooLarge);
      const parsed = core.parse(raw);
      if (core.isAnswer(parsed)) return toResponse(parsed);
      return toResponse(await core.dispatch(parsed));
    } catch (error) {
      await core.report(error);
      return toResponse({ status: 500, body: 'Internal Server Error' });
    }
  };
}

/** The part of a Hono context the handler uses. */
export interface HonoContextLike {
  /** The request wrapper; `raw` is the standard Fetch `Request`. */
  req: { raw: Request };
}

/** A Hono handler: `app.post('/hook', honoHandler(bot, { secretToken }))`. */
export function honoHandler(bot: WebhookBot, options: WebhookOptions = {}): (c: HonoContextLike) => Promise<Response> {
  const handle = webhookHandler(bot, options);
  return (c) => handle(c.req.raw);
}
