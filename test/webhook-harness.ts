/**
 * Shared set-up of the test/webhook-*.test.ts files: the node:http servers a file starts (closed
 * after its tests), a POST over node:http, and a text message update.
 */
import { after } from 'node:test';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * `serve(listener)` starts a node:http server on a free port of 127.0.0.1 and resolves with the
 * URL of its `/hook`; every server it started is closed (connections included) after the file's tests.
 */
export function useHttpServers(): (listener: Parameters<typeof createServer>[1]) => Promise<string> {
  const servers: Server[] = [];
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
  return async (listener) => {
    const server = createServer(listener);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  };
}

/** An HTTP answer as the tests read it. */
export interface HttpReply {
  /** The status code. */
  status: number;
  /** The response headers. */
  headers: Record<string, string | string[] | undefined>;
  /** The body, as UTF-8 text. */
  body: string;
}

/** Options of {@link httpPost}. */
export interface HttpPostOptions {
  /** Send the body in two writes (with no Content-Length header given, no size is known before reading). */
  chunked?: boolean;
  /** Destroy the connection once the answer is read (ends a kept-alive one, so that the servers can close). */
  closeAfterAnswer?: boolean;
}

/**
 * POSTs `body` to `url` with node:http (no agent: a connection of its own) and exactly `headers`.
 * Fails after 5 s without an answer.
 */
export function httpPost(
  url: string,
  body: string,
  headers: Record<string, string>,
  { chunked = false, closeAfterAnswer = false }: HttpPostOptions = {},
): Promise<HttpReply> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const req = request(
      { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (data) => (text += data));
        res.on('end', () => {
          clearTimeout(timer);
          if (closeAfterAnswer) req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer from ${url} within 5 s`));
    }, 5000);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    if (chunked) {
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      req.end(body.slice(half));
    } else req.end(body);
  });
}

/** A message update of user 5 in their private chat, with `text`. */
export const textUpdate = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1,
    chat: { id: 5, type: 'private' },
    from: { id: 5, is_bot: false, first_name: 'T' },
    text,
  },
});
