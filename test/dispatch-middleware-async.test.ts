// Middlewares that really wait (a Bot API call) before they act: the handlers wait for them, and
// their late errors are reported. Also: class middlewares only see the update types they list,
// a per-type method that is missing is skipped quietly (logged once per method name), and a
// function is not taken for a class middleware. Found by mutation testing (docs/testing/mutation-mut-dispatch-b.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness, logMessagesAndCallbacks } from './dispatch-harness.js';
import { BaseMiddleware } from '../src/dispatch/handler-backends.js';
import { logger } from '../src/logger.js';
import type { Message } from '../src/types/message.js';
import { recordErrors, recordErrorMessages } from './helpers.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('function middlewares that await a Bot API call change the update before the handler sees it', async () => {
  const { bot, feed } = harness.setup({ useMiddleware: true });
  const seen: string[] = [];
  bot.middlewareHandler()(async (api, update) => {
    const me = await (api as typeof bot).getMe();
    const message = (update as { message?: Message }).message;
    if (message) message.text = `${message.text} (whole, ${me.is_bot})`;
  });
  bot.middlewareHandler({ updateTypes: ['message'] }, async (api, message) => {
    await (api as typeof bot).getMe();
    message.text = `${message.text} (typed)`;
  });
  bot.handleMsg({}, (m) => {
    seen.push(m.text!);
  });
  emu.pushMessage('hi');
  await feed();
  assert.deepEqual(seen, ['hi (whole, true) (typed)']);
});

test('a function middleware failing after an await is reported and its update skipped', async () => {
  const { messages: reported, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ useMiddleware: true, exceptionHandler });
  const seen: string[] = [];
  bot.middlewareHandler()(async (api, update) => {
    await (api as typeof bot).getMe();
    if ((update as { message?: Message }).message?.text === 'bad whole') throw new Error('whole failed');
  });
  bot.middlewareHandler({ updateTypes: ['message'] }, async (api, message) => {
    await (api as typeof bot).getMe();
    if (message.text === 'bad typed') throw new Error('typed failed');
  });
  bot.handleMsg({}, (m) => {
    seen.push(m.text!);
  });
  emu.pushMessage('bad whole');
  emu.pushMessage('bad typed');
  emu.pushMessage('good');
  await feed();
  assert.deepEqual(seen, ['good']);
  assert.deepEqual(reported, ['whole failed', 'typed failed']);
});

test('an async postProcess is waited for, and its late error is reported', async () => {
  const { messages: reported, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ useClassMiddlewares: true, exceptionHandler });
  const log: string[] = [];
  bot.setupMiddleware(
    new (class extends BaseMiddleware {
      updateTypes = ['message'];
      override async postProcess(m: Message) {
        await bot.getMe();
        log.push(`post:${m.text}`);
        if (m.text === 'fail') throw new Error('late post failure');
      }
    })(),
  );
  bot.handleMsg({}, (m) => {
    log.push(`handler:${m.text}`);
  });
  emu.pushMessage('ok');
  await feed();
  // feed() resolved: the postProcess of this update has finished.
  assert.deepEqual(log, ['handler:ok', 'post:ok']);
  emu.pushMessage('fail');
  await feed();
  assert.deepEqual(log, ['handler:ok', 'post:ok', 'handler:fail', 'post:fail']);
  assert.deepEqual(reported, ['late post failure']);
});

test('a class middleware only sees the update types it lists', async () => {
  const { bot, feed } = harness.setup({ useClassMiddlewares: true });
  const log: string[] = [];
  bot.setupMiddleware(
    new (class extends BaseMiddleware {
      updateTypes = ['message'];
      override preProcess(obj: { text?: string; data?: string }) {
        log.push(`pre:${obj.text ?? obj.data}`);
      }
      override postProcess(obj: { text?: string; data?: string }) {
        log.push(`post:${obj.text ?? obj.data}`);
      }
    })(),
  );
  logMessagesAndCallbacks(bot, log);
  emu.pushCallbackQuery('button');
  emu.pushMessage('text');
  await feed();
  assert.deepEqual(log, ['cb:button', 'pre:text', 'handler:text', 'post:text']);
});

test('updateSensitive: a missing postProcess method is skipped without an error, and each missing name is logged once', async () => {
  const { errors: reported, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ useClassMiddlewares: true, exceptionHandler });
  const log: string[] = [];
  const errors: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('error').setOutput((record) => errors.push(record.message));
  try {
    bot.setupMiddleware(
      new (class OnlyPre extends BaseMiddleware {
        updateTypes = ['message', 'callback_query'];
        override updateSensitive = true;
        preProcessMessage(m: Message) {
          log.push(`pre:${m.text}`);
        }
      })(),
    );
    logMessagesAndCallbacks(bot, log);
    emu.pushMessage('one');
    emu.pushCallbackQuery('two');
    emu.pushMessage('three');
    emu.pushCallbackQuery('four');
    await feed();
  } finally {
    logger.setLevel(level).setOutput(null);
  }
  assert.deepEqual(log, ['pre:one', 'handler:one', 'cb:two', 'pre:three', 'handler:three', 'cb:four']);
  assert.deepEqual(reported, []);
  assert.deepEqual(errors, [
    'OnlyPre is updateSensitive but has no postProcessMessage method; skipped',
    'OnlyPre is updateSensitive but has no preProcessCallbackQuery method; skipped',
    'OnlyPre is updateSensitive but has no postProcessCallbackQuery method; skipped',
  ]);
});

test('a function is not a class middleware, even with an updateTypes array', () => {
  const { bot } = harness.setup({ useClassMiddlewares: true });
  const notAnObject = Object.assign(() => undefined, { updateTypes: ['message'] });
  assert.throws(
    () => bot.setupMiddleware(notAnObject as never),
    /setupMiddleware: a middleware needs an "updateTypes" array/,
  );
});

test('class middlewares: an async handler is waited for before postProcess, which gets its late error; no handler is no error', async () => {
  const { messages: reported, exceptionHandler } = recordErrorMessages();
  const { bot, feed } = harness.setup({ useClassMiddlewares: true, exceptionHandler });
  const log: string[] = [];
  bot.setupMiddleware(
    new (class extends BaseMiddleware {
      updateTypes = ['message', 'callback_query'];
      override preProcess(obj: { text?: string; data?: string }) {
        log.push(`pre:${obj.text ?? obj.data}`);
      }
      override postProcess(obj: { text?: string; data?: string }, _data: unknown, exception: unknown) {
        log.push(`post:${obj.text ?? obj.data}:${exception instanceof Error ? exception.message : 'ok'}`);
      }
    })(),
  );
  bot.handleMsg({}, async (m) => {
    await bot.getMe();
    log.push(`handler:${m.text}`);
    if (m.text === 'fail') throw new Error('late handler failure');
  });
  emu.pushMessage('ok');
  emu.pushMessage('fail');
  emu.pushCallbackQuery('no handler');
  await feed();
  assert.deepEqual(log, [
    'pre:ok',
    'handler:ok',
    'post:ok:ok',
    'pre:fail',
    'handler:fail',
    'post:fail:late handler failure',
    'pre:no handler',
    'post:no handler:ok',
  ]);
  assert.deepEqual(reported, ['late handler failure']);
});
