/**
 * The raw floor: no framework. lib/raw-router.mjs routes, lib/raw-client.mjs talks HTTP.
 * Polling: getUpdates, then all the batch's sendMessage calls concurrently, then the next
 * getUpdates (sequential per batch, concurrent within a batch, like Telegraf's polling).
 * Webhook: node:http server that parses the update, awaits its sendMessage, answers 200.
 */
import { TOKEN } from '../lib/logic.mjs';
import { handleUpdate } from '../lib/raw-router.mjs';

export const label = 'raw node:http';

export async function construct(apiRoot = 'http://127.0.0.1:9') {
  const { createClient } = await import('../lib/raw-client.mjs');
  return createClient(apiRoot, TOKEN);
}

export async function dispatch(send) {
  return (batch) => Promise.all(batch.map((u) => handleUpdate(u, send)));
}

export async function polling(apiRoot) {
  const call = await construct(apiRoot);
  const send = (chat_id, text) => call('sendMessage', { chat_id, text });
  async function loop() {
    let offset;
    for (;;) {
      const updates = await call('getUpdates', { offset, limit: 100, timeout: 30 });
      if (updates.length === 0) continue;
      offset = updates[updates.length - 1].update_id + 1;
      await Promise.all(updates.map((u) => handleUpdate(u, send)));
    }
  }
  return {
    start: () => {
      loop().catch((e) => console.error('raw polling', e));
    },
  };
}

export async function webhook(apiRoot, port) {
  const http = await import('node:http');
  const call = await construct(apiRoot);
  const send = (chat_id, text) => call('sendMessage', { chat_id, text });
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let update;
      try {
        update = JSON.parse(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch {
        res.writeHead(400).end();
        return;
      }
      Promise.resolve(handleUpdate(update, send)).then(
        () => {
          res.writeHead(200, { 'content-length': 0 }).end();
        },
        (e) => {
          console.error('raw webhook', e);
          res.writeHead(500).end();
        },
      );
    });
  });
  server.keepAliveTimeout = 120_000;
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { close: () => server.close() };
}
