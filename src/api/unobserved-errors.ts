/**
 * Keeps a forgotten `await` from killing the bot. Handlers are often written as
 * `(message) => { bot.replyTo(message, '...') }`: if Telegram refuses that call (the user blocked
 * the bot, the chat is gone...), the rejected promise has no handler and Node ends the process.
 *
 * Once a bot handles updates, Botte listens to `unhandledRejection`: a rejection that is an error
 * of a bot method (a Bot API call, a state method, a step handler, a download; see
 * {@link observed}) of a bot that handles updates goes to that bot's exception handler instead. Any other
 * rejection keeps Node's default behaviour (the process ends), unless the application listens
 * to `unhandledRejection` itself, in which case it decides.
 * @module
 */

/** Something that can report an error (the bot). */
interface ErrorSink {
  reportError(error: unknown): Promise<boolean>;
}

const origins = new WeakMap<object, ErrorSink>();
let installed = false;

/** Remembers which bot's call failed with `error`. */
export function rememberOrigin(error: unknown, bot: object): void {
  if (error !== null && typeof error === 'object' && typeof (bot as Partial<ErrorSink>).reportError === 'function') {
    origins.set(error, bot as ErrorSink);
  }
}

/**
 * Returns `promise` as the caller should get it: when it rejects, the error is remembered as
 * `bot`'s, so that if the caller forgot to await it, the rejection goes to the bot's exception
 * handler instead of ending the process. Used for every promise Botte hands out from a bot
 * method that can fail (state methods, step handlers, downloads), as Bot API calls are.
 */
export function observed<T>(promise: Promise<T>, bot: object): Promise<T> {
  return promise.then(undefined, (error: unknown) => {
    rememberOrigin(error, bot);
    throw error;
  });
}

// Whether Node, without this listener, would raise nothing (more) for the rejection: every mode
// but the default `throw`. Under `strict` Node has already raised it as an uncaught exception
// before any listener runs; raising it again would hand it to the program's handler twice.
function nodeWouldOnlyWarn(): boolean {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const mode = /--unhandled-rejections[= ](\w[\w-]*)/.exec(flags)?.[1];
  return mode !== undefined && mode !== 'throw';
}

function onUnhandledRejection(reason: unknown): void {
  const bot = reason !== null && typeof reason === 'object' ? origins.get(reason) : undefined;
  if (bot) {
    void bot.reportError(reason);
    return;
  }
  // Not a bot's error: behave as if this listener were not there.
  if (process.listenerCount('unhandledRejection') === 1 && !nodeWouldOnlyWarn()) throw reason;
}

/** Installs the listener once per process (idempotent). */
export function guardUnobservedApiErrors(): void {
  if (installed) return;
  installed = true;
  // Workers have no process events: an unobserved rejection is logged by the runtime there.
  if (typeof globalThis.process?.on !== 'function') return;
  process.on('unhandledRejection', onUnhandledRejection);
}
