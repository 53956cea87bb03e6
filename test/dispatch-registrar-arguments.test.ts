// The registrars' argument handling (src/dispatch/registrars.ts): what they return, `null` filters,
// clear TypeErrors naming the registrar for bad filters and handlers (in each call form), their
// names as functions, and one warning per call site for decorators never applied. Found by
// mutation testing (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sleep } from './helpers.js';
import { useDispatchHarness } from './dispatch-harness.js';
import { logger } from '../src/logger.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('registrars return the handler (also through the decorator), and null filters mean none', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  const first = (m: { text?: string }) => {
    seen.push(`null filters:${m.text}`);
  };
  const second = (m: { text?: string }) => {
    seen.push(`twin:${m.text}`);
  };
  const third = (m: { text?: string }) => {
    seen.push(`decorated:${m.text}`);
  };
  assert.equal(bot.handleMsg(null as never, first), first);
  assert.equal(bot.registerEditedMessageHandler(second, null as never), second);
  assert.equal(bot.channelPostHandler({})(third), third);
  const sent = emu.pushMessage('hello');
  emu.pushMessage('edited', { editOf: (sent.message as { message_id: number }).message_id });
  emu.pushMessage('post', { chatType: 'channel', chatId: -1001 });
  await feed();
  assert.deepEqual(seen, ['null filters:hello', 'twin:edited', 'decorated:post']);
});

test('bad filters and handlers are refused with a TypeError naming the registrar and what it got', () => {
  const { bot } = harness.setup();
  const refused = (run: () => unknown, message: string) =>
    assert.throws(run, (error: unknown) => error instanceof TypeError && error.message === message);
  refused(
    () => bot.handleMsg('start' as never, () => undefined),
    'handleMsg: filters must be an object or a predicate function, got string',
  );
  refused(
    () => bot.registerCallbackQueryHandler(() => undefined, 42 as never),
    'registerCallbackQueryHandler: filters must be an object or a predicate function, got number',
  );
  refused(() => bot.pollHandler({}, 'x' as never), 'pollHandler: the handler must be a function, got string');
  refused(() => bot.pollHandler({})(undefined as never), 'pollHandler: the handler must be a function, got undefined');
  refused(
    () => bot.registerPollAnswerHandler({} as never),
    'registerPollAnswerHandler: the handler must be a function, got object',
  );
});

test('registrars carry their own names; the pyTelegramBotAPI aliases are the same functions', () => {
  const { bot } = harness.setup();
  assert.equal(bot.handleMsg.name, 'handleMsg');
  assert.equal(bot.registerMessageHandler.name, 'registerMessageHandler');
  assert.equal(bot.chatBoostHandler.name, 'chatBoostHandler');
  assert.equal(bot.registerChatBoostHandler.name, 'registerChatBoostHandler');
  assert.equal(bot.messageHandler, bot.handleMsg);
  assert.equal(bot.editedMessageHandler, bot.editedHandleMsg);
});

test('decorators never applied warn once per call site, each site with its own line', async () => {
  const { bot } = harness.setup();
  const logged: string[] = [];
  const level = logger.getLevel();
  logger.setOutput((record) => logged.push(String(record.message))).setLevel('warn');
  try {
    for (let i = 0; i < 2; i++) {
      bot.pollHandler({});
      bot.pollAnswerHandler({});
    }
    // The warning comes one tick later: wait for it (a bounded wait, not a timing assertion).
    for (let i = 0; i < 100 && logged.length < 2; i++) await sleep(5);
  } finally {
    logger.setOutput(null).setLevel(level);
  }
  assert.equal(logged.length, 2, logged.join('\n'));
  const lines = logged.map((message) => /dispatch-registrar-arguments\.test\.ts:(\d+)/.exec(message)?.[1]);
  assert.ok(lines[0] !== undefined && lines[1] !== undefined && lines[0] !== lines[1], logged.join('\n'));
  // The call site is the stack line itself, trimmed: no run of spaces from the stack's indentation.
  assert.match(logged[0]!, /^bot\.pollHandler\(\.\.\.\) at \S/);
  assert.match(logged[1]!, /^bot\.pollAnswerHandler\(\.\.\.\) at /);
});
