// The steps of one update's handling at their edges: listeners, next-step and reply callbacks that
// really wait (a Bot API call) are waited for and their late errors reported; next-step handlers
// wait for new messages only (not edits); a `/cmd@name` that arrives while getMe fails is reported
// and is not taken for ours. Found by mutation testing (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import type { Message } from '../src/types/message.js';
import { recordErrorMessages } from './helpers.js';

const harness = await useDispatchHarness();
const { emu } = harness;

function reportingBot(options: Parameters<typeof harness.setup>[0] = {}) {
  const { messages: reported, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ ...options, exceptionHandler });
  return { bot, feed, reported };
}

test('an update listener that awaits a Bot API call finishes before the handlers; its late error is reported', async () => {
  const { bot, feed, reported } = reportingBot();
  const seen: string[] = [];
  bot.setUpdateListener(async (messages) => {
    await bot.getMe();
    seen.push(`listener:${messages[0]!.text}`);
    if (messages[0]!.text === 'fail') throw new Error('late listener failure');
  });
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  emu.pushMessage('ok');
  emu.pushMessage('fail');
  await feed();
  assert.deepEqual(seen, ['listener:ok', 'handler:ok', 'listener:fail', 'handler:fail']);
  assert.deepEqual(reported, ['late listener failure']);
});

test('next-step and reply callbacks that await a Bot API call are waited for; their late errors are reported', async () => {
  const { bot, feed, reported } = reportingBot();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  await bot.registerNextStepHandlerByChatId(2001, async (m: Message) => {
    await bot.getMe();
    seen.push(`step:${m.text}`);
    throw new Error('late step failure');
  });
  const question = await bot.sendMessage(2002, 'Reply to me');
  await bot.registerForReply(question, async (m: Message) => {
    await bot.getMe();
    seen.push(`reply:${m.text}`);
    throw new Error('late reply failure');
  });
  emu.pushMessage('to the step', { chatId: 2001, userId: 2001 });
  emu.pushMessage('the reply', { chatId: 2002, userId: 2002, replyToMessage: question.message_id });
  emu.pushMessage('after', { chatId: 2001, userId: 2001 });
  await feed();
  assert.deepEqual(seen, ['step:to the step', 'reply:the reply', 'handler:the reply', 'handler:after']);
  assert.deepEqual(reported, ['late step failure', 'late reply failure']);
});

test('a next-step handler waits for a new message: an edit in its chat goes to the edit handlers', async () => {
  const { bot, feed } = reportingBot();
  const seen: string[] = [];
  bot.editedHandleMsg({}, (m) => {
    seen.push(`edited:${m.text}`);
  });
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  const first = emu.pushMessage('first', { chatId: 2003, userId: 2003 });
  await feed();
  await bot.registerNextStepHandlerByChatId(2003, (m: Message) => {
    seen.push(`step:${m.text}`);
  });
  emu.pushMessage('first, edited', { chatId: 2003, userId: 2003, editOf: (first.message as Message).message_id });
  emu.pushMessage('second', { chatId: 2003, userId: 2003 });
  await feed();
  assert.deepEqual(seen, ['handler:first', 'edited:first, edited', 'step:second']);
});

test('/cmd@name while getMe fails: the failure is reported and the command is not taken for ours', async () => {
  const { bot, feed, reported } = reportingBot();
  const seen: string[] = [];
  bot.handleMsg({ commands: ['start'] }, (m) => {
    seen.push(`cmd:${m.text}`);
  });
  bot.handleMsg({}, (m) => {
    seen.push(`other:${m.text}`);
  });
  emu.injectFault({ method: 'getMe', kind: 'unauthorized' });
  emu.pushMessage('/start@bot', { chatType: 'group' });
  await feed();
  assert.deepEqual(seen, ['other:/start@bot']);
  assert.equal(reported.length, 1);
  assert.match(reported[0]!, /401|Unauthorized/i);
  // getMe answers again: the next `/start@<our name>` is ours.
  const me = await bot.getMe();
  emu.pushMessage(`/start@${me.username}`, { chatType: 'group' });
  await feed();
  assert.deepEqual(seen, ['other:/start@bot', `cmd:/start@${me.username}`]);
});
