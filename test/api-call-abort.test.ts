// A call given an AbortSignal fails the same way wherever the abort finds it: in the request,
// waiting for its flood-control turn, or in the pause before a retry. The user sees an
// ApiHTTPException with code ABORTED and nothing is sent afterwards. Real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiClient } from '../src/api/client.js';
import { ApiHTTPException } from '../src/api/errors.js';
import { waitFor } from './helpers.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator({ silent: true, resetEachTest: true }); // retries log a warning each

const isAborted = (method: string) => (error: unknown) => {
  assert.ok(error instanceof ApiHTTPException, `expected an ApiHTTPException, got ${String(error)}`);
  assert.equal(error.code, 'ABORTED');
  assert.equal(error.method, method);
  return true;
};

test('aborted while waiting for its flood-control turn: ABORTED, and the message is never sent', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: { privatePerSecond: 1 / 3600 } });
  try {
    await bot.sendMessage(5, 'first');
    const controller = new AbortController();
    const second = bot.callApi('sendMessage', { chat_id: 5, text: 'second' }, { signal: controller.signal });
    controller.abort(new Error('the user gave up'));
    await assert.rejects(second, isAborted('sendMessage'));
    await assert.rejects(
      bot.callApi('sendMessage', { chat_id: 5, text: 'third' }, { signal: AbortSignal.timeout(200) }),
      isAborted('sendMessage'),
    );
    assert.deepEqual(
      emu.callsOf('sendMessage').map((c) => c.params.text),
      ['first'],
    );
  } finally {
    await bot.closeSession();
  }
});

test('aborted in the pause before a retry: ABORTED, and no retry is sent', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl });
  try {
    // Telegram asks for a 30 s pause (within the default 60 s cap): the retry waits for it.
    emu.injectFault({ method: 'getMe', kind: 'too-many-requests', retryAfter: 30 });
    const controller = new AbortController();
    const call = bot.callApi('getMe', undefined, { signal: controller.signal });
    await waitFor(() => emu.callsOf('getMe').length === 1, { timeoutMs: 20_000, message: 'getMe was never sent' });
    controller.abort();
    await assert.rejects(call, isAborted('getMe'));
    assert.equal(emu.callsOf('getMe').length, 1, 'no retry after the abort');
  } finally {
    await bot.closeSession();
  }
});

test('with flood control, aborted in the shared 429 pause: ABORTED too', async () => {
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, floodControl: true });
  try {
    emu.injectFault({ method: 'getChat', kind: 'too-many-requests', retryAfter: 30 });
    const controller = new AbortController();
    const call = bot.callApi('getChat', { chat_id: 1 }, { signal: controller.signal });
    await waitFor(() => emu.callsOf('getChat').length === 1, { timeoutMs: 20_000, message: 'getChat was never sent' });
    controller.abort();
    await assert.rejects(call, isAborted('getChat'));
    assert.equal(emu.callsOf('getChat').length, 1, 'no retry after the abort');
  } finally {
    await bot.closeSession();
  }
});
