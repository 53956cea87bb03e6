/**
 * Where errors of handlers, filters, middlewares and listeners end up: the user's
 * `exceptionHandler` first, the logger when it does not handle them. Never throws, so one bad
 * update can never stop the others.
 * @module
 */
import { isThenable } from './is-thenable.js';
import type { ExceptionHandler } from './options.js';
import { logger } from '../logger.js';

/**
 * Gives `error` to `exceptionHandler` (a function, or an object with `handle(error)` as in the
 * Python library); resolves true when it answered `true` (handled). Unhandled errors, and errors
 * thrown by the exception handler itself, are logged with `logger.error` (which redacts tokens).
 */
export async function reportError(
  exceptionHandler: ExceptionHandler | undefined,
  error: unknown,
  context?: string,
): Promise<boolean> {
  if (exceptionHandler !== undefined && exceptionHandler !== null) {
    try {
      const answer = typeof exceptionHandler === 'function' ? exceptionHandler(error) : exceptionHandler.handle(error);
      if ((isThenable(answer) ? await answer : answer) === true) return true;
    } catch (handlerError) {
      safeLog('The exceptionHandler threw while handling an error', handlerError);
    }
  }
  safeLog(context ?? 'Unhandled error in an update handler', error);
  return false;
}

function safeLog(message: string, error: unknown): void {
  try {
    logger.error(message, error);
  } catch {
    // A broken log output must not turn into an unhandled rejection.
  }
}
