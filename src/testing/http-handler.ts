/**
 * The HTTP side of the emulator: routing, answering like Telegram, faults, and file downloads.
 * @module
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRequest, type ParsedBody } from './body-parsing.js';
import type { CallLog } from './call-log.js';
import type { ChatDirectory } from './chats.js';
import { type EmulatorState, runDefault } from './default-methods.js';
import { type FaultRegistry, writeFault } from './faults.js';
import type { FileStore } from './files.js';
import { canonicalMethodName } from './method-names.js';
import { TelegramError } from './telegram-error.js';
import type { MethodHandler, RecordedCall } from './types.js';

/** Everything the handler needs from the emulator. */
export interface HandlerDeps {
  /** The bot token requests must carry in their URL (others get 401). */
  token: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Where every API call is recorded. */
  log: CallLog;
  /** Injected faults, applied before a method runs. */
  faults: FaultRegistry;
  /** Uploaded files, also served for downloads. */
  files: FileStore;
  /** The chats and users the emulator knows. */
  chats: ChatDirectory;
  /** Shared emulator state (bot user, update queue, webhook) used by the default methods. */
  state: EmulatorState;
  /** Custom method handlers, keyed by lower-cased method name; they replace the defaults. */
  overrides: Map<string, MethodHandler>;
  /** True once stop() began: answers close their connection. */
  isStopping(): boolean;
  /** Waits `ms` unless the emulator stops first (then resolves false). */
  sleep(ms: number): Promise<boolean>;
  /** Telegram's rules (see src/testing/rules/): may throw a TelegramError or give the parameters the default method sees. */
  beforeMethod?(method: string, call: RecordedCall): Record<string, unknown>;
  /** Told of every call once its answer is written (the conversation kit and the playground follow the chats with it). */
  onAnswered?(call: RecordedCall): void;
}

const NOT_FOUND = { ok: false, error_code: 404, description: 'Not Found' } as const;
const UNAUTHORIZED = { ok: false, error_code: 401, description: 'Unauthorized' } as const;

function sendJson(res: ServerResponse, status: number, body: unknown, closing: boolean): boolean {
  if (res.destroyed || res.writableEnded) return false;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...(closing ? { connection: 'close' } : {}),
  });
  res.end(text);
  return true;
}

/** Answers one call and records what was answered on the call. */
function answer(
  deps: HandlerDeps,
  res: ServerResponse,
  call: RecordedCall | undefined,
  status: number,
  body: RecordedCall['response'],
): void {
  const written = sendJson(res, status, body, deps.isStopping());
  if (!call) return;
  if (written) {
    call.status = status;
    call.response = body;
    deps.onAnswered?.(call);
  } else {
    call.aborted = true;
  }
}

function errorBody(error: unknown): { status: number; body: NonNullable<RecordedCall['response']> } {
  if (error instanceof TelegramError) return { status: error.error_code, body: error.toJSON() };
  // A bug in a test's onMethod handler (or in the emulator): say so instead of pretending to be Telegram.
  const message = error instanceof Error ? error.message : String(error);
  return {
    status: 500,
    body: { ok: false, error_code: 500, description: `Internal Server Error: emulator handler threw: ${message}` },
  };
}

/** Handles one HTTP request; never throws. */
export async function handleRequest(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let call: RecordedCall | undefined;
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return serveFile(deps, req, res, decodeURIComponent(file[1]!), file[2]!);
    const api = /^\/bot([^/]+)\/([^/]*)\/?$/.exec(url.pathname);
    if (!api) {
      req.resume();
      return void sendJson(res, 404, NOT_FOUND, deps.isStopping());
    }
    const token = decodeURIComponent(api[1]!);
    const method = decodeURIComponent(api[2]!);

    let parsed: ParsedBody;
    let parseError: unknown;
    try {
      parsed = await parseRequest(req, url.searchParams, { maxBodyBytes: deps.maxBodyBytes });
    } catch (error) {
      parseError = error;
      parsed = { kind: 'none', params: {}, rawParams: {}, files: {} };
    }
    const canonical = canonicalMethodName(method);
    call = {
      index: 0,
      method,
      ...(canonical !== undefined ? { canonicalMethod: canonical } : {}),
      params: parsed.params,
      rawParams: parsed.rawParams,
      files: parsed.files,
      contentType: parsed.kind,
      httpMethod: req.method ?? 'GET',
      headers: { ...req.headers },
      tokenValid: token === deps.token,
      receivedAt: Date.now(),
    };
    deps.log.record(call);

    if (!call.tokenValid) return answer(deps, res, call, 401, UNAUTHORIZED);
    if (parseError !== undefined) {
      const { status, body } = errorBody(parseError);
      if (status === 413) res.setHeader('connection', 'close'); // the rest of the body was not read
      return answer(deps, res, call, status, body);
    }
    if (canonical === undefined) return answer(deps, res, call, 404, NOT_FOUND);

    // Faults strike before any processing, so a failed getUpdates confirms nothing.
    const fault = deps.faults.take(canonical);
    if (fault) {
      call.fault = fault.kind;
      if (fault.kind === 'slow') {
        const completed = await deps.sleep(fault.delayMs ?? 1000);
        if (!completed || res.destroyed) {
          call.aborted = true;
          if (!res.destroyed) res.destroy();
          return;
        }
      } else {
        const status = writeFault(res, fault);
        if (status !== undefined) call.status = status;
        return;
      }
    }

    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    if (res.destroyed || req.socket.destroyed) abort.abort(); // gone while the body was read
    const override = deps.overrides.get(canonical.toLowerCase());
    try {
      // Synchronous on purpose: a held getUpdates must register before anything else can run.
      const params = deps.beforeMethod ? deps.beforeMethod(canonical, call) : call.params;
      const ctx = { params, call, chats: deps.chats, files: deps.files, state: deps.state, signal: abort.signal };
      const fallback = async (): Promise<unknown> => runDefault(canonical, ctx);
      const result = await (override ? override(call.params, call, fallback) : fallback());
      answer(deps, res, call, 200, { ok: true, result });
    } catch (error) {
      const { status, body } = errorBody(error);
      answer(deps, res, call, status, body);
    }
  } catch (error) {
    // Last line of defence: the emulator never crashes on bad input.
    try {
      const { status, body } = errorBody(
        error instanceof TelegramError ? error : new TelegramError(400, 'Bad Request'),
      );
      answer(deps, res, call, status, body);
    } catch {
      res.destroy();
    }
  } finally {
    // The answer (or its absence) is on the call now: `waitForCall` may hand it out.
    if (call) deps.log.settle(call);
  }
}

function serveFile(deps: HandlerDeps, req: IncomingMessage, res: ServerResponse, token: string, rawPath: string): void {
  req.resume();
  if (token !== deps.token) return void sendJson(res, 401, UNAUTHORIZED, deps.isStopping());
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return void sendJson(res, 404, NOT_FOUND, deps.isStopping());
  }
  const file = deps.files.atPath(path);
  if (!file || file.data === undefined || (req.method !== 'GET' && req.method !== 'HEAD')) {
    return void sendJson(res, 404, NOT_FOUND, deps.isStopping());
  }
  res.writeHead(200, {
    'content-type': file.mime_type ?? 'application/octet-stream',
    'content-length': file.data.length,
    ...(deps.isStopping() ? { connection: 'close' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : file.data);
}
