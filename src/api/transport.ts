/**
 * The one HTTP layer of Botte: pooled keep-alive connections through undici, JSON or
 * streamed multipart bodies, connect/read timeouts and AbortSignal support, optional
 * http(s)/socks5 proxies. undici is loaded on the first request, so importing Botte stays cheap,
 * and only on Node: Bun, Deno and Workers use the Web fetch transport of `transport-fetch.ts`.
 * @module
 */
import type { Dispatcher } from 'undici';
import type { ProxySetting, TransportKind } from './settings.js';
import { socks5Connector } from './socks5.js';
import { FetchTransport } from './transport-fetch.js';
import { proxyFor } from './transport-proxy.js';

/** Settings of one {@link Transport}. */
export interface TransportOptions {
  /** The proxy to send requests through. */
  proxy?: ProxySetting;
  /** Seconds an idle connection stays in the pool. */
  sessionTimeToLive?: number;
  /** Seconds to wait for a connection. */
  connectTimeout: number;
  /** Which HTTP layer sends the requests (default `'auto'`: undici on Node, fetch elsewhere). */
  kind?: TransportKind;
}

/**
 * Whether undici's Dispatcher can carry the requests: on Node it can. Bun ships an undici whose
 * Dispatcher cannot dispatch, Deno has none unless installed, Workers have no sockets for it.
 */
export function undiciUsable(): boolean {
  const g = globalThis as {
    Bun?: unknown;
    Deno?: unknown;
    navigator?: { userAgent?: string };
    process?: { versions?: { node?: string } };
  };
  if (g.Bun !== undefined || g.Deno !== undefined) return false;
  if (g.navigator?.userAgent === 'Cloudflare-Workers') return false;
  return typeof g.process?.versions?.node === 'string';
}

/** One HTTP request. */
export interface TransportRequest {
  /** `GET` for downloads, `POST` for API calls. */
  method: 'GET' | 'POST';
  /** The full URL (it contains the token: never log it unredacted). */
  url: string;
  /** Request headers. */
  headers?: Record<string, string>;
  /** A string (JSON) or a stream of chunks (multipart). */
  body?: string | AsyncIterable<Uint8Array>;
  /** Milliseconds to wait for the answer's headers and between body chunks. */
  readTimeoutMs: number;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** An HTTP answer with its whole body. */
export interface TransportResponse {
  /** HTTP status. */
  status: number;
  /** The body bytes. */
  body: Buffer;
}

type Undici = typeof import('undici');
let undiciModule: Promise<Undici> | undefined;
function loadUndici(): Promise<Undici> {
  undiciModule ??= import('undici');
  return undiciModule;
}

/** Where a request goes, as `dispatch()` wants it: parsed once per URL (they are few: one per method). */
interface Target {
  url: URL;
  origin: string;
  path: string;
}

/** Sends requests over a pool of keep-alive connections, one pool per origin. */
export class Transport {
  private dispatcherPromise?: Promise<Dispatcher>;
  /** The dispatcher once made, so that a request does not wait a microtask for it. */
  private ready?: Dispatcher;
  private closed = false;
  /** The fetch transport when it was chosen: requests go there instead. */
  private readonly viaFetch?: FetchTransport;
  /**
   * Parsed targets by URL (bounded: URLs are one per method, plus file downloads). A private
   * field: the URLs contain the token, and printing the bot must not show it.
   */
  readonly #targets = new Map<string, Target>();

  /** Creates a transport; no connection is opened before the first request. */
  constructor(private readonly options: TransportOptions) {
    const kind = options.kind ?? 'auto';
    if (kind !== 'auto' && kind !== 'undici' && kind !== 'fetch') {
      throw new TypeError(`transport must be 'auto', 'undici' or 'fetch', not ${JSON.stringify(kind)}`);
    }
    if (kind === 'fetch' || (kind === 'auto' && !undiciUsable())) this.viaFetch = new FetchTransport(options);
  }

  private dispatcher(url: URL): Promise<Dispatcher> {
    this.dispatcherPromise ??= loadUndici().then((undici) => (this.ready = this.createDispatcher(undici, url)));
    return this.dispatcherPromise;
  }

