/**
 * The playground's web server on 127.0.0.1: the page, its JSON API (send, press, upload) and the
 * live event stream (server-sent events) of what the bot does.
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotApiEmulator } from '../testing/server.js';
import type { Conversation } from '../testing/conversation/conversation.js';
import type { ChatEvent } from '../testing/conversation/tracker.js';
import type { TestUser } from '../testing/conversation/types.js';
import { PAGE_HTML } from './page/html.js';
import { PAGE_JS } from './page/client.js';
import { PAGE_CSS } from './page/style.js';

/** Largest upload accepted from the page (20 MB, Telegram's bot download limit). */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The users the page can switch between. */
export const PLAYGROUND_USERS: TestUser[] = [
  { id: 1001, first_name: 'Alice', username: 'alice' },
  { id: 1002, first_name: 'Bob', username: 'bob' },
];

/** What the page shows as an event: calls lose their headers (no token ever reaches the page). */
export function publicEvent(event: ChatEvent): Record<string, unknown> {
  if (event.type !== 'call') return event;
  const { call } = event;
  return {
    type: 'call',
    seq: event.seq,
    method: call.canonicalMethod ?? call.method,
    params: call.params,
    files: Object.keys(call.files),
    ok: call.response?.ok ?? false,
    response: call.response,
  };
}

/** The playground's page server. */
export class PlaygroundServer {
  /** `http://127.0.0.1:PORT`. */
  url = '';
  private readonly server: Server;
  private readonly chats = new Map<number, Conversation>();
  private readonly streams = new Set<ServerResponse>();
  private readonly unsubscribe: () => void;

