// The ExceptionHandler class of pyTelegramBotAPI users: its default handles nothing (the error
// is logged), a subclass answering true (or a promise of true) keeps it out of the log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorLines, useDispatchHarness } from './dispatch-harness.js';
import { ExceptionHandler } from '../src/index.js';

const harness = await useDispatchHarness();
const { emu } = harness;

/** Runs one failing handler with `exceptionHandler`; returns the error log lines. */
async function logged(exceptionHandler: ExceptionHandler): Promise<string[]> {
  harness.reset(); // only this call's update is pending
  const { bot, feed } = harness.setup({ exceptionHandler });
  bot.handleMsg({}, () => {
    throw new Error('handler failed');
  });
  return errorLines(async () => {
    emu.pushMessage('x');
    await feed();
  });
}

test('the base ExceptionHandler handles nothing: the error is logged', async () => {
  assert.equal(new ExceptionHandler().handle(new Error('e')), false);
  assert.deepEqual(await logged(new ExceptionHandler()), ['Unhandled error in an update handler: handler failed']);
});

test('a subclass answering true, or a promise of true, handles the error: nothing is logged', async () => {
  const seen: string[] = [];
  class Sync extends ExceptionHandler {
    override handle(exception: unknown) {
      seen.push(`sync:${(exception as Error).message}`);
      return true;
    }
  }
  class Async extends ExceptionHandler {
    override async handle(exception: unknown) {
      seen.push(`async:${(exception as Error).message}`);
      return true;
    }
  }
  class Truthy extends ExceptionHandler {
    override handle() {
      return 'yes' as never;
    }
  }
  assert.deepEqual(await logged(new Sync()), []);
  assert.deepEqual(await logged(new Async()), []);
  assert.deepEqual(seen, ['sync:handler failed', 'async:handler failed']);
  // Only true counts as handled.
  assert.deepEqual(await logged(new Truthy()), ['Unhandled error in an update handler: handler failed']);
});
