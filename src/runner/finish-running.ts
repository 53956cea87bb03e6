/**
 * The last step of every graceful stop: wait for the handlers still running, and say so when
 * that takes long, so that a stop held up by a slow or stuck handler does not hang silently.
 * @module
 */
import { logger } from '../logger.js';
import type { UpdateScheduler } from './update-scheduler.js';

/**
 * Waits until every update `scheduler` accepted has finished. Handlers still running `windowMs`
 * after the wait began get one warning (`advice` appended), e.g. "Stopping: 1 update handler(s)
 * still running after 1000 ms; the stop waits for them." (test/runner-stop-inside-handler.test.ts).
 */
export async function finishRunning(scheduler: UpdateScheduler, windowMs: number, advice = ''): Promise<void> {
  if (scheduler.pending === 0) return;
  const timer = Number.isFinite(windowMs)
    ? setTimeout(() => {
        logger.warn(
          `Stopping: ${scheduler.active} update handler(s) still running after ${windowMs} ms; the stop waits for them.${advice}`,
        );
      }, windowMs)
    : undefined;
  try {
    await scheduler.idle();
  } finally {
    clearTimeout(timer);
  }
}
