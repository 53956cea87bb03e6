/**
 * The fake Bot API server, in its own process (node:http, keep-alive). Driven over IPC by
 * run.mjs: `load` queues `count` updates (lib/updates.mjs) and the replies they expect.
 * getUpdates has real offset semantics (updates below `offset` are confirmed and dropped,
 * at most min(limit, 100) per answer, a long poll waits up to `timeout` s when nothing is
 * pending). Every sendMessage is checked: its (chat_id, text) must be an expected reply
 * still outstanding; anything else counts as an error. When every reply arrived, it sends
 * `done` with the time of the first getUpdates and of the last reply.
 */
import http from 'node:http';
import { makeUpdates, fakeMessage } from './lib/updates.mjs';
import { expectedReply, BOT_USER } from './lib/logic.mjs';
import { wallNow } from './lib/clock.mjs';

const BATCH = 100;
let updates = []; // the queue, update_id ascending
let head = 0; // index of the first unconfirmed update
let expected = new Map(); // `${chat_id}\0${text}` -> outstanding count
let outstanding = 0;
let valid = 0;
let errors = 0;
let errorSamples = [];
let firstPoll = 0;
let lastReply = 0;
let done = true;
let _total = 0;
let msgId = 1;
const held = new Set(); // long polls waiting for updates
const methods = Object.create(null);

function reset(count) {
  for (const h of held) {
    clearTimeout(h.timer);
    answer(h.res, []);
  }
  held.clear();
  updates = makeUpdates(count);
  head = 0;
  expected = new Map();
  for (const u of updates) {
    const key = `${u.message.chat.id}\0${expectedReply(u.message.text)}`;
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  outstanding = count;
  _total = count;
  valid = 0;
  errors = 0;
  errorSamples = [];
  firstPoll = 0;
  lastReply = 0;
  done = false;
  for (const k in methods) delete methods[k];
}

function answer(res, result) {
  const body = JSON.stringify({ ok: true, result });
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
function fail(res, code, description) {
  const body = JSON.stringify({ ok: false, error_code: code, description });
  res.writeHead(code, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function parseBody(req, raw) {
  if (raw.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.startsWith('application/json')) return JSON.parse(text);
  if (type.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  if (type.startsWith('multipart/form-data')) {
    const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
    const sep = `--${boundary[1] ?? boundary[2]}`;
    const out = {};
    for (const part of text.split(sep)) {
      const m = /name="([^"]+)"[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*)\r\n$/.exec(part);
      if (m) out[m[1]] = m[2];
    }
    return out;
  }
  return JSON.parse(text);
}

function pending(offset, limit) {
  if (offset !== undefined) {
    while (head < updates.length && updates[head].update_id < offset) head++;
  }
  return updates.slice(head, head + limit);
}

function getUpdates(res, p) {
  if (!firstPoll && !done) firstPoll = wallNow();
  const offset = p.offset === undefined || p.offset === null || p.offset === '' ? undefined : Number(p.offset);
  const limit = Math.min(BATCH, Math.max(1, Number(p.limit ?? BATCH) || BATCH));
  const timeout = Number(p.timeout ?? 0) || 0;
  const batch = pending(offset, limit);
  if (batch.length > 0 || timeout <= 0) return answer(res, batch);
  // Long poll: nothing new will come during a run, so just hold until the timeout.
  const h = {
    res,
    timer: setTimeout(() => {
      held.delete(h);
      answer(res, []);
    }, timeout * 1000),
  };
  held.add(h);
  res.on('close', () => {
    clearTimeout(h.timer);
    held.delete(h);
  });
}

function sendMessage(res, p) {
  const chat = String(p.chat_id);
  const text = String(p.text);
  const key = `${chat}\0${text}`;
  const left = expected.get(key);
  if (left) {
    if (left === 1) expected.delete(key);
    else expected.set(key, left - 1);
    valid++;
    outstanding--;
    lastReply = wallNow();
  } else {
    errors++;
    if (errorSamples.length < 5) errorSamples.push({ chat_id: p.chat_id, text: text.slice(0, 80) });
  }
  answer(res, fakeMessage(chat, text, msgId++));
  if (outstanding === 0 && !done) {
    done = true;
    process.send({ type: 'done', firstPoll, lastReply, valid, errors, errorSamples, methods: { ...methods } });
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const slash = req.url.lastIndexOf('/');
    const method = req.url.slice(slash + 1).split('?')[0];
    methods[method] = (methods[method] ?? 0) + 1;
    let p;
    try {
      p = parseBody(req, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      const q = req.url.indexOf('?');
      if (q >= 0) Object.assign(p, Object.fromEntries(new URLSearchParams(req.url.slice(q + 1))));
    } catch {
      return fail(res, 400, 'Bad Request: cannot parse body');
    }
    switch (method) {
      case 'getUpdates':
        return getUpdates(res, p);
      case 'sendMessage':
        return sendMessage(res, p);
      case 'getMe':
        return answer(res, BOT_USER);
      case 'getWebhookInfo':
        return answer(res, { url: '', has_custom_certificate: false, pending_update_count: 0 });
      case 'deleteWebhook':
      case 'setWebhook':
      case 'setMyCommands':
      case 'close':
      case 'logOut':
        return answer(res, true);
      default:
        return fail(res, 404, 'Not Found: method not found');
    }
  });
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.requestTimeout = 0;

process.on('message', (msg) => {
  if (msg.cmd === 'load') {
    reset(msg.count);
    process.send({ type: 'loaded' });
  } else if (msg.cmd === 'status')
    process.send({ type: 'status', valid, errors, errorSamples, outstanding, methods: { ...methods }, head });
  else if (msg.cmd === 'exit') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
