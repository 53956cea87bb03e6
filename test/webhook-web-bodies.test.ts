// The Web-standard handler (Deno, Bun, Workers, Next.js, Hono) and the bodies it can be given:
// none at all, a stream in many pieces, an endless stream (refused and cancelled, not read to its
// end), a stream that breaks half-way (a client gone: 500, reported, never thrown). Real
// Request/Response objects with ReadableStream bodies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webhookHandler } from '../src/webhook/index.js';
import type { Update } from '../src/api/generated/telegram-types.js';

const encoder = new TextEncoder();

function recorder() {
  const updates: Update[] = [];
  const reported: unknown[] = [];
  return {
    updates,
    reported,
    bot: {
      processNewUpdates: (given: Update[]) => {
        updates.push(...given);
      },
      reportError: (error: unknown) => {
        reported.push(error);
        return true;
      },
    },
  };
}

/** A POST whose body is `stream` (Node needs duplex: 'half' for a streamed request body). */
function streamed(stream: ReadableStream<Uint8Array>): Request {
  return new Request('http://local/hook', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
}

test('a POST without a body is a 400 (not valid JSON), not a crash', async () => {
  const { bot, reported } = recorder();
  const response = await webhookHandler(bot)(new Request('http://local/hook', { method: 'POST' }));
  assert.deepEqual([response.status, await response.text()], [400, 'Bad Request: the body is not valid JSON']);
  assert.deepEqual(reported, []);
});

test('a body streamed in many pieces is read whole, in order', async () => {
  const { bot, updates } = recorder();
  const text = 'abcdefghij'.repeat(30);
  const json = JSON.stringify({
    update_id: 77,
    message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text },
  });
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < json.length; at += 37) pieces.push(encoder.encode(json.slice(at, at + 37)));
  const response = await webhookHandler(bot)(
    streamed(
      new ReadableStream({
        start(controller) {
          for (const piece of pieces) controller.enqueue(piece);
          controller.close();
        },
      }),
    ),
  );
  assert.equal(response.status, 200);
  assert.equal(updates.length, 1);
  assert.equal(updates[0]!.message?.text, text);
});

test('an endless body is refused with 413 once past maxBodyBytes, and the stream is cancelled', async () => {
  const { bot, updates } = recorder();
  let pulls = 0;
  let cancelled = false;
  const endless = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls++;
      controller.enqueue(new Uint8Array(100).fill(32));
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = await webhookHandler(bot, { maxBodyBytes: 1000 })(streamed(endless));
  assert.deepEqual([response.status, await response.text()], [413, 'Payload Too Large']);
  assert.ok(pulls < 100, `read ${pulls} pieces of 100 bytes for a 1000-byte limit`);
  // The cancel reaches the source through the Request's own stream: give it a few turns.
  for (let turn = 0; turn < 50 && !cancelled; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.equal(cancelled, true, 'the endless stream was cancelled');
  assert.equal(updates.length, 0);
});

test('a body stream that breaks half-way is answered 500 and reported, never thrown', async () => {
  const { bot, updates, reported } = recorder();
  let sent = false;
  const broken = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(encoder.encode('{"update_id":'));
      } else controller.error(new Error('client went away'));
    },
  });
  const response = await webhookHandler(bot)(streamed(broken));
  assert.deepEqual([response.status, await response.text()], [500, 'Internal Server Error']);
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
  assert.equal(reported.length, 1);
  assert.match(String((reported[0] as Error).message), /client went away/);
  assert.equal(updates.length, 0);
});
