// The shared webhook core at its edges: which failures around the handlers ask Telegram to
// deliver the update again (a 5xx `webhookStatus`, as the queue ingress of src/scale/queue.ts
// sets) and which are answered 200; that an update refused that way is handled on its next
// delivery; a thrown `null`; and the secret header given as a list (how some frameworks hand
// repeated headers over). Any object with processNewUpdates is a WebhookBot, as users may pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { webhookHandler } from '../src/webhook/index.js';
import { WebhookCore } from '../src/advanced.js';
import type { Update } from '../src/api/generated/telegram-types.js';

const post = (id: number) => new Request('http://local/', { method: 'POST', body: JSON.stringify({ update_id: id }) });

/** A bot whose processNewUpdates throws `thrown` (for every update) and records what it was given. */
function failingBot(thrown: unknown) {
  const reported: unknown[] = [];
  return {
    reported,
    bot: {
      processNewUpdates: () => Promise.reject(thrown),
      reportError: (error: unknown) => {
        reported.push(error);
        return true;
      },
    },
  };
}

test('a failure carrying webhookStatus 500..599 is answered with that status; any other is answered 200', async () => {
  const cases: Array<[unknown, number]> = [
    [500, 500],
    [503, 503],
    [599, 599],
    [499, 200],
    [600, 200],
    [200, 200],
    ['503', 200], // not a number: not a status
    [undefined, 200],
  ];
  for (const [webhookStatus, expected] of cases) {
    const error = Object.assign(new Error('ingress down'), { webhookStatus });
    const { bot, reported } = failingBot(error);
    const response = await webhookHandler(bot)(post(1));
    assert.equal(response.status, expected, `webhookStatus ${String(webhookStatus)}`);
    const body = await response.text();
    if (expected === 200) assert.equal(body, '');
    else assert.equal(body, 'Service Unavailable: the update was not taken, deliver it again');
    assert.deepEqual(reported, [error], 'the failure was reported');
  }
});

test('a thrown null or undefined (not an Error) is reported and answered 200', async () => {
  for (const thrown of [null, undefined]) {
    const { bot, reported } = failingBot(thrown);
    const response = await webhookHandler(bot)(post(2));
    assert.equal(response.status, 200, `thrown ${String(thrown)}`);
    assert.equal(reported.length, 1);
  }
});

test('an update answered 503 is handled on its next delivery; once answered 200 it is not handled again', async () => {
  const calls: number[] = [];
  let refuse = true;
  const core = new WebhookCore({
    processNewUpdates: (updates: Update[]) => {
      calls.push(updates[0]!.update_id);
      if (refuse) throw Object.assign(new Error('queue down'), { webhookStatus: 503 });
    },
    reportError: () => true,
  });
  assert.equal((await core.dispatch({ update_id: 10 })).status, 503);
  assert.equal((await core.dispatch({ update_id: 10 })).status, 503, 'delivered again: tried again');
  refuse = false;
  assert.equal((await core.dispatch({ update_id: 10 })).status, 200);
  assert.equal((await core.dispatch({ update_id: 10 })).status, 200);
  assert.deepEqual(calls, [10, 10, 10], 'tried on each refused delivery, then once more, then skipped');
});

test('two deliveries of one update at the same time share one handling and one answer', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const core = new WebhookCore({
    processNewUpdates: async () => {
      calls++;
      await gate;
    },
  });
  const first = core.dispatch({ update_id: 20 });
  const second = core.dispatch({ update_id: 20 });
  assert.equal(first, second, 'the second delivery waits for the first one');
  release();
  assert.deepEqual(await first, { status: 200, body: '' });
  assert.equal(calls, 1);
});

test('precheck: the secret header as a list (repeated header) is checked on its first value', () => {
  const core = new WebhookCore({ processNewUpdates: () => undefined }, { secretToken: 'right' });
  assert.equal(core.precheck('POST', ['right', 'other']), undefined);
  assert.equal(core.precheck('POST', ['wrong', 'right'])?.status, 401);
  assert.equal(core.precheck('POST', [])?.status, 401);
  assert.equal(core.precheck('POST', 'right'), undefined);
  assert.equal(core.precheck('POST', null)?.status, 401);
});

test('precheck: a declared Content-Length above maxBodyBytes is refused before reading; at the limit or absent it is not', () => {
  const core = new WebhookCore({ processNewUpdates: () => undefined }, { maxBodyBytes: 100 });
  assert.deepEqual(core.precheck('POST', undefined, '101'), { status: 413, body: 'Payload Too Large' });
  assert.equal(core.precheck('POST', undefined, '100'), undefined);
  assert.equal(core.precheck('POST', undefined, ''), undefined);
  assert.equal(core.precheck('POST', undefined, null), undefined);
  assert.equal(core.precheck('POST', undefined), undefined);
  // The default limit is 1 MB.
  const byDefault = new WebhookCore({ processNewUpdates: () => undefined });
  assert.equal(byDefault.maxBodyBytes, 1024 * 1024);
  assert.equal(byDefault.precheck('POST', undefined, String(1024 * 1024)), undefined);
  assert.equal(byDefault.precheck('POST', undefined, String(1024 * 1024 + 1))?.status, 413);
});

test('parse reads a Uint8Array that is a view into a larger buffer (only its own bytes)', () => {
  const core = new WebhookCore({ processNewUpdates: () => undefined });
  const json = Buffer.from('xxxx{"update_id":42}yyyy');
  const view = new Uint8Array(json.buffer, json.byteOffset + 4, json.length - 8);
  assert.deepEqual(core.parse(view), { update_id: 42 });
  assert.deepEqual(core.parse('{"update_id":43}'), { update_id: 43 });
  assert.equal((core.parse('{"update_id":1.5}') as { status?: number }).status, 400, 'not an integer id');
});
