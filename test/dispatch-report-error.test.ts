// Where an error of a handler ends up (src/dispatch/report-error.ts): the exceptionHandler when
// there is one (a function, an object with handle(), answering true, a promise or any thenable
// of true), else one log line; an exception handler that throws or rejects is logged too, and a
// log output that throws stops nothing. Over real HTTP to the emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorLines, useDispatchHarness } from './dispatch-harness.js';
import type { BotteOptions } from '../src/index.js';
import { logger } from '../src/logger.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** Runs one handler that throws `handler failed` on a bot with `options`; returns the log lines. */
async function failingHandler(options: BotteOptions): Promise<string[]> {
  harness.reset();
  const { bot, feed } = harness.setup(options);
  bot.handleMsg({}, () => {
    throw new Error('handler failed');
  });
  return errorLines(async () => {
    emu.pushMessage('x');
    await feed();
  });
}

const UNHANDLED = 'Unhandled error in an update handler: handler failed';
const HANDLER_THREW = 'The exceptionHandler threw while handling an error: boom';

// A thenable that is not a Promise, as another promise library would hand over. Built with
// defineProperty: the Biome rule against `then` keys targets accidental thenables, not these.
function thenableOf(value: boolean): { then(resolve: (value: boolean) => void): void } {
  const thenable = {};
  Object.defineProperty(thenable, 'then', {
    value: (resolve: (value: boolean) => void) => resolve(value),
    enumerable: true,
  });
  return thenable as { then(resolve: (value: boolean) => void): void };
}

test('without an exceptionHandler (undefined or null) the error is logged once, nothing else', async () => {
  assert.deepEqual(await failingHandler({}), [UNHANDLED]);
  assert.deepEqual(await failingHandler({ exceptionHandler: undefined }), [UNHANDLED]);
  assert.deepEqual(await failingHandler({ exceptionHandler: null as never }), [UNHANDLED]);
});

test('a function, or an object with handle(), answering true (or a thenable of true) keeps the error out of the log', async () => {
  const seen: string[] = [];
  assert.deepEqual(
    await failingHandler({
      exceptionHandler: (error) => {
        seen.push(`function:${(error as Error).message}`);
        return true;
      },
    }),
    [],
  );
  assert.deepEqual(
    await failingHandler({
      exceptionHandler: {
        handle(error: unknown) {
          seen.push(`object:${(error as Error).message}`);
          return true;
        },
      },
    }),
    [],
  );
  // A thenable that is not a Promise (another library's) is awaited too.
  const thenable = thenableOf(true);
  assert.deepEqual(await failingHandler({ exceptionHandler: () => thenable as never }), []);
  assert.deepEqual(seen, ['function:handler failed', 'object:handler failed']);
  // A function that is also a thenable is awaited like any thenable.
  const thenableFunction = Object.assign(() => {}, thenableOf(true));
  assert.deepEqual(await failingHandler({ exceptionHandler: () => thenableFunction as never }), []);
  // Anything but true (false, nothing, a thenable of false) leaves the error unhandled.
  assert.deepEqual(await failingHandler({ exceptionHandler: () => false }), [UNHANDLED]);
  assert.deepEqual(await failingHandler({ exceptionHandler: () => undefined }), [UNHANDLED]);
  assert.deepEqual(await failingHandler({ exceptionHandler: () => null as never }), [UNHANDLED]);
  const falseThenable = thenableOf(false);
  assert.deepEqual(await failingHandler({ exceptionHandler: () => falseThenable as never }), [UNHANDLED]);
});

test('an exceptionHandler that throws or rejects is logged, and so is the error it was given', async () => {
  const throwing = () => {
    throw new Error('boom');
  };
  assert.deepEqual(await failingHandler({ exceptionHandler: throwing }), [HANDLER_THREW, UNHANDLED]);
  const rejecting = async () => {
    throw new Error('boom');
  };
  assert.deepEqual(await failingHandler({ exceptionHandler: rejecting }), [HANDLER_THREW, UNHANDLED]);
  assert.deepEqual(await failingHandler({ exceptionHandler: { handle: throwing } }), [HANDLER_THREW, UNHANDLED]);
});

test('a log output that throws stops nothing: the next update is handled', async () => {
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(m.text);
    if (m.text === 'first') throw new Error('handler failed');
  });
  const level = logger.getLevel();
  logger.setLevel('error').setOutput(() => {
    throw new Error('the log output is broken');
  });
  try {
    emu.pushMessage('first');
    await feed();
    emu.pushMessage('second');
    await feed();
  } finally {
    logger.setLevel(level).setOutput(null);
  }
  assert.deepEqual(seen, ['first', 'second']);
});
