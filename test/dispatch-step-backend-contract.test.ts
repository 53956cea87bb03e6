// What a next-step / reply backend of one's own is given and must have, and that waiting handlers
// of other chats or messages neither run nor raise errors for the messages that pass them by.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { recordErrors } from './helpers.js';
import type { StepEntry } from '../src/states/step-backends.js';
import type { Message } from '../src/types/message.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('a backend missing any one of register, take and clear is refused', () => {
  const method = async () => {};
  for (const backend of [
    { take: method, clear: method },
    { register: method, clear: method },
    { register: method, take: method },
  ]) {
    assert.throws(() => harness.setup({ nextStepBackend: backend as never }), {
      name: 'TypeError',
      message: 'options.nextStepBackend must have register(key, entry), take(key) and clear(key) methods',
    });
    assert.throws(() => harness.setup({ replyBackend: backend as never }), {
      name: 'TypeError',
      message: 'options.replyBackend must have register(key, entry), take(key) and clear(key) methods',
    });
  }
});

test("a reply backend of one's own gets a chatId only when the chat is known", async () => {
  const given: Record<string, StepEntry> = {};
  const replyBackend = {
    async register(key: string, entry: StepEntry) {
      given[key] = entry;
    },
    take: async () => [],
    clear: async () => {},
  };
  const { bot } = harness.setup({ replyBackend });
  const question = await bot.sendMessage(1001, 'Reply to me');
  await bot.registerForReply(question, () => {});
  await bot.registerForReplyByMessageId(4242, () => {});
  // A backend that stores each field (a Redis hash, a database row) must not be handed an
  // explicit `chatId: undefined`.
  assert.deepEqual(Object.keys(given[String(question.message_id)]!).sort(), ['args', 'callback', 'chatId']);
  assert.equal(given[String(question.message_id)]!.chatId, 1001);
  assert.deepEqual(Object.keys(given['4242']!).sort(), ['args', 'callback']);
});

test('messages that pass waiting handlers of other chats and messages by raise no error', async () => {
  const { errors, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ exceptionHandler });
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.chat.id}:${m.text}`);
  });
  // A next step waits for chat 1001, a reply handler for a message of chat 2002.
  await bot.registerNextStepHandlerByChatId(1001, (m: Message) => {
    seen.push(`step:${m.text}`);
  });
  const question = await bot.sendMessage(2002, 'Reply to me');
  await bot.registerForReply(question, (m: Message) => {
    seen.push(`reply:${m.text}`);
  });
  const other = await bot.sendMessage(3003, 'Nobody waits for replies to this');
  emu.pushMessage('plain', { userId: 3003 });
  emu.pushMessage('reply to another message', { userId: 3003, replyToMessage: other.message_id });
  emu.pushMessage('the reply', { userId: 2002, replyToMessage: question.message_id });
  emu.pushMessage('the step', { userId: 1001 });
  await feed();
  assert.deepEqual(errors, []);
  assert.deepEqual(seen, [
    'handler:3003:plain',
    'handler:3003:reply to another message',
    'reply:the reply',
    'handler:2002:the reply',
    'step:the step',
  ]);
});
