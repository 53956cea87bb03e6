// Middlewares at their edges: a middleware for several types, one added after updates flowed,
// a per-type method that is missing, a failing postProcess, a skip then a cancel, bad arguments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useDispatchHarness, logMessagesAndCallbacks } from './dispatch-harness.js';
import { BaseMiddleware, CancelUpdate, SkipHandler } from '../src/dispatch/handler-backends.js';
import { logger } from '../src/logger.js';
import type { Message } from '../src/types/message.js';
import { recordErrors } from './helpers.js';

const harness = await useDispatchHarness();
const { emu } = harness;

test('function middlewares: one for several types, another added later, whole-update ones first; a non-function is refused', async () => {
  const { bot, feed } = harness.setup({ useMiddleware: true });
  const seen: string[] = [];
  bot.middlewareHandler({ updateTypes: ['message', 'callback_query'] }, (_bot, obj) => {
    seen.push(`both:${(obj as { text?: string; data?: string }).text ?? (obj as { data: string }).data}`);
  });
  logMessagesAndCallbacks(bot, seen);
  emu.pushMessage('one');
  await feed();
  // Added after the first update: seen from then on, by type; an empty list means whole updates.
  bot.middlewareHandler({ updateTypes: ['message'] }, () => {
    seen.push('message only');
  });
  bot.registerMiddlewareHandler(
    (_bot, update) => {
      seen.push(`whole:${'update_id' in (update as object)}`);
    },
    { updateTypes: [] },
  );
  emu.pushMessage('two');
  emu.pushCallbackQuery('three');
  await feed();
  assert.deepEqual(seen, [
    'both:one',
    'handler:one',
    'whole:true',
    'both:two',
    'message only',
    'handler:two',
    'whole:true',
    'both:three',
    'cb:three',
  ]);
  assert.throws(
    () => bot.registerMiddlewareHandler('nope' as never),
    /middlewareHandler: the middleware must be a function/,
  );
});

test('a bot whose only function middleware takes whole updates runs it', async () => {
  const { bot, feed } = harness.setup({ useMiddleware: true });
  const seen: string[] = [];
  bot.middlewareHandler()((_bot, update) => {
    seen.push(`whole:${(update as { message?: { text?: string } }).message?.text}`);
  });
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  emu.pushMessage('hi');
  await feed();
  assert.deepEqual(seen, ['whole:hi', 'handler:hi']);
});

test('class middlewares: a middleware set up later is used; a missing per-type method is logged once and skipped', async () => {
  const { bot, feed } = harness.setup({ useClassMiddlewares: true });
  const log: string[] = [];
  const errors: string[] = [];
  const level = logger.getLevel();
  logger.setLevel('error').setOutput((record) => errors.push(record.message));
  try {
    bot.handleMsg({}, (m) => {
      log.push(`handler:${m.text}`);
    });
    emu.pushMessage('before');
    await feed();
    class OnlyPost extends BaseMiddleware {
      updateTypes = ['message'];
      override updateSensitive = true;
      postProcessMessage(m: Message) {
        log.push(`post:${m.text}`);
      }
    }
    bot.setupMiddleware(new OnlyPost());
    emu.pushMessage('after 1');
    emu.pushMessage('after 2');
    await feed();
  } finally {
    logger.setLevel(level).setOutput(null);
  }
  assert.deepEqual(log, ['handler:before', 'handler:after 1', 'post:after 1', 'handler:after 2', 'post:after 2']);
  assert.deepEqual(errors, ['OnlyPost is updateSensitive but has no preProcessMessage method; skipped']);
});

test('a failing postProcess is reported and the other postProcess methods still run', async () => {
  const { errors: reported, exceptionHandler } = recordErrors();
  const { bot, feed } = harness.setup({ useClassMiddlewares: true, exceptionHandler });
  const log: string[] = [];
  bot.setupMiddleware(
    new (class extends BaseMiddleware {
      updateTypes = ['message'];
      override postProcess() {
        throw new Error('post failed');
      }
    })(),
  );
  bot.setupMiddleware(
    new (class extends BaseMiddleware {
      updateTypes = ['message'];
      override async postProcess(m: Message) {
        log.push(`second post:${m.text}`);
      }
    })(),
  );
  bot.handleMsg({}, (m) => {
    log.push(`handler:${m.text}`);
  });
  emu.pushMessage('x');
  await feed();
  assert.deepEqual(log, ['handler:x', 'second post:x']);
  assert.deepEqual(
    reported.map((e) => (e as Error).message),
    ['post failed'],
  );
});

test('a skip stays a skip when later middlewares say nothing; a later cancel still cancels', async () => {
  const { bot, feed } = harness.setup({ useClassMiddlewares: true });
  const log: string[] = [];
  const middleware = (name: string, answer: (text: string) => unknown) =>
    new (class extends BaseMiddleware {
      updateTypes = ['message'];
      override async preProcess(m: Message) {
        log.push(`${name}.pre`);
        return answer(m.text!);
      }
      override postProcess() {
        log.push(`${name}.post`);
      }
    })();
  bot.setupMiddleware(middleware('a', (text) => (text.includes('skip') ? new SkipHandler() : undefined)));
  bot.setupMiddleware(middleware('b', (text) => (text.includes('cancel') ? new CancelUpdate() : undefined)));
  bot.handleMsg({}, (m) => {
    log.push(`handler:${m.text}`);
  });
  emu.pushMessage('skip');
  await feed();
  emu.pushMessage('skip and cancel');
  await feed();
  emu.pushMessage('plain');
  await feed();
  assert.deepEqual(log, [
    'a.pre',
    'b.pre',
    'a.post',
    'b.post',
    'a.pre',
    'b.pre',
    'a.pre',
    'b.pre',
    'handler:plain',
    'a.post',
    'b.post',
  ]);
});

test('a class middleware needs an updateTypes array', () => {
  const { bot } = harness.setup({ useClassMiddlewares: true });
  const message = /setupMiddleware: a middleware needs an "updateTypes" array/;
  assert.throws(() => bot.setupMiddleware(null as never), message);
  assert.throws(() => bot.setupMiddleware({ updateTypes: 'message' } as never), message);
});
