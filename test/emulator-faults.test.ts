import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';

async function raw(
  emu: BotApiEmulator,
  method: string,
  params: Record<string, unknown> = {},
): Promise<{ status: number; text: string; type: string | null }> {
  const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, text: await res.text(), type: res.headers.get('content-type') };
}

/** A small deterministic PRNG (mulberry32) so probability tests are reproducible. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('emulator faults', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
  });
  after(() => emu.stop());
  beforeEach(() => emu.reset());

  it('http-500 fails once by default, then the method works again', async () => {
    emu.injectFault({ method: 'getMe', kind: 'http-500' });
    const failed = await raw(emu, 'getMe');
    assert.equal(failed.status, 500);
    assert.deepEqual(JSON.parse(failed.text), { ok: false, error_code: 500, description: 'Internal Server Error' });
    assert.equal((await raw(emu, 'getMe')).status, 200);
    assert.deepEqual(
      emu.calls.map((c) => c.fault),
      ['http-500', undefined],
    );
    assert.equal(emu.calls[0]!.status, 500);
  });

  it('http-502 answers nginx HTML', async () => {
    emu.injectFault({ kind: 'http-502' });
    const failed = await raw(emu, 'sendMessage', { chat_id: 1, text: 'x' });
    assert.equal(failed.status, 502);
    assert.match(failed.text, /<h1>502 Bad Gateway<\/h1>/);
  });

  it('reset destroys the socket without an answer, and the call is recorded', async () => {
    emu.injectFault({ method: 'sendMessage', kind: 'reset' });
    await assert.rejects(raw(emu, 'sendMessage', { chat_id: 1, text: 'x' }));
    assert.equal(emu.calls[0]!.fault, 'reset');
    assert.equal(emu.calls[0]!.params.text, 'x');
    assert.equal((await raw(emu, 'getMe')).status, 200);
  });

  it('invalid-json answers 200 with HTML or with truncated JSON', async () => {
    emu.injectFault({ kind: 'invalid-json' });
    emu.injectFault({ kind: 'invalid-json', body: 'truncated' });
    const html = await raw(emu, 'getMe');
    assert.equal(html.status, 200);
    assert.match(html.text, /^<html>Bad Gateway/);
    const truncated = await raw(emu, 'getMe');
    assert.equal(truncated.type, 'application/json');
    assert.throws(() => JSON.parse(truncated.text), SyntaxError);
  });

  it('too-many-requests answers 429 with retry_after', async () => {
    emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 7 });
    const failed = await raw(emu, 'sendMessage', { chat_id: 1, text: 'x' });
    assert.equal(failed.status, 429);
    assert.deepEqual(JSON.parse(failed.text), {
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 7',
      parameters: { retry_after: 7 },
    });
  });

  it('slow delays the answer, then processes the call', async () => {
    emu.injectFault({ method: 'sendMessage', kind: 'slow', delayMs: 300 });
    const started = Date.now();
    const answer = await raw(emu, 'sendMessage', { chat_id: 1, text: 'late' });
    assert.ok(Date.now() - started >= 290);
    assert.equal(JSON.parse(answer.text).result.text, 'late');
    assert.equal(emu.calls[0]!.fault, 'slow');
  });

  it('conflict and unauthorized answer like Telegram', async () => {
    emu.injectFault({ method: 'getUpdates', kind: 'conflict' });
    emu.injectFault({ method: 'getMe', kind: 'unauthorized' });
    const conflict = await raw(emu, 'getUpdates');
    assert.equal(conflict.status, 409);
    assert.equal(
      JSON.parse(conflict.text).description,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    assert.deepEqual(JSON.parse((await raw(emu, 'getMe')).text), {
      ok: false,
      error_code: 401,
      description: 'Unauthorized',
    });
  });

  it('a faulted getUpdates confirms nothing', async () => {
    const [first] = emu.pushUpdates([{ message: { text: 'a' } }, { message: { text: 'b' } }]);
    for (const kind of ['http-500', 'reset', 'invalid-json', 'too-many-requests', 'conflict'] as const) {
      emu.injectFault({ method: 'getUpdates', kind });
      await raw(emu, 'getUpdates', { offset: first!.update_id + 2 }).catch(() => undefined);
      assert.equal(emu.pendingUpdates().length, 2, kind);
      assert.equal(emu.confirmedOffset, 0, kind);
    }
    const ok = await raw(emu, 'getUpdates', { offset: first!.update_id + 1 });
    assert.equal(JSON.parse(ok.text).result.length, 1);
    assert.equal(emu.confirmedOffset, first!.update_id + 1);
  });

  it('times and probability (with a seeded random) select the failing calls', async () => {
    emu.injectFault({ method: 'getMe', kind: 'http-500', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await raw(emu, 'getMe')).status);
    assert.deepEqual(statuses, [500, 500, 200]);

    const run = async (): Promise<number[]> => {
      emu.clearFaults();
      emu.injectFault({ method: 'getMe', kind: 'http-500', probability: 0.3, random: seeded(42) });
      const out = [];
      for (let i = 0; i < 20; i++) out.push((await raw(emu, 'getMe')).status);
      return out;
    };
    const a = await run();
    assert.deepEqual(await run(), a);
    const failures = a.filter((s) => s === 500).length;
    assert.ok(failures > 0 && failures < 20, `failures: ${failures}`);
    emu.clearFaults();
    assert.equal((await raw(emu, 'getMe')).status, 200);
  });

  it('rejects invalid fault specs early', () => {
    assert.throws(() => emu.injectFault({ kind: 'explode' as never }), TypeError);
    assert.throws(() => emu.injectFault({ kind: 'http-500', method: 'noSuchMethod' }), TypeError);
    assert.throws(() => emu.injectFault({ kind: 'http-500', probability: 2 }), TypeError);
  });

  it('a slow answer still pending at stop() is cut off', async () => {
    const other = await BotApiEmulator.start();
    other.injectFault({ kind: 'slow', delayMs: 20_000 });
    const pending = fetch(`${other.url}/bot${other.token}/getMe`).then(
      () => 'answered',
      () => 'failed',
    );
    await other.waitForRequest('getMe');
    const started = Date.now();
    await other.stop();
    assert.equal(await pending, 'failed');
    assert.ok(Date.now() - started < 3000);
  });
});