  /** Creates the server for `emu` (call {@link listen}). */
  constructor(private readonly emu: BotApiEmulator) {
    for (const user of PLAYGROUND_USERS) {
      const chat = emu.privateChat({ user });
      this.chats.set(chat.id, chat);
    }
    const group = emu.groupChat({ users: PLAYGROUND_USERS, title: 'Playground group', id: -1001 });
    this.chats.set(group.id, group);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) =>
        sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) }),
      );
    });
    this.unsubscribe = emu.tracker.subscribe((event) => {
      if (event.type === 'call' && event.call.canonicalMethod === 'getUpdates') return;
      const data = `id: ${event.seq}\ndata: ${JSON.stringify(publicEvent(event))}\n\n`;
      for (const stream of this.streams) stream.write(data);
    });
  }

  /** Listens on 127.0.0.1 only (`port` 0 picks a free one). */
  async listen(port: number): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  /** Closes the event streams and the server. */
  async close(): Promise<void> {
    this.unsubscribe();
    for (const stream of this.streams) stream.end();
    this.streams.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }

  private state(): Record<string, unknown> {
    return {
      bot: { first_name: this.emu.botUser.first_name, username: this.emu.botUser.username },
      users: PLAYGROUND_USERS,
      seq: this.emu.tracker.lastSeq,
      chats: [...this.chats.values()].map((chat) => ({
        id: chat.id,
        type: chat.chat.type,
        title: 'title' in chat.chat ? chat.chat.title : chat.users[0]!.first_name,
        history: chat.history,
        keyboard: chat.replyKeyboard ?? null,
      })),
    };
  }

  private chatOf(value: unknown): Conversation {
    const chat = this.chats.get(Number(value));
    if (!chat) throw new HttpError(400, `unknown chat ${String(value)}`);
    return chat;
  }

  private userOf(value: unknown): TestUser {
    const user = PLAYGROUND_USERS.find((u) => u.id === Number(value));
    if (!user) throw new HttpError(400, `unknown user ${String(value)}`);
    return user;
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Pages of other sites must not drive the playground: only our own Host, and JSON or a custom header on writes.
    const host = req.headers.host ?? '';
    if (!/^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host)) return sendJson(res, 403, { error: 'forbidden host' });
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    try {
      if (req.method === 'GET') return this.get(url, req, res);
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
      if (req.headers['x-playground'] !== '1') return sendJson(res, 403, { error: 'missing x-playground header' });
      if (url.pathname === '/api/upload') return await this.upload(url, req, res);
      const body = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8') || '{}') as Record<string, unknown>;
      if (url.pathname === '/api/send') {
        const chat = this.chatOf(body.chat);
        const from = this.userOf(body.from ?? chat.users[0]!.id);
        const text = String(body.text ?? '');
        if (text === '') throw new HttpError(400, 'empty message');
        const replyTo = body.replyTo === undefined || body.replyTo === null ? undefined : Number(body.replyTo);
        const message = await chat.send(text, { from, ...(replyTo !== undefined ? { replyTo } : {}) });
        return sendJson(res, 200, { message });
      }
      if (url.pathname === '/api/press') {
        const chat = this.chatOf(body.chat);
        const from = this.userOf(body.from ?? chat.users[0]!.id);
        const answer = await chat.pressCallback(Number(body.message), String(body.data ?? ''), {
          from,
          timeoutMs: 15_000,
        });
        return sendJson(res, 200, { answer });
      }
      return sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      const status = error instanceof HttpError ? error.status : error instanceof SyntaxError ? 400 : 500;
      return sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  private get(url: URL, req: IncomingMessage, res: ServerResponse): void {
    switch (url.pathname) {
      case '/':
        sendText(res, PAGE_HTML, 'text/html; charset=utf-8');
        return;
      case '/app.js':
        sendText(res, PAGE_JS, 'text/javascript; charset=utf-8');
        return;
      case '/app.css':
        sendText(res, PAGE_CSS, 'text/css; charset=utf-8');
        return;
      case '/api/state':
        sendJson(res, 200, this.state());
        return;
      case '/events': {
        res.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        res.write(': connected\n\n'); // sends the headers now, so the page knows it is connected
        const after = Number(url.searchParams.get('after') ?? req.headers['last-event-id'] ?? this.emu.tracker.lastSeq);
        for (const event of this.emu.tracker.events(Number.isFinite(after) ? after : 0)) {
          if (event.type === 'call' && event.call.canonicalMethod === 'getUpdates') continue;
          res.write(`id: ${event.seq}\ndata: ${JSON.stringify(publicEvent(event))}\n\n`);
        }
        this.streams.add(res);
        req.on('close', () => this.streams.delete(res));
        return;
      }
      default: {
        const file = /^\/files\/([^/]+)$/.exec(url.pathname);
        const content = file ? this.emu.fileContent(decodeURIComponent(file[1]!)) : undefined;
        if (!content) {
          sendJson(res, 404, { error: 'not found' });
          return;
        }
        const name = (content.fileName ?? 'file').replace(/[^\w.\- ]/g, '_');
        res.writeHead(200, {
          // Served as a download, never rendered as a page of this origin (a bot's .html file cannot run here).
          'content-type': /^image\/(png|jpeg|gif|webp)$/.test(content.mimeType ?? '')
            ? content.mimeType!
            : 'application/octet-stream',
          'content-disposition': `${url.searchParams.has('inline') ? 'inline' : 'attachment'}; filename="${name}"`,
          'x-content-type-options': 'nosniff',
          'content-length': content.data.length,
        });
        res.end(content.data);
      }
    }
  }

  private async upload(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chat = this.chatOf(url.searchParams.get('chat'));
    const from = this.userOf(url.searchParams.get('from') ?? chat.users[0]!.id);
    const fileName = url.searchParams.get('name') || 'file';
    const mimeType = String(req.headers['content-type'] ?? 'application/octet-stream');
    const caption = url.searchParams.get('caption') ?? undefined;
    const bytes = await readBody(req, MAX_UPLOAD_BYTES);
    const options = { from, fileName, mimeType, ...(caption ? { caption } : {}) };
    const message =
      url.searchParams.get('kind') === 'photo'
        ? await chat.sendPhoto(bytes, options)
        : await chat.sendDocument(bytes, options);
    sendJson(res, 200, { message });
  }
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function sendText(res: ServerResponse, text: string, type: string): void {
  res.writeHead(200, {
    'content-type': type,
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    // The page runs only its own script: no inline scripts, nothing from elsewhere.
    'content-security-policy':
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'",
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new HttpError(413, 'too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
