// Dispatcher's own methods at their edges (src/dispatch/dispatcher.ts): handleUpdate always gives
// a promise, a non-function listener is refused, checkCustomFilters is quiet when every key is
// known, and function middlewares in each call form (pyTelegramBotAPI's list of update types
// included) return what they registered. Found by mutation testing
// (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { AdvancedCustomFilter } from '../src/dispatch/custom-filters/base.js';
import type { Message } from '../src/types/message.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('handleUpdate returns a promise, also for an update handled synchronously or by no handler', async () => {
  const { bot } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(m.text!);
  });
  const chat = { id: 1, type: 'private' as const, first_name: 'T' };
  const from = { id: 1, is_bot: false, first_name: 'T' };
  const handled = bot.handleUpdate({ update_id: 1, message: { message_id: 1, date: 1, chat, from, text: 'sync' } });
  const unhandled = bot.handleUpdate({ update_id: 2, poll_answer: { poll_id: 'p', option_ids: [] } as never });
  assert.ok(handled instanceof Promise);
  assert.ok(unhandled instanceof Promise);
  assert.equal(await handled, undefined);
  assert.equal(await unhandled, undefined);
  assert.deepEqual(seen, ['sync']);
});

test('setUpdateListener refuses what is not a function', () => {
  const { bot } = harness.setup();
  assert.throws(
    () => bot.setUpdateListener('listener' as never),
    (error: unknown) =>
      error instanceof TypeError && error.message === 'setUpdateListener: the listener must be a function',
  );
});

test('checkCustomFilters is quiet when every key a handler uses has its filter', () => {
  const { bot } = harness.setup();
  class Even extends AdvancedCustomFilter<Message, boolean> {
    key = 'evenLength';
    check(message: Message, value: boolean) {
      return ((message.text ?? '').length % 2 === 0) === value;
    }
  }
  (bot as unknown as { handleMsg(filters: object, handler: () => void): void }).handleMsg(
    { evenLength: true },
    () => undefined,
  );
  bot.addCustomFilter(new Even());
  assert.doesNotThrow(() => bot.checkCustomFilters());
});

test('function middlewares in each call form return what they register; a list of update types works as in pyTelegramBotAPI', async () => {
  const { bot, feed } = harness.setup({ useMiddleware: true });
  const seen: string[] = [];
  const whole = (_bot: unknown, update: unknown) => {
    seen.push(`whole:${typeof (update as { update_id?: unknown }).update_id}`);
  };
  const listed = (_bot: unknown, obj: unknown) => {
    seen.push(`listed:${(obj as { text?: string }).text}`);
  };
  const typed = (_bot: unknown, obj: unknown) => {
    seen.push(`typed:${(obj as { data?: string }).data}`);
  };
  assert.equal(bot.middlewareHandler(whole), whole);
  assert.equal(bot.registerMiddlewareHandler(listed, ['message']), listed);
  assert.equal(bot.middlewareHandler({ updateTypes: ['callback_query'] }, typed), typed);
  emu.pushMessage('text');
  emu.pushCallbackQuery('button');
  await feed();
  assert.deepEqual(seen, ['whole:number', 'listed:text', 'whole:number', 'typed:button']);
});
