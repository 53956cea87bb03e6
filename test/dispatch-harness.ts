/**
 * The Dispatcher test bench of the test/dispatch-*.test.ts files, hooks included: at the top of a
 * test file, `const harness = await useDispatchHarness();` starts the emulator, resets it before
 * each test and stops it (with the bots made by `harness.setup()`) after the file's tests.
 */
import { after, beforeEach } from 'node:test';
import type { Dispatcher } from '../src/dispatch/dispatcher.js';
import { dispatchHarness, withLogs, type DispatchHarnessOptions } from './helpers.js';

/** {@link dispatchHarness} already started, with its `emu`, reset before each test and stopped after all. */
export async function useDispatchHarness<B extends Dispatcher = Dispatcher>(options: DispatchHarnessOptions<B> = {}) {
  const harness = dispatchHarness(options);
  const emu = await harness.start();
  after(() => harness.stop());
  beforeEach(() => harness.reset());
  return { ...harness, emu };
}

/** Runs `fn` and returns the error log lines it caused, as `message: error.message`. */
export function errorLines(fn: () => Promise<void>): Promise<string[]> {
  return withLogs('error', async (records) => {
    await fn();
    return records.map((record) => `${record.message}: ${(record.error as Error | undefined)?.message}`);
  });
}

/** Registers a message handler that logs `handler:<text>` and a callback query handler that logs `cb:<data>`. */
export function logMessagesAndCallbacks(bot: Dispatcher, log: string[]): void {
  bot.handleMsg({}, (m) => {
    log.push(`handler:${m.text}`);
  });
  bot.callbackQueryHandler(
    () => true,
    (q) => {
      log.push(`cb:${q.data}`);
    },
  );
}
