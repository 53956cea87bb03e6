/**
 * The transport for runtimes without undici's low-level Dispatcher (Bun, Deno, Cloudflare
 * Workers), built on the Web `fetch` every runtime has. It behaves like the undici one: the
 * runtime's own keep-alive pool, connect and read timeouts, cancellation by AbortSignal, JSON
 * and multipart bodies (streamed where the runtime can send a request body stream, buffered
 * elsewhere) and errors carrying the same codes (`ECONNREFUSED`, `ETIMEDOUT`...).
 * @module
 */
import type { TransportOptions, TransportRequest, TransportResponse } from './transport.js';
import { proxyFor } from './transport-proxy.js';

/** What the runtimes add to `RequestInit`: Bun's `proxy`, Deno's `client`, the stream `duplex`. */
type RuntimeInit = RequestInit & { proxy?: string; client?: unknown; duplex?: 'half' };

/** Deno's `createHttpClient`, seen structurally so that the Deno types are not needed. */
type DenoLike = { createHttpClient?: (options: { proxy?: { url: string } }) => { close(): void } };

let streamedBodies: boolean | undefined;

/** Answers up to this size (by Content-Length) are read whole, under one read timeout. */
const SMALL_BODY = 1024 * 1024;

/**
 * Whether `fetch` sends a ReadableStream request body as a stream. Bun and Deno do (without
 * reading `duplex`); elsewhere the standard test decides: a runtime that knows streamed bodies
 * reads the `duplex` member and sets no content type for a stream (Node does). Cloudflare
 * Workers get a buffered body.
 */
export function supportsStreamedBodies(): boolean {
  if (streamedBodies === undefined) {
    const g = globalThis as { Bun?: unknown; Deno?: unknown };
    if (g.Bun !== undefined || g.Deno !== undefined) {
      streamedBodies = true;
      return true;
    }
    try {
      let duplexRead = false;
      const init = {
        method: 'POST',
        body: new ReadableStream(),
        get duplex() {
          duplexRead = true;
          return 'half';
        },
      };
      const hasContentType = new Request('http://localhost/', init as RequestInit).headers.has('content-type');
      streamedBodies = duplexRead && !hasContentType;
    } catch {
      streamedBodies = false;
    }
  }
  return streamedBodies;
}

/** A network failure with the code the undici transport would have given. */
function networkError(message: string, code: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code });
}

