/**
 * SOCKS5 (RFC 1928, with the username/password login of RFC 1929) as an undici connector. The
 * pool stays undici's Agent with Botte's settings (SESSION_TIME_TO_LIVE, CONNECT_TIMEOUT, the
 * connection limit): only each new connection is opened through the proxy. undici's own
 * Socks5ProxyAgent keeps none of those settings and prints an experimental warning. Loaded with
 * undici, on Node only (transport.ts).
 * @module
 */
import type { Socket } from 'node:net';
import type { buildConnector } from 'undici';

type Connector = buildConnector.connector;

/** RFC 1928's reply codes, by number. */
const REPLIES = [
  'succeeded',
  'general failure',
  'connection not allowed by ruleset',
  'network unreachable',
  'host unreachable',
  'connection refused',
  'TTL expired',
  'command not supported',
  'address type not supported',
];

/**
 * A connector that opens each connection through the SOCKS5 proxy at `proxyUrl`. `direct` opens
 * TCP connections (to the proxy) and upgrades the tunnel to TLS for https URLs; `timeoutMs`
 * bounds the handshake as CONNECT_TIMEOUT bounds a direct connect. The proxy resolves host names
 * (`socks5://` and `socks5h://` alike).
 */
export function socks5Connector(proxyUrl: string, direct: Connector, timeoutMs: number): Connector {
  const proxy = new URL(proxyUrl);
  const login = { user: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) };
  // A plain TCP connection: `direct` upgrades to TLS only for 'https:'.
  const toProxy = { hostname: proxy.hostname, protocol: proxy.protocol, port: proxy.port || '1080' };
  return (options, callback) => {
    direct(toProxy, (error, socket) => {
      if (error) return callback(error, null);
      const tunnel = socket as Socket;
      const port = Number(options.port) || (options.protocol === 'https:' ? 443 : 80);
      handshake(tunnel, options.hostname, port, login, timeoutMs).then(
        () =>
          options.protocol === 'https:' ? direct({ ...options, httpSocket: tunnel }, callback) : callback(null, tunnel),
        (failure: Error) => {
          tunnel.destroy();
          callback(failure, null);
        },
      );
    });
  };
}

/** A failed handshake; `code` tells the retry logic whether the request can have been sent (it cannot). */
function socksError(message: string, code: string): Error {
  return Object.assign(new Error(`SOCKS5 proxy: ${message}`), { code });
}

async function handshake(
  socket: Socket,
  hostname: string,
  port: number,
  login: { user: string; password: string },
  timeoutMs: number,
): Promise<void> {
  const timer = setTimeout(
    () => socket.destroy(socksError(`no answer within ${timeoutMs} ms`, 'UND_ERR_CONNECT_TIMEOUT')),
    timeoutMs,
  );
  const read = reader(socket);
  try {
    const withLogin = login.user !== '' || login.password !== '';
    socket.write(Buffer.from(withLogin ? [5, 2, 0, 2] : [5, 1, 0]));
    const method = (await read(2))[1];
    if (method === 2 && withLogin) {
      const user = Buffer.from(login.user);
      const password = Buffer.from(login.password);
      socket.write(Buffer.concat([Buffer.from([1, user.length]), user, Buffer.from([password.length]), password]));
      if ((await read(2))[1] !== 0) throw socksError('the username or password was refused', 'ECONNREFUSED');
    } else if (method !== 0) {
      throw socksError('it accepts none of the login methods offered', 'ECONNREFUSED');
    }
    socket.write(Buffer.concat([Buffer.from([5, 1, 0]), address(hostname), Buffer.from([port >> 8, port & 255])]));
    const head = await read(5);
    const reply = head[1]!;
    if (reply !== 0) throw socksError(`it answered ${REPLIES[reply] ?? `reply ${reply}`}`, 'ECONNREFUSED');
    // The rest of the bound address (its first byte came with the head), then the port.
    const type = head[3];
    await read((type === 1 ? 3 : type === 4 ? 15 : head[4]!) + 2);
  } finally {
    clearTimeout(timer);
  }
}

/** The destination as SOCKS5 writes it: an IPv4 literal as such, any other host (an IPv6 literal too) by name. */
function address(hostname: string): Buffer {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return Buffer.from([1, ...hostname.split('.').map(Number)]);
  const name = Buffer.from(hostname); // undici gives an IPv6 literal without its brackets
  return Buffer.concat([Buffer.from([3, name.length]), name]);
}

/**
 * Reads the proxy's answers: `read(n)` resolves with its next `n` bytes, or rejects when it closes
 * first. Nothing can come after the last answer before the client speaks (HTTP and TLS clients
 * speak first), so no byte read here belongs to the HTTP client. Whole chunks are taken (`socket.read()` without a size): asked for more bytes than it holds, a
 * socket answers null until its end, and its 'readable' events then repeat without progress.
 */
function reader(socket: Socket): (length: number) => Promise<Buffer> {
  let held = Buffer.alloc(0);
  const read = async (length: number): Promise<Buffer> => {
    while (held.length < length) {
      const chunk = socket.read() as Buffer | null;
      if (chunk !== null) held = Buffer.concat([held, chunk]);
      else if (socket.readableEnded || socket.destroyed) {
        throw socksError('it closed the connection during the handshake', 'ECONNRESET');
      } else await nextEvent(socket);
    }
    const bytes = held.subarray(0, length);
    held = held.subarray(length);
    return bytes;
  };
  return read;
}

/** Waits for the socket to have data, end, close or fail (rejecting with its error). */
function nextEvent(socket: Socket): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const done = (error?: unknown) => {
      socket.off('readable', done).off('end', done).off('error', done).off('close', done);
      if (error instanceof Error) reject(error);
      else resolve();
    };
    socket.on('readable', done).on('end', done).on('error', done).on('close', done);
  });
}
