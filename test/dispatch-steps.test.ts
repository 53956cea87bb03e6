// Next-step and reply handlers, update listeners, error reporting and the state methods.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import { logger, type LogRecord } from '../src/logger.js';
import { MemoryHandlerBackend } from '../src/states/step-backends.js';
import type { Message } from '../src/types/message.js';
import { recordErrors } from './helpers.js';

const harness = await useDispatchHarness();
const { emu, setup } = harness;

const sentTexts = () =>
  emu
    .callsOf('sendMessage')
    .filter((call) => call.response?.ok)
    .map((call) => call.params.text);

describe('next-step handlers', () => {
  test('a chain over three messages, with extra arguments; those messages reach no handler', async () => {
    const { bot, feed } = setup();
    const handled: string[] = [];
    const user: Record<string, string> = {};
    const askName = async (message: Message) => {
      const reply = await bot.replyTo(message, 'What is your name?');
      await bot.registerNextStepHandler(reply, processName, 'form-1');
    };
    const processName = async (message: Message, formId: string) => {
      user.name = `${formId}:${message.text}`;
      await bot.sendMessage(message.chat.id, 'How old are you?');
      await bot.registerNextStepHandlerByChatId(message.chat.id, processAge, formId, 2);
    };
    const processAge = (message: Message, formId: string, step: number) => {
      if (!/^\d+$/.test(message.text ?? '')) {
        void bot.registerNextStepHandler(message, processAge, formId, step + 1); // ask again
        return bot.replyTo(message, 'Age should be a number.');
      }
      user.age = `${message.text}@${step}`;
      return bot.sendMessage(message.chat.id, `Nice to meet you ${user.name}, ${user.age}`);
    };
    bot.handleMsg({ commands: ['start'] }, askName);
    bot.handleMsg({}, (m) => {
      handled.push(m.text);
    });
    for (const text of ['/start', 'Ann', 'old', '42', 'after']) emu.pushMessage(text);
    await feed();
    assert.deepEqual(sentTexts(), [
      'What is your name?',
      'How old are you?',
      'Age should be a number.',
      'Nice to meet you form-1:Ann, 42@3',
    ]);
    assert.deepEqual(handled, ['after']);
  });

  test('next steps are per chat; clearStepHandler and clearStepHandlerByChatId forget them', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({}, (m) => {
      seen.push(`handler:${m.chat.id}:${m.text}`);
    });
    await bot.registerNextStepHandlerByChatId(1001, (m) => {
      seen.push(`step:${m.text}`);
    });
    await bot.registerNextStepHandlerByChatId(2002, () => {
      seen.push('never');
    });
    await bot.registerNextStepHandlerByChatId(3003, () => {
      seen.push('never');
    });
    await bot.clearStepHandlerByChatId(2002);
    await bot.clearStepHandler({ chat: { id: 3003 } });
    emu.pushMessage('from 2002', { userId: 2002 });
    emu.pushMessage('from 1001', { userId: 1001 });
    emu.pushMessage('again 1001', { userId: 1001 });
    emu.pushMessage('from 3003', { userId: 3003 });
    await feed();
    assert.deepEqual(seen, [
      'handler:2002:from 2002',
      'step:from 1001',
      'handler:1001:again 1001',
      'handler:3003:from 3003',
    ]);
  });

  test('a custom backend from options.nextStepBackend is used', async () => {
    const backend = new MemoryHandlerBackend();
    const { bot, feed } = setup({ nextStepBackend: backend });
    await bot.registerNextStepHandlerByChatId(1001, (m) => bot.replyTo(m, 'step'));
    assert.equal(backend.size, 1);
    emu.pushMessage('x');
    await feed();
    assert.equal(backend.size, 0);
    assert.deepEqual(sentTexts(), ['step']);
  });

  test('after register + clear, messages reach the handlers without asking the backends', async () => {
    // Memory backends that count take(): their size hint says nothing waits, so take is skipped.
    class CountingBackend extends MemoryHandlerBackend {
      takes = 0;
      override take(key: string) {
        this.takes++;
        return super.take(key);
      }
    }
    const nextStepBackend = new CountingBackend();
    const replyBackend = new CountingBackend();
    const { bot, feed } = setup({ nextStepBackend, replyBackend });
    const seen: string[] = [];
    bot.handleMsg({}, (m) => {
      seen.push(m.text);
    });
    await bot.registerNextStepHandlerByChatId(1001, () => {
      seen.push('never');
    });
    await bot.clearStepHandlerByChatId(1001);
    const question = await bot.sendMessage(1001, 'Reply to me');
    await bot.registerForReply(question, () => {
      seen.push('never');
    });
    await bot.clearReplyHandlers(question);
    emu.pushMessage('plain', { userId: 1001 });
    emu.pushMessage('a reply', { userId: 1001, replyToMessage: question.message_id });
    await feed();
    assert.deepEqual(seen, ['plain', 'a reply']);
    assert.equal(nextStepBackend.takes, 0);
    assert.equal(replyBackend.takes, 0);
  });
});