/** Reads the runtime's error (and its causes) into one of the codes Botte's retry logic knows. */
function errorCode(error: unknown, depth = 0): string | undefined {
  const err = error as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown } | undefined;
  if (err === null || typeof err !== 'object' || depth > 4) return undefined;
  if (typeof err.code === 'string' && /^E[A-Z_]+$/.test(err.code)) return err.code;
  // Bun names its codes (ConnectionRefused); Deno only words its messages. (A missing one reads
  // "undefined", which no pattern below matches.)
  const text = `${String(err.code)} ${String(err.message)}`;
  if (/ConnectionRefused|connection refused/i.test(text)) return 'ECONNREFUSED';
  if (/ConnectionReset|connection reset|ConnectionClosed|closed before|socket.*closed/i.test(text)) return 'ECONNRESET';
  if (/dns error|lookup|name resolution|not known|FailedToOpenSocket/i.test(text)) return 'ENOTFOUND';
  // Node's fetch puts the socket error in `cause`, or several of them in an AggregateError.
  const inner = Array.isArray(err.errors) ? err.errors : [];
  for (const next of [err.cause, ...inner]) {
    const found = errorCode(next, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Sends requests with `fetch`; one instance per bot, like the undici transport. */
export class FetchTransport {
  private closed = false;
  /** Deno's clients, one per proxy URL. */
  private readonly denoClients = new Map<string, { close(): void }>();

  /** Creates the transport; a proxy this runtime cannot use fails here, early. */
  constructor(private readonly options: TransportOptions) {
    if (options.proxy && proxyRuntime() === undefined) {
      throw new TypeError(
        "A proxy needs the undici transport (Node), Bun or Deno: this runtime's fetch cannot use one. " +
          'Run on one of those, or route the traffic through the proxy outside the process.',
      );
    }
  }

  /** The runtime's fetch options that send a request to `url` through the configured proxy. */
  private proxyInit(url: string): RuntimeInit | undefined {
    const proxy = proxyFor(this.options.proxy, new URL(url));
    if (!proxy) return undefined;
    if (proxyRuntime() === 'bun') {
      if (/^socks/i.test(proxy)) throw new TypeError("Bun's fetch supports http:// and https:// proxies, not SOCKS");
      return { proxy };
    }
    let client = this.denoClients.get(proxy);
    if (client === undefined) {
      client = (globalThis as { Deno?: DenoLike }).Deno!.createHttpClient!({ proxy: { url: proxy } });
      this.denoClients.set(proxy, client);
    }
    return { client };
  }

  /** Sends one request and reads the whole answer (Transport refuses requests once closed). */
  async send(request: TransportRequest): Promise<TransportResponse> {
    const signal = request.signal;
    if (signal?.aborted) throw abortError(signal.reason);
    const controller = new AbortController();
    let timedOut: Error | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = networkError(`No ${what} within ${ms} ms`, 'ETIMEDOUT');
        controller.abort(timedOut);
      }, ms);
    };
    const onAbort = () => controller.abort(abortError(signal?.reason));
    signal?.addEventListener('abort', onAbort); // removed when the request ends
    // fetch cannot tell connecting from waiting: the first answer byte may take both together.
    arm(this.options.connectTimeout * 1000 + request.readTimeoutMs, 'answer');
    try {
      const init: RuntimeInit = {
        ...(this.options.proxy ? this.proxyInit(request.url) : undefined),
        method: request.method,
        headers: request.headers,
        signal: controller.signal,
      };
      if (request.body !== undefined) await this.setBody(init, request.body);
      let response: Response;
      try {
        response = await fetch(request.url, init);
      } catch (error) {
        throw this.failure(error, timedOut, signal);
      }
      arm(request.readTimeoutMs, 'body data');
      const declared = Number(response.headers.get('content-length') ?? NaN);
      // Small answers (every API call) are read in one go: runtimes' own readers are much faster
      // than a chunk loop. Larger or unsized ones (downloads) get the timeout between chunks.
      if (declared <= SMALL_BODY) {
        try {
          const bytes = new Uint8Array(await response.arrayBuffer());
          return { status: response.status, body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
        } catch (error) {
          throw this.failure(error, timedOut, signal);
        }
      }
      const chunks: Uint8Array[] = [];
      let length = 0;
      if (response.body) {
        const reader = response.body.getReader();
        try {
          for (;;) {
            arm(request.readTimeoutMs, 'body data');
            const { done, value } = await reader.read();
            if (done) break;
            chunks.push(value);
            length += value.byteLength;
          }
        } catch (error) {
          throw this.failure(error, timedOut, signal);
        }
      }
      return { status: response.status, body: concat(chunks, length) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  private async setBody(init: RuntimeInit, body: string | AsyncIterable<Uint8Array>): Promise<void> {
    if (typeof body === 'string') {
      init.body = body;
      return;
    }
    if (supportsStreamedBodies()) {
      const iterator = body[Symbol.asyncIterator]();
      init.body = new ReadableStream<Uint8Array>({
        async pull(stream) {
          const { done, value } = await iterator.next();
          if (done) stream.close();
          else stream.enqueue(value);
        },
        async cancel() {
          await iterator.return?.();
        },
      });
      init.duplex = 'half';
      return;
    }
    // No request streams here (Workers): the multipart body is collected first (documented).
    const chunks: Uint8Array[] = [];
    let length = 0;
    for await (const chunk of body) {
      chunks.push(chunk);
      length += chunk.byteLength;
    }
    init.body = concat(chunks, length) as Uint8Array<ArrayBuffer>;
  }

  /** The error to reject with: the timeout, the caller's abort, or the network failure with a code. */
  private failure(error: unknown, timedOut: Error | undefined, signal: AbortSignal | undefined): unknown {
    if (timedOut) return timedOut;
    if (signal?.aborted) return abortError(signal.reason);
    if (this.closed) return networkError('The transport was closed', 'ECONNRESET', error);
    const code = errorCode(error);
    const message = (error as { message?: string })?.message ?? String(error);
    return code ? networkError(message, code, error) : error;
  }

  /** Stops accepting requests and releases the runtime's client (Deno). */
  async close(): Promise<void> {
    this.closed = true;
    for (const client of this.denoClients.values()) client.close();
    this.denoClients.clear();
  }
}

/** Which runtime's own proxy support applies, if any. */
function proxyRuntime(): 'bun' | 'deno' | undefined {
  const g = globalThis as { Bun?: unknown; Deno?: DenoLike };
  if (g.Bun !== undefined) return 'bun';
  if (typeof g.Deno?.createHttpClient === 'function') return 'deno';
  return undefined;
}

function abortError(reason: unknown): Error {
  return Object.assign(new Error('The request was aborted', { cause: reason }), { name: 'AbortError' });
}

function concat(chunks: Uint8Array[], length: number): Buffer {
  if (chunks.length === 1) return Buffer.from(chunks[0]!.buffer, chunks[0]!.byteOffset, chunks[0]!.byteLength);
  const all = Buffer.allocUnsafe(length);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return all;
}
