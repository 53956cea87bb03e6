// Command parsing at its edges: messages without text next to command handlers, `/cmd@name` on a
// bot without command handlers (no getMe asked), getMe failing, and getMe answers holding only
// some usable names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TelegramError } from '../src/testing/index.js';
import { useDispatchHarness } from './dispatch-harness.js';
import { recordErrors } from './helpers.js';
import { logger } from '../src/logger.js';

const harness = await useDispatchHarness();
const { emu } = harness;

const photo = { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] };

/** A bot with a `/start` handler and a catch-all, recording which ran and every error reported. */
function commandBot() {
  const { errors, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ exceptionHandler });
  const seen: string[] = [];
  bot.handleMsg({ commands: ['start'] }, (m) => {
    seen.push(`start:${m.text}`);
  });
  bot.handleMsg({ contentTypes: ['text', 'photo'] }, (m) => {
    seen.push(`other:${m.text ?? m.content_type}`);
  });
  return { bot, feed, seen, errors };
}

test('a message without text or caption reaches the other handlers when command handlers exist', async () => {
  const { feed, seen, errors } = commandBot();
  emu.pushMessage(undefined, { extra: photo });
  emu.pushMessage('/start');
  await feed();
  assert.deepEqual(errors, []);
  assert.deepEqual(seen, ['other:photo', 'start:/start']);
});

test('a bot without command handlers does not ask getMe for /cmd@name', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(m.text);
  });
  emu.pushMessage('/start@someone_bot', { chatType: 'group' });
  await feed();
  assert.deepEqual(seen, ['/start@someone_bot']);
  assert.equal(emu.callsOf('getMe').length, 0);
});

test('when getMe fails, /cmd@name is treated as meant for another bot (and the failure reported)', async () => {
  emu.onMethod('getMe', () => {
    throw new TelegramError(500, 'Internal Server Error: getMe is down');
  });
  const level = logger.getLevel();
  logger.setLevel('silent');
  try {
    const { feed, seen, errors } = commandBot();
    emu.pushMessage('/start@botte_test_bot', { chatType: 'group' });
    await feed();
    assert.deepEqual(seen, ['other:/start@botte_test_bot']);
    assert.equal(errors.length, 1);
    assert.match(String(errors[0]), /getMe is down/);
  } finally {
    logger.setLevel(level);
  }
});

test('a getMe answer without a username or with a non-string active username still names the bot', async () => {
  emu.onMethod('getMe', () => ({
    id: 1,
    is_bot: true,
    first_name: 'Odd',
    active_usernames: [null, 'Second_Name_Bot'],
  }));
  const { feed, seen, errors } = commandBot();
  emu.pushMessage('/start@second_name_bot', { chatType: 'group' });
  emu.pushMessage('/start@botte_test_bot', { chatType: 'group' });
  await feed();
  assert.deepEqual(errors, []);
  assert.deepEqual(seen, ['start:/start@second_name_bot', 'other:/start@botte_test_bot']);
});
