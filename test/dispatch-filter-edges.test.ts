// Edge cases of filters that users meet with unusual updates or misplaced keys: a message-only
// key on a callback query handler is refused with a hint naming it, a game callback query (no
// data) passes no callbackData filter, and ChatFilter with an empty username field.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { ChatFilter } from '../src/dispatch/custom-filters/index.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('each message-only key on a callback query handler is refused with a hint naming it', async () => {
  const { bot, feed } = harness.setup({ exceptionHandler: () => true });
  emu.pushMessage('first update: dispatch has started');
  await feed();
  for (const key of ['contentTypes', 'commands', 'regexp', 'chatTypes']) {
    assert.throws(
      () => bot.callbackQueryHandler({ [key]: ['x'] } as never, () => {}),
      new RegExp(`unknown filter key "${key}".*"${key}" is a filter of message handlers only`),
      key,
    );
  }
});

test('a callback query without data (a game) passes no callbackData filter', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.callbackQueryHandler({ callbackData: /.*/ }, () => {
    seen.push('regexp');
  });
  bot.callbackQueryHandler({ callbackData: '' }, () => {
    seen.push('string');
  });
  bot.callbackQueryHandler({}, (query) => {
    seen.push(`any:${query.game_short_name}`);
  });
  emu.pushUpdate({
    callback_query: {
      id: 'g1',
      from: { id: 4, is_bot: false, first_name: 'G' },
      chat_instance: 'ci',
      game_short_name: 'tetris',
      inline_message_id: 'im',
    },
  } as never);
  await feed();
  assert.deepEqual(seen, ['any:tetris']);
});

describe('ChatFilter', () => {
  it('a chat whose username field is present but empty matches no @username', () => {
    const f = new ChatFilter();
    const message = (chat: Record<string, unknown>) => ({ message_id: 1, date: 1, chat, text: 'x' });
    assert.equal(f.check(message({ id: 5, type: 'private', username: undefined }), ['@undefined']), false);
    assert.equal(f.check(message({ id: 5, type: 'private', username: '' }), ['@']), false);
    assert.equal(f.check(message({ id: 5, type: 'private', username: 'Shop' }), ['@shop']), true);
  });
});
