// The pipeline's fast path (src/dispatch/pipeline.ts: only the handler walk, when no other step
// takes part) gives the same results as the full pipeline on the same updates: the same handlers
// run in the same order with the same ContinueHandling, sync and async, and the same errors are
// reported. A no-op function middleware makes a bot take the full pipeline for every update.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { ContinueHandling } from '../src/dispatch/handler-backends.js';
import type { Update } from '../src/api/generated/telegram-types.js';
import { DEFAULT_TEST_TOKEN } from '../src/testing/index.js';
import { sleep } from './helpers.js';

function message(id: number, text: string, entities?: unknown[]): Update {
  return {
    update_id: id,
    message: {
      message_id: id,
      date: 1,
      chat: { id: 1, type: 'private' },
      from: { id: 1, is_bot: false, first_name: 'a' },
      text,
      entities,
    },
  } as unknown as Update;
}

const UPDATES: Update[] = [
  message(1, 'plain'),
  message(2, '/start', [{ type: 'bot_command', offset: 0, length: 6 }]),
  message(3, 'continue sync'),
  message(4, 'continue async'),
  message(5, 'throw'),
  message(6, 'reject'),
  message(7, 'async filter yes'),
  message(8, 'async filter no'),
  message(9, 'filter throws'),
  {
    update_id: 10,
    callback_query: { id: 'q', from: { id: 1, is_bot: false, first_name: 'a' }, chat_instance: 'c', data: 'cb:1' },
  } as unknown as Update,
];

/** Runs UPDATES through a bot; `fullPipeline` adds a no-op function middleware. Returns what happened, in order. */
async function run(fullPipeline: boolean): Promise<string[]> {
  const log: string[] = [];
  const bot = new Dispatcher(DEFAULT_TEST_TOKEN, {
    useMiddleware: fullPipeline,
    exceptionHandler: (error: unknown) => {
      log.push(`reported ${(error as Error).message}`);
      return true;
    },
  });
  if (fullPipeline) bot.middlewareHandler((_bot, _update) => undefined);
  bot.handleMsg({ commands: ['start'] }, () => {
    log.push('start');
  });
  bot.handleMsg({ func: (m) => m.text === 'continue sync' }, () => {
    log.push('sync 1');
    return new ContinueHandling();
  });
  bot.handleMsg({ func: (m) => m.text === 'continue async' }, async () => {
    await sleep(1);
    log.push('async 1');
    return new ContinueHandling();
  });
  bot.handleMsg({ func: (m) => m.text === 'throw' }, () => {
    throw new Error('thrown');
  });
  bot.handleMsg({ func: (m) => m.text === 'reject' }, async () => {
    await sleep(1);
    throw new Error('rejected');
  });
  bot.handleMsg(
    {
      func: async (m) => {
        await sleep(1);
        return m.text === 'async filter yes';
      },
    },
    () => {
      log.push('async filter');
    },
  );
  bot.handleMsg(
    {
      func: (m) => {
        if (m.text === 'filter throws') throw new Error('filter failed');
        return false;
      },
    },
    () => {
      log.push('never');
    },
  );
  bot.handleMsg({}, (m) => {
    log.push(`catch-all ${m.text}`);
  });
  bot.callbackQueryHandler({ func: (q) => q.data === 'cb:1' }, () => {
    log.push('callback');
  });
  for (const update of UPDATES) {
    await bot.handleUpdate(structuredClone(update));
    log.push('|');
  }
  return log;
}

test('the fast path and the full pipeline give the same results on the same updates', async () => {
  const fast = await run(false);
  const full = await run(true);
  assert.deepEqual(fast, full);
  // And the results are the ones a user expects (so that both paths being wrong alike fails too).
  assert.deepEqual(fast, [
    'catch-all plain',
    '|',
    'start',
    '|',
    'sync 1',
    'catch-all continue sync',
    '|',
    'async 1',
    'catch-all continue async',
    '|',
    'reported thrown',
    '|',
    'reported rejected',
    '|',
    'async filter',
    '|',
    'catch-all async filter no',
    '|',
    'reported filter failed',
    '|',
    'callback',
    '|',
  ]);
});
