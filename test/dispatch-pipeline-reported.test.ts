// Edges of the update pipeline (src/dispatch/pipeline.ts) users meet: a filter that throws while
// a `/cmd@name` is walked before the bot's username is known (the first update after start) is
// reported like any other handler error; an async handler of such an update has finished when
// `processNewUpdates` resolves; a `botInfo` the user set spares the getMe call; a function
// middleware failing under `suppressMiddlewareExceptions` leaves a warning saying the update was
// skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { recordErrorMessages, withLogs } from './helpers.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('a filter throwing on /cmd@name before getMe is answered is reported, and the next update is handled', async () => {
  const { messages, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ exceptionHandler });
  const seen: string[] = [];
  bot.handleMsg(
    {
      commands: ['start'],
      func: (message) => {
        if (message.text!.includes('boom')) throw new Error('filter failed');
        return true;
      },
    },
    (message) => {
      seen.push(message.text!);
    },
  );
  emu.pushMessage('/start@botte_test_bot boom', { chatType: 'group' });
  emu.pushMessage('/start@botte_test_bot ok', { chatType: 'group' });
  await feed();
  assert.equal(emu.callsOf('getMe').length, 1, 'the username was asked while walking the first update');
  assert.deepEqual(seen, ['/start@botte_test_bot ok']);
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /filter failed/);
});

test('an async handler of /cmd@name walked before getMe is answered has finished when processNewUpdates resolves', async () => {
  const { bot, feed } = harness.setup();
  bot.handleMsg({ commands: ['start'] }, async (message) => {
    await bot.sendMessage(message.chat.id, 'first');
    await bot.sendMessage(message.chat.id, 'second');
  });
  emu.pushMessage('/start@botte_test_bot', { chatType: 'group' });
  await feed();
  assert.deepEqual(
    emu.callsOf('sendMessage').map((call) => call.params.text),
    ['first', 'second'],
  );
});

test('a botInfo set by hand (getMe cached by the user) answers /cmd@name without a getMe call', async () => {
  const { bot: asker } = harness.setup();
  const me = await asker.user;
  emu.clearCalls();
  const { bot, feed } = harness.setup();
  bot.botInfo = me;
  const seen: string[] = [];
  bot.handleMsg({ commands: ['start'] }, (message) => {
    seen.push(message.text!);
  });
  emu.pushMessage('/start@botte_test_bot', { chatType: 'group' });
  await feed();
  assert.deepEqual(seen, ['/start@botte_test_bot']);
  assert.equal(emu.callsOf('getMe').length, 0);
});

test('a function middleware failing under suppressMiddlewareExceptions logs that the update was skipped', async () => {
  const { messages, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ useMiddleware: true, suppressMiddlewareExceptions: true, exceptionHandler });
  const seen: string[] = [];
  bot.middlewareHandler({ updateTypes: ['message'] }, (_bot, message) => {
    if (message.text === 'bad') throw new Error('mw failed');
  });
  bot.handleMsg({}, (message) => {
    seen.push(message.text!);
  });
  emu.pushMessage('bad');
  emu.pushMessage('good');
  const warnings = await withLogs('warn', async (records) => {
    await feed();
    return records
      .filter((record) => record.levelName === 'WARNING')
      .map((record) => `${record.message}: ${(record.error as Error).message}`);
  });
  assert.deepEqual(seen, ['good']);
  assert.deepEqual(warnings, ['A function middleware failed; update skipped: mw failed']);
  assert.deepEqual(messages, [], 'a suppressed middleware error goes to the log only');
});
