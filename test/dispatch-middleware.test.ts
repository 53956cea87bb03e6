// Function and class-based middlewares, and custom filters, against the Bot API emulator.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness } from './dispatch-harness.js';
import type { Dispatcher } from '../src/dispatch/dispatcher.js';
import { BaseMiddleware, CancelUpdate, SkipHandler } from '../src/dispatch/handler-backends.js';
import { AdvancedCustomFilter, SimpleCustomFilter } from '../src/dispatch/custom-filters/base.js';
import { apihelper } from '../src/api/settings.js';
import type { Message } from '../src/types/message.js';
import { recordErrors } from './helpers.js';

// A custom filter of this file (TextIn below), declared the way users declare theirs.
declare module '../src/dispatch/types.js' {
  interface CustomFilterKeys {
    /** TextIn: the text is one of these. */
    textIn: readonly string[];
  }
}

const harness = await useDispatchHarness();
const { emu, setup } = harness;

describe('function middlewares', () => {
  test('the README example: apihelper.ENABLE_MIDDLEWARE, the message is modified before the handler', async () => {
    apihelper.ENABLE_MIDDLEWARE = true;
    let bot: Dispatcher;
    let feed: () => Promise<void>;
    try {
      ({ bot, feed } = setup());
    } finally {
      apihelper.ENABLE_MIDDLEWARE = false;
    }
    bot.middlewareHandler({ updateTypes: ['message'] }, (botInstance, message) => {
      assert.equal(botInstance, bot);
      (message as Message & { another_text?: string }).another_text = `${message.text}:changed`;
    });
    bot.handleMsg({ commands: ['start'] }, (message) =>
      bot.replyTo(message, (message as Message & { another_text: string }).another_text),
    );
    emu.pushMessage('/start');
    await feed();
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.text),
      ['/start:changed'],
    );
  });

  test('decorator form, register form, whole-update middlewares, async ones, and only the listed types', async () => {
    const { bot, feed } = setup({ useMiddleware: true });
    const seen: string[] = [];
    bot.middlewareHandler({ updateTypes: ['message'] })(async (_bot, message) => {
      await Promise.resolve();
      seen.push(`mw1:${message.text}`);
    });
    bot.registerMiddlewareHandler(
      (_bot, query) => {
        seen.push(`mw2:${query.data}`);
      },
      { updateTypes: ['callback_query'] },
    );
    bot.middlewareHandler()((_bot, update) => {
      seen.push(`all:${update.update_id > 0}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`handler:${m.text}`);
    });
    emu.pushMessage('hi');
    emu.pushCallbackQuery('data');
    await feed();
    assert.deepEqual(seen, ['all:true', 'mw1:hi', 'handler:hi', 'all:true', 'mw2:data']);
  });

  test('a throwing middleware skips its update only; the error is reported (or just logged when suppressed)', async () => {
    const { errors: reported, exceptionHandler } = recordErrors();
    const { bot, feed } = setup({ useMiddleware: true, exceptionHandler });
    const seen: string[] = [];
    bot.middlewareHandler({ updateTypes: ['message'] }, (_bot, m) => {
      if (m.text === 'bad') throw new Error('mw failed');
    });
    bot.handleMsg({}, (m) => {
      seen.push(m.text);
    });
    emu.pushMessage('bad');
    emu.pushMessage('good');
    await feed();
    assert.deepEqual(seen, ['good']);
    assert.equal((reported[0] as Error).message, 'mw failed');

    const quiet = setup({ useMiddleware: true, suppressMiddlewareExceptions: true, exceptionHandler });
    quiet.bot.middlewareHandler({ updateTypes: ['message'] }, () => {
      throw new Error('quiet');
    });
    emu.pushMessage('x');
    await quiet.feed();
    assert.equal(reported.length, 1);
  });

  test('not enabled: a clear error at declaration', () => {
    const { bot } = setup();
    assert.throws(() => bot.middlewareHandler({ updateTypes: ['message'] }), /ENABLE_MIDDLEWARE/);
    assert.throws(() => bot.registerMiddlewareHandler(() => {}), /useMiddleware/);
    assert.throws(
      () =>
        bot.setupMiddleware(
          new (class extends BaseMiddleware {
            updateTypes = ['message'];
          })(),
        ),
      /useClassMiddlewares/,
    );
  });
});

describe('class-based middlewares', () => {
  class Recorder extends BaseMiddleware {
    updateTypes = ['message'];
    constructor(
      readonly name: string,
      readonly log: string[],
      readonly answer?: (text: string) => unknown,
    ) {
      super();
    }
    override preProcess(message: Message, data: Record<string, unknown>) {
      this.log.push(`${this.name}.pre`);
      data[this.name] = `${this.name}-data`;
      return this.answer?.(message.text!);
    }
    override postProcess(_message: Message, data: Record<string, unknown>, exception: unknown) {
      this.log.push(
        `${this.name}.post:${Object.keys(data).join('+')}:${exception instanceof Error ? exception.message : 'ok'}`,
      );
    }
  }

  test('pre in order, data reaches the handler, post in order with the handler exception', async () => {
    const { errors, exceptionHandler } = recordErrors();
    const { bot, feed } = setup({ useClassMiddlewares: true, exceptionHandler });
    const log: string[] = [];
    bot.setupMiddleware(new Recorder('a', log));
    bot.setupMiddleware(new Recorder('b', log));
    bot.handleMsg({ func: (m) => m.text === 'boom' }, () => {
      throw new Error('handler failed');
    });
    bot.handleMsg({}, (_message, data) => {
      log.push(`handler:${data.a},${data.b}`);
    });
    emu.pushMessage('hello');
    emu.pushMessage('boom');
    await feed();
    assert.deepEqual(log, [
      'a.pre',
      'b.pre',
      'handler:a-data,b-data',
      'a.post:a+b:ok',
      'b.post:a+b:ok',
      'a.pre',
      'b.pre',
      'a.post:a+b:handler failed',
      'b.post:a+b:handler failed',
    ]);
    assert.equal((errors[0] as Error).message, 'handler failed');
  });

  test('SkipHandler skips handlers but runs every pre and post; CancelUpdate stops everything', async () => {
    const { bot, feed } = setup({ useClassMiddlewares: true });
    const log: string[] = [];
    bot.setupMiddleware(
      new Recorder('a', log, (text) =>
        text === 'skip' ? new SkipHandler() : text === 'cancel' ? new CancelUpdate() : undefined,
      ),
    );
    bot.setupMiddleware(new Recorder('b', log));
    bot.handleMsg({}, (m) => {
      log.push(`handler:${m.text}`);
    });
    emu.pushMessage('skip');
    emu.pushMessage('cancel');
    await feed();
    assert.deepEqual(log, ['a.pre', 'b.pre', 'a.post:a+b:ok', 'b.post:a+b:ok', 'a.pre']);
  });

  test('updateSensitive middlewares use per-type methods; other update types are not seen', async () => {
    const { bot, feed } = setup({ useClassMiddlewares: true });
    const log: string[] = [];
    bot.setupMiddleware(
      new (class extends BaseMiddleware {
        updateTypes = ['message', 'callback_query'];
        override updateSensitive = true;
        preProcessMessage(_m: Message, data: Record<string, unknown>) {
          log.push('preMessage');
          data.kind = 'm';
        }
        postProcessMessage() {
          log.push('postMessage');
        }
        async preProcessCallbackQuery() {
          log.push('preCallbackQuery');
        }
        postProcessCallbackQuery() {
          log.push('postCallbackQuery');
        }
      })(),
    );
    bot.handleMsg({}, (_m, data) => {
      log.push(`handler:${data.kind}`);
    });
    bot.callbackQueryHandler(
      (_q) => true,
      () => {
        log.push('cb');
      },
    );
    bot.editedHandleMsg({}, () => {
      log.push('edited');
    });
    const update = emu.pushMessage('x');
    emu.pushCallbackQuery('d');
    emu.pushMessage('y', { editOf: (update.message as Message).message_id });
    await feed();
    assert.deepEqual(log, [
      'preMessage',
      'handler:m',
      'postMessage',
      'preCallbackQuery',
      'cb',
      'postCallbackQuery',
      'edited',
    ]);
  });
});

describe('custom filters', () => {
  class IsAdmin extends SimpleCustomFilter<Message> {
    key = 'isChatAdmin';
    constructor(private readonly bot: Dispatcher) {
      super();
    }
    async check(message: Message) {
      const member = await this.bot.getChatMember(message.chat.id, message.from!.id);
      return ['administrator', 'creator'].includes(member.status);
    }
  }
  class TextIn extends AdvancedCustomFilter<Message, string[]> {
    key = 'textIn';
    check(message: Message, values: string[]) {
      return values.includes(message.text ?? '');
    }
  }
  class IsReply extends SimpleCustomFilter<Message> {
    key = 'isReply';
    check(message: Message) {
      return message.reply_to_message !== undefined;
    }
  }

  test('simple (async, value compared, false works too) and advanced filters', async () => {
    const { bot, feed } = setup();
    const seen: string[] = [];
    emu.onMethod('getChatMember', (params) => ({
      status: params.user_id === 1 ? 'creator' : 'member',
      user: { id: params.user_id, is_bot: false, first_name: 'U' },
    }));
    bot.addCustomFilter(new IsAdmin(bot));
    bot.addCustomFilter(new TextIn());
    bot.addCustomFilter(new IsReply());
    bot.handleMsg({ isChatAdmin: true }, (m) => bot.sendMessage(m.chat.id, 'You are admin of this group!'));
    bot.handleMsg({ textIn: ['a', 'b'], isReply: false }, (m) => {
      seen.push(`in:${m.text}`);
    });
    bot.handleMsg({}, (m) => {
      seen.push(`rest:${m.text}`);
    });
    emu.pushMessage('a', { userId: 1, chatType: 'group' });
    emu.pushMessage('a', { userId: 2, chatType: 'group' });
    emu.pushMessage('c', { userId: 2, chatType: 'group' });
    await feed();
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.text),
      ['You are admin of this group!'],
    );
    assert.deepEqual(seen, ['in:a', 'rest:c']);
  });

  test('filters added after the handlers work; a key still unknown at the first update is reported once, by name', async () => {
    const { errors: reported, exceptionHandler } = recordErrors();
    const { bot, feed } = setup({ exceptionHandler });
    const seen: string[] = [];
    bot.handleMsg({ textIn: ['a'] }, (m) => {
      seen.push(`in:${m.text}`);
    });
    // @ts-expect-error a misspelt key fails to compile; JavaScript code gets the runtime report below
    bot.handleMsg({ isAdmn: true }, () => {
      seen.push('typo');
    });
    bot.handleMsg({}, (m) => {
      seen.push(`rest:${m.text}`);
    });
    bot.addCustomFilter(new TextIn());
    assert.throws(() => bot.checkCustomFilters(), /unknown filter key "isAdmn"/);
    emu.pushMessage('a');
    emu.pushMessage('b');
    await feed();
    assert.deepEqual(seen, ['in:a', 'rest:b']);
    assert.equal(reported.length, 1);
    assert.match((reported[0] as Error).message, /handleMsg: unknown filter key "isAdmn".*addCustomFilter/);
    // Once updates flow, an unknown key fails at registration.
    assert.throws(
      // @ts-expect-error not a declared filter key
      () => bot.callbackQueryHandler({ nope: 1 }, () => {}),
      (error: Error) => error instanceof TypeError && /"nope"/.test(error.message),
    );
  });
});
