// The walk over the candidate handlers (src/dispatch/handler-walk.ts) at its edges: after the
// command handlers of a command are used up (filtered out, or continued past), the general
// handlers declared later still run; a message of a kind from a newer Bot API (no known
// content type) reaches only handlers without a content-type filter. Found by mutation testing
// (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { ContinueHandling } from '../src/dispatch/handler-backends.js';
import { recordErrors } from './helpers.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('when the handlers of a command are used up, the general handlers declared after them run', async () => {
  const { errors: reported, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ exceptionHandler });
  const seen: string[] = [];
  bot.handleMsg({ commands: ['start'], func: (m) => m.text === '/start yes' }, (m) => {
    seen.push(`start:${m.text}`);
  });
  bot.handleMsg({ commands: ['go'] }, (m) => {
    seen.push(`go:${m.text}`);
    return new ContinueHandling();
  });
  bot.handleMsg({}, (m) => {
    seen.push(`general:${m.text}`);
  });
  emu.pushMessage('/start yes');
  emu.pushMessage('/start no');
  emu.pushMessage('/go');
  await feed();
  assert.deepEqual(seen, ['start:/start yes', 'general:/start no', 'go:/go', 'general:/go']);
  assert.deepEqual(reported, []);
});

test('a message of a kind from a newer Bot API reaches only handlers without a content-type filter', async () => {
  const { errors: reported, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ exceptionHandler });
  const seen: string[] = [];
  bot.handleMsg({}, () => {
    seen.push('text handler');
  });
  bot.handleMsg({ contentTypes: ['photo'] }, () => {
    seen.push('photo handler');
  });
  bot.handleMsg({ func: () => true }, () => {
    seen.push('func handler (text by default)');
  });
  bot.registerMessageHandler(
    (m) => {
      seen.push(`every content type:${m.content_type}`);
      return new ContinueHandling();
    },
    { func: () => true },
  );
  bot.registerMessageHandler((m) => {
    seen.push(`every content type, no filter:${m.content_type}`);
  });
  emu.pushMessage(undefined, { extra: { future_kind: { id: 1 } } });
  await feed();
  assert.deepEqual(seen, ['every content type:undefined', 'every content type, no filter:undefined']);
  assert.deepEqual(reported, []);
});
