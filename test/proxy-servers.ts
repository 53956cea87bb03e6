/**
 * Minimal proxies for the proxy tests: an HTTP proxy with CONNECT tunnels and a SOCKS5 proxy
 * (no auth or username/password), each recording what went through it.
 */
import { createServer, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { once } from 'node:events';

/** Listens on a free port of 127.0.0.1 and resolves with it; the server's close() also ends `sockets`. */
async function listenClosingSockets(server: Server | TcpServer, sockets: Set<Socket>): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const close = server.close.bind(server);
  server.close = ((cb?: () => void) => {
    for (const s of sockets) s.destroy();
    return close(cb);
  }) as never;
  return (server.address() as { port: number }).port;
}

/** A minimal HTTP proxy supporting CONNECT tunnels, counting what went through it. */
export async function startHttpProxy(
  auth?: string,
): Promise<{ server: Server; url: string; tunnels: string[]; rejected: number }> {
  const state = { tunnels: [] as string[], rejected: 0 };
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connect', (req, clientSocket: Socket, head) => {
    sockets.add(clientSocket);
    if (auth && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(auth).toString('base64')}`) {
      state.rejected++;
      clientSocket.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
      return;
    }
    state.tunnels.push(req.url!);
    const [host, port] = req.url!.split(':');
    const upstream = connect(Number(port), host, () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  const port = await listenClosingSockets(server, sockets);
  return Object.assign(state, { server, url: `http://${auth ? `${auth}@` : ''}127.0.0.1:${port}` });
}

/** How the SOCKS5 proxy of {@link startSocks5Proxy} misbehaves, for the error tests. */
export interface Socks5Behaviour {
  /** Never answers the greeting. */
  silent?: boolean;
  /** Closes the connection right after reading the greeting. */
  closeAfterGreeting?: boolean;
  /** Answers the greeting with one byte of the two, then ends the connection. */
  partialGreeting?: boolean;
  /** Accepts none of the login methods offered (answers 0xFF). */
  noMethod?: boolean;
  /** The reply code to a CONNECT (default 0, succeeded; 5 is "connection refused"). */
  reply?: number;
  /** The address type of the bound address in the reply (default IPv4). */
  bound?: 'ipv4' | 'domain' | 'ipv6';
  /** The only login taken, required (default: no login, or `user` / `pass` when the client offers one). */
  login?: { user: string; password: string };
}

const BOUND = {
  ipv4: [1, 127, 0, 0, 1],
  domain: [3, 9, ...Buffer.from('localhost')],
  ipv6: [4, ...Array(15).fill(0), 1],
};

/**
 * A minimal SOCKS5 proxy (no login, or username `user` with password `pass`), recording the
 * `host:port` of each CONNECT; `behaviour` makes it fail in one way.
 */
export async function startSocks5Proxy(
  behaviour: Socks5Behaviour = {},
): Promise<{ server: TcpServer; url: string; connections: string[]; addressTypes: number[] }> {
  const connections: string[] = [];
  /** The address type of each CONNECT: 1 an IPv4 address, 3 a name, 4 an IPv6 address. */
  const addressTypes: number[] = [];
  const sockets = new Set<Socket>();
  const server = createTcpServer((client) => {
    sockets.add(client);
    client.on('error', () => client.destroy());
    client.once('data', (greeting) => {
      if (behaviour.silent) return;
      if (behaviour.closeAfterGreeting) return void client.destroy();
      if (behaviour.partialGreeting) return void client.end(Buffer.from([5]));
      const wantsAuth = [...greeting.subarray(2)].includes(2);
      const refused = behaviour.noMethod || (behaviour.login !== undefined && !wantsAuth);
      client.write(Buffer.from([5, refused ? 0xff : wantsAuth ? 2 : 0]));
      if (refused) return void client.end();
      const login = behaviour.login ?? { user: 'user', password: 'pass' };
      const onRequest = (request: Buffer) => {
        let host: string;
        let offset: number;
        if (request[3] === 1) {
          host = [...request.subarray(4, 8)].join('.');
          offset = 8;
        } else {
          const len = request[4]!;
          host = request.subarray(5, 5 + len).toString();
          offset = 5 + len;
        }
        const port = request.readUInt16BE(offset);
        connections.push(`${host}:${port}`);
        addressTypes.push(request[3]!);
        const replyHead = (code: number) => Buffer.from([5, code, 0, ...BOUND[behaviour.bound ?? 'ipv4'], 0, 0]);
        if (behaviour.reply) return void client.end(replyHead(behaviour.reply));
        const upstream = connect(port, host, () => {
          client.write(replyHead(0));
          upstream.pipe(client);
          client.pipe(upstream);
        });
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
      };
      if (wantsAuth) {
        client.once('data', (authMessage) => {
          const userLength = authMessage[1]!;
          const user = authMessage.subarray(2, 2 + userLength).toString();
          const password = authMessage
            .subarray(3 + userLength, 3 + userLength + authMessage[2 + userLength]!)
            .toString();
          const accepted = user === login.user && password === login.password;
          client.write(Buffer.from([1, accepted ? 0 : 1]));
          if (accepted) client.once('data', onRequest);
          else client.end();
        });
      } else {
        client.once('data', onRequest);
      }
    });
  });
  const port = await listenClosingSockets(server, sockets);
  return { server, url: `socks5://user:pass@127.0.0.1:${port}`, connections, addressTypes };
}