describe('reply handlers', () => {
  test('registerForReply fires once for a reply in the same chat, and the reply still reaches handlers', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    bot.handleMsg({}, (m) => {
      seen.push(`handler:${m.text}`);
    });
    const question = await bot.sendMessage(1001, 'Reply to me');
    await bot.registerForReply(
      question,
      (m, tag: string) => {
        seen.push(`reply:${tag}:${m.text}`);
      },
      'q1',
    );
    const other = await bot.sendMessage(1001, 'Other');
    await bot.registerForReplyByMessageId(other.message_id, () => {
      seen.push('never');
    });
    await bot.clearReplyHandlersByMessageId(other.message_id);
    const third = await bot.sendMessage(1001, 'Third');
    await bot.registerForReply(third, () => {
      seen.push('never');
    });
    await bot.clearReplyHandlers(third);
    emu.pushMessage('not a reply');
    emu.pushMessage('answer', { replyToMessage: question.message_id });
    emu.pushMessage('answer again', { replyToMessage: question.message_id });
    emu.pushMessage('to other', { replyToMessage: other.message_id });
    await feed();
    assert.deepEqual(seen, [
      'handler:not a reply',
      'reply:q1:answer',
      'handler:answer',
      'handler:answer again',
      'handler:to other',
    ]);
  });
});