  private target(href: string): Target {
    let target = this.#targets.get(href);
    if (target === undefined) {
      const url = new URL(href);
      target = { url, origin: url.origin, path: url.pathname + url.search };
      if (this.#targets.size >= 256) this.#targets.clear();
      this.#targets.set(href, target);
    }
    return target;
  }

  private createDispatcher(undici: Undici, url: URL): Dispatcher {
    const keepAlive = this.options.sessionTimeToLive;
    const common = {
      connect: { timeout: this.options.connectTimeout * 1000 },
      // A recycled connection after `SESSION_TIME_TO_LIVE` avoids the classic reset of idle sockets
      // that a NAT or Telegram closed silently.
      keepAliveTimeout: keepAlive !== undefined ? keepAlive * 1000 : 30_000,
      keepAliveMaxTimeout: keepAlive !== undefined ? keepAlive * 1000 : 600_000,
      connections: 64,
      pipelining: 1,
    };
    const proxy = proxyFor(this.options.proxy, url);
    if (!proxy) return new undici.Agent(common);
    if (/^socks5h?:/i.test(proxy)) {
      const timeout = common.connect.timeout;
      return new undici.Agent({
        ...common,
        connect: socks5Connector(proxy, undici.buildConnector({ timeout }), timeout),
      });
    }
    return new undici.ProxyAgent({ uri: proxy, ...common });
  }

  /** Sends one request and reads the whole answer. Network failures reject with the undici error. */
  send(request: TransportRequest): Promise<TransportResponse> {
    if (this.closed) return Promise.reject(new Error('The transport is closed'));
    if (this.viaFetch) return this.viaFetch.send(request);
    const target = this.target(request.url);
    const ready = this.ready;
    if (ready !== undefined) return dispatchRequest(ready, target, request);
    return this.dispatcher(target.url).then((dispatcher) => dispatchRequest(dispatcher, target, request));
  }

  /** Closes every pooled connection. Requests in flight finish first. */
  async close(): Promise<void> {
    this.closed = true;
    await this.viaFetch?.close();
    const pending = this.dispatcherPromise;
    this.dispatcherPromise = undefined;
    this.ready = undefined;
    if (pending) await (await pending).close();
  }
}

/**
 * One request through `dispatcher`. The handler interface of dispatch() collects the body
 * chunks directly: no response stream, no async iteration, which matters at thousands of calls
 * per second.
 */
function dispatchRequest(
  dispatcher: Dispatcher,
  target: Target,
  request: TransportRequest,
): Promise<TransportResponse> {
  return new Promise<TransportResponse>((resolve, reject) => {
    const signal = request.signal;
    const chunks: Buffer[] = [];
    let status = 0;
    let controller: Dispatcher.DispatchController | undefined;
    const abortError = () =>
      Object.assign(new Error('The request was aborted'), { name: 'AbortError', cause: signal?.reason });
    const done = () => signal?.removeEventListener('abort', onAbort);
    const onAbort = () => {
      if (controller !== undefined) return controller.abort(abortError());
      // Not started yet (waiting for a connection that may never come): fail now; onRequestStart
      // aborts the request if it starts later.
      done();
      reject(abortError());
    };
    if (signal?.aborted) return reject(abortError());
    signal?.addEventListener('abort', onAbort); // removed by done()
    dispatcher.dispatch(
      {
        origin: target.origin,
        path: target.path,
        method: request.method,
        headers: request.headers,
        body: request.body as Dispatcher.DispatchOptions['body'],
        headersTimeout: request.readTimeoutMs,
        bodyTimeout: request.readTimeoutMs,
      },
      {
        onRequestStart(c) {
          controller = c;
          // undici starts a request only once it has a connection: one that waited for a free
          // connection (or for a new one to connect) may have been aborted meanwhile, when there
          // was no controller yet to abort. Left alone, a long poll would then run its full timeout.
          if (signal?.aborted) c.abort(abortError());
        },
        onResponseStart(_c, statusCode) {
          status = statusCode;
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          done();
          resolve({ status, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
        },
        onResponseError(_c, error) {
          done();
          reject(error);
        },
      },
    );
  });
}
