// Next-step and reply handlers at their edges: message ids repeat across chats, a reply handler
// registered by message id alone, a backend of one's own without a size hint, bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import type { StepEntry } from '../src/states/step-backends.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** A Message of `chatId` with id `messageId`, to reply to (message ids are only unique per chat). */
const repliedTo = (chatId: number, messageId: number) => ({
  message_id: messageId,
  date: 1,
  chat: { id: chatId, type: 'private', first_name: 'U' },
  text: 'question',
});

test('a reply handler of one chat ignores a reply to the same message id in another chat, and still fires later', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.chat.id}:${m.text}`);
  });
  const question = await bot.sendMessage(1001, 'Reply to me');
  await bot.registerForReply(question, (m) => {
    seen.push(`reply:${m.chat.id}:${m.text}`);
  });
  emu.pushMessage('other chat', { userId: 2002, replyToMessage: repliedTo(2002, question.message_id) });
  await feed();
  emu.pushMessage('right chat', { userId: 1001, replyToMessage: question.message_id });
  await feed();
  assert.deepEqual(seen, ['handler:2002:other chat', 'reply:1001:right chat', 'handler:1001:right chat']);
});

test('registerForReplyByMessageId (no chat known) fires for a reply in any chat, once', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  await bot.registerForReplyByMessageId(
    77,
    (m, tag: string) => {
      seen.push(`${tag}:${m.chat.id}:${m.text}`);
    },
    'byId',
  );
  emu.pushMessage('first', { userId: 3003, replyToMessage: repliedTo(3003, 77) });
  emu.pushMessage('second', { userId: 3003, replyToMessage: repliedTo(3003, 77) });
  await feed();
  assert.deepEqual(seen, ['byId:3003:first']);
});

test("a backend of one's own without a size hint is asked for every message", async () => {
  const stored = new Map<string, StepEntry[]>();
  const asked: string[] = [];
  const backend = {
    async register(key: string, entry: StepEntry) {
      stored.set(key, [...(stored.get(key) ?? []), entry]);
    },
    async take(key: string) {
      asked.push(key);
      const entries = stored.get(key) ?? [];
      stored.delete(key);
      return entries;
    },
    async clear(key: string) {
      stored.delete(key);
    },
  };
  const { bot, feed } = harness.setup({ nextStepBackend: backend, replyBackend: backend });
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  // Entries put there by someone else (another process sharing the store): the bot must ask.
  stored.set('1001', [
    {
      callback: (m: { text: string }) => {
        seen.push(`step:${m.text}`);
      },
      args: [],
    },
  ]);
  emu.pushMessage('taken by the step', { userId: 1001 });
  emu.pushMessage('for the handlers', { userId: 1001 });
  await feed();
  assert.deepEqual(seen, ['step:taken by the step', 'handler:for the handlers']);
  assert.deepEqual(asked, ['1001', '1001']);
});

test('bad backends and callbacks are refused with a TypeError', async () => {
  assert.throws(
    () => harness.setup({ nextStepBackend: { register() {}, take() {} } as never }),
    /options\.nextStepBackend must have register\(key, entry\), take\(key\) and clear\(key\) methods/,
  );
  assert.throws(() => harness.setup({ replyBackend: {} as never }), /options\.replyBackend must have/);
  const { bot } = harness.setup({ nextStepBackend: null as never, replyBackend: undefined });
  await assert.rejects(
    bot.registerNextStepHandlerByChatId(1, 'nope' as never),
    /registerNextStepHandler: the callback must be a function/,
  );
  await assert.rejects(
    bot.registerForReplyByMessageId(1, undefined as never),
    /registerForReply: the callback must be a function/,
  );
});