describe('update listeners', () => {
  test('every listener gets [message] for message updates, before the handlers; errors do not stop them', async () => {
    const reported: unknown[] = [];
    const { bot, feed } = setup({
      exceptionHandler: {
        handle: (error: unknown) => {
          reported.push(error);
          return true;
        },
      },
    });
    const seen: string[] = [];
    bot.setUpdateListener((messages) => {
      for (const m of messages) seen.push(`l1:${m.text}`);
      throw new Error('listener failed');
    });
    bot.setUpdateListener(async (messages) => {
      seen.push(`l2:${messages.length}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`handler:${m.text}`);
    });
    emu.pushMessage('one');
    emu.pushCallbackQuery('not a message');
    await feed();
    assert.deepEqual(seen, ['l1:one', 'l2:1', 'handler:one']);
    assert.equal(reported.length, 1);
  });
});

describe('errors', () => {
  test('a throwing handler goes to the exceptionHandler function and later updates still run', async () => {
    const { errors: reported, exceptionHandler } = recordErrors();
    const { bot, feed } = setup({ exceptionHandler });
    bot.handleMsg({ func: (m) => m.text === 'sync' }, () => {
      throw new Error('sync failure');
    });
    bot.handleMsg({ func: (m) => m.text === 'async' }, async () => {
      await Promise.resolve();
      throw new Error('async failure');
    });
    bot.handleMsg(
      {
        func: (m) => {
          if (m.text === 'boom') throw new Error('filter failure');
          return false;
        },
      },
      () => {},
    );
    bot.handleMsg({}, (m) => bot.replyTo(m, `ok:${m.text}`));
    for (const text of ['sync', 'fine', 'async', 'boom', 'last']) emu.pushMessage(text);
    await feed();
    assert.deepEqual(
      reported.map((error) => (error as Error).message),
      ['sync failure', 'async failure', 'filter failure'],
    );
    assert.deepEqual(sentTexts(), ['ok:fine', 'ok:last']);
    emu.reset(); // drops the updates the first bot never confirmed
    // An object exceptionHandler, and handler API errors.
    const handledByObject: unknown[] = [];
    const second = setup({
      exceptionHandler: {
        handle: async (error: unknown) => {
          handledByObject.push(error);
          return true;
        },
      },
    });
    second.bot.handleMsg({}, (m) => second.bot.sendMessage(m.chat.id, ''));
    second.bot.handleMsg({ contentTypes: ['photo'] }, (m) => second.bot.replyTo(m, 'photo ok'));
    emu.pushMessage('empty text is refused by Telegram');
    emu.pushMessage(undefined, { extra: { photo: [{ file_id: 'p', file_unique_id: 'p', width: 1, height: 1 }] } });
    await second.feed();
    assert.equal(handledByObject.length, 1, String(handledByObject));
    assert.match(String((handledByObject[0] as Error).message), /text/i);
    assert.deepEqual(sentTexts(), ['photo ok']);
  });

  test('unhandled errors are logged without the token; reportError never throws', async () => {
    const records: LogRecord[] = [];
    logger.setOutput((record) => records.push(record));
    try {
      const { bot } = setup({
        exceptionHandler: () => {
          throw new Error('handler broken');
        },
      });
      assert.equal(await bot.reportError(new Error(`oops ${emu.token}`)), false);
      const plain = setup();
      assert.equal(await plain.bot.reportError('a string'), false);
    } finally {
      logger.setOutput(null);
    }
    const text = records.map((record) => `${record.message} ${record.stack ?? ''}`).join('\n');
    assert.ok(!text.includes(emu.token.split(':')[1]!), 'the token must not be logged');
    assert.match(text, /handler broken/);
    assert.match(text, /oops/);
    assert.equal(records.length, 3);
  });

  test('processNewMessages wraps messages into updates', async () => {
    const { bot } = setup();
    const seen: string[] = [];
    bot.handleMsg({}, (m) => {
      seen.push(`${m.text}:${m.content_type}:${m.from_user?.id}`);
    });
    await bot.processNewMessages([
      {
        message_id: 1,
        date: 1,
        chat: { id: 1, type: 'private', first_name: 'T' },
        from: { id: 9, is_bot: false, first_name: 'T' },
        text: 'hi',
      } as Message,
    ]);
    assert.deepEqual(seen, ['hi:text:9']);
  });
});

describe('states', () => {
  test('setState / getState / addData / retrieveData / resetData / deleteState, per bot', async () => {
    const { bot } = setup();
    const other = setup().bot;
    await bot.setState(7, 'Form:name', 100);
    assert.equal(await bot.getState(7, 100), 'Form:name');
    assert.equal(await other.getState(7, 100), undefined, 'each bot has its own default storage');
    await bot.addData(7, 100, { name: 'Ann' });
    await bot.retrieveData(7, 100, (data) => {
      data.age = 42;
    });
    assert.deepEqual(await bot.retrieveData(7, 100), { name: 'Ann', age: 42 });
    await bot.resetData(7, 100);
    assert.deepEqual(await bot.retrieveData(7, 100), {});
    assert.equal(await bot.deleteState(7, 100), true);
    assert.equal(await bot.getState(7, 100), undefined);
    await bot.setState(8, 'Private:state');
    assert.equal(await bot.getState(8, 8), 'Private:state');
  });
});
