/**
 * Fault injection: which calls fail, and how the failure looks on the wire.
 * @module
 */
import type { ServerResponse } from 'node:http';
import type { FaultKind, FaultSpec } from './types.js';

const FAULT_KINDS: ReadonlySet<FaultKind> = new Set([
  'http-500',
  'http-502',
  'reset',
  'invalid-json',
  'too-many-requests',
  'slow',
  'conflict',
  'unauthorized',
]);

interface ActiveFault {
  spec: FaultSpec;
  /** Faults still to inject; Infinity for an unlimited probabilistic fault. */
  remaining: number;
}

/** The faults injected into an emulator, consumed as matching calls arrive. */
export class FaultRegistry {
  private faults: ActiveFault[] = [];

  /** Registers a fault; throws a TypeError for an invalid spec so tests fail early. */
  add(spec: FaultSpec): void {
    if (!FAULT_KINDS.has(spec.kind)) throw new TypeError(`injectFault: unknown kind ${JSON.stringify(spec.kind)}`);
    if (spec.probability !== undefined && !(spec.probability >= 0 && spec.probability <= 1)) {
      throw new TypeError('injectFault: probability must be within 0..1');
    }
    if (spec.times !== undefined && !(Number.isInteger(spec.times) && spec.times >= 0)) {
      throw new TypeError('injectFault: times must be a non-negative integer');
    }
    const remaining = spec.times ?? (spec.probability !== undefined ? Infinity : 1);
    this.faults.push({ spec: { ...spec }, remaining });
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Number of faults that can still fire. */
  get size(): number {
    return this.faults.length;
  }

  /**
   * The fault to inject into a call of `method` (Telegram spelling), consuming one use of it, or
   * `undefined`. The first registered matching fault that fires wins.
   */
  take(method: string): FaultSpec | undefined {
    const lower = method.toLowerCase();
    for (const fault of this.faults) {
      if (fault.remaining <= 0) continue;
      if (fault.spec.method !== undefined && fault.spec.method.toLowerCase() !== lower) continue;
      if (fault.spec.probability !== undefined) {
        const draw = (fault.spec.random ?? Math.random)();
        if (!(draw < fault.spec.probability)) continue;
      }
      fault.remaining -= 1;
      if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
      return fault.spec;
    }
    return undefined;
  }
}

/** nginx's page when the Bot API backend is down: what Telegram really answers on a 502. */
export const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';

/** The JSON answer of a failing fault (`undefined` for kinds that do not answer with JSON). */
export function faultAnswer(spec: FaultSpec): { status: number; body: Record<string, unknown> } | undefined {
  switch (spec.kind) {
    case 'http-500':
      return { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
    case 'too-many-requests': {
      const retryAfter = spec.retryAfter ?? 1;
      return {
        status: 429,
        body: {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      };
    }
    case 'conflict':
      return { status: 409, body: CONFLICT_OTHER_POLLER };
    case 'unauthorized':
      return { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    default:
      return undefined;
  }
}

/** Telegram's answer to a getUpdates that was superseded by another one. */
export const CONFLICT_OTHER_POLLER = {
  ok: false,
  error_code: 409,
  description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
} as const;

/** Telegram's answer to getUpdates while a webhook is set. */
export const CONFLICT_WEBHOOK = {
  ok: false,
  error_code: 409,
  description:
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
} as const;

/**
 * Writes the failure of a non-`slow` fault to `res`. Returns the status written, or `undefined`
 * for `reset` (socket destroyed, nothing answered).
 */
export function writeFault(res: ServerResponse, spec: FaultSpec): number | undefined {
  if (spec.kind === 'reset') {
    res.socket?.destroy();
    res.destroy();
    return undefined;
  }
  if (spec.kind === 'http-502') {
    res.writeHead(502, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(BAD_GATEWAY_HTML) });
    res.end(BAD_GATEWAY_HTML);
    return 502;
  }
  if (spec.kind === 'invalid-json') {
    const body = spec.body === 'truncated' ? '{"ok":true,"result":[{"update_id":' : '<html>Bad Gateway</html>';
    const type = spec.body === 'truncated' ? 'application/json' : 'text/html';
    res.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    return 200;
  }
  const answer = faultAnswer(spec);
  if (answer === undefined) return undefined;
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
  return answer.status;
}
