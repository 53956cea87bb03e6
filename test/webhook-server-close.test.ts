// Closing the runWebhooks server: a request being handled still gets its answer; a handler
// that never finishes does not keep close() (and so bot.stopBot()) waiting forever: after 10 s
// its connection is cut (src/webhook/server.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';

const update = (id: number, text: string) =>
  JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: id, type: 'private' },
      from: { id, is_bot: false, first_name: 'T' },
      text,
    },
  });

test('close() lets a request being handled finish and answer', async () => {
  const bot = new Botte('123456:webhook-close', { validateToken: false });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const inHandler = new Promise<void>((resolve) => (started = resolve));
  bot.handleMsg({ func: () => true }, async () => {
    started();
    await gate;
  });
  const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
  const answer = fetch(server.url, { method: 'POST', body: update(1, 'slow'), keepalive: false });
  await inHandler;
  const closed = server.close();
  release();
  assert.equal((await answer).status, 200);
  await closed;
  await bot.stopBot();
});

test('close() resolves even while a handler never finishes: its connection is cut after 10 s', async () => {
  const bot = new Botte('123456:webhook-close-hung', { validateToken: false });
  let started!: () => void;
  const inHandler = new Promise<void>((resolve) => (started = resolve));
  bot.handleMsg({ func: () => true }, async () => {
    started();
    await new Promise(() => undefined); // never settles
  });
  const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
  const answer = fetch(server.url, { method: 'POST', body: update(2, 'hung') }).then(
    (response) => response.status,
    () => 'cut',
  );
  await inHandler;
  let deadline: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    server.close().then(() => 'closed'),
    new Promise((resolve) => (deadline = setTimeout(() => resolve('close() still waiting after 60 s'), 60_000))),
  ]);
  clearTimeout(deadline);
  assert.equal(outcome, 'closed');
  assert.equal(await answer, 'cut', 'the hung request got no answer: its connection was closed');
});
