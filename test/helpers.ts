/** Shared helpers of the test suite: start an emulator and a client pointed at it. */
import { BotApiEmulator, type EmulatorOptions } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import type { BotteOptions } from '../src/index.js';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { Botte, StatesGroup, customFilters } from '../src/index.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { updateTypes } from '../src/util/constants.js';
import type { PollingOptions } from '../src/runner/polling.js';
import { logger, type LogLevel, type LogRecord } from '../src/logger.js';

/** An emulator plus an API client aimed at it; `close()` stops both. */
export async function startClient(options: BotteOptions = {}) {
  const emu = await BotApiEmulator.start();
  const bot = new ApiClient(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, ...options });
  return {
    emu,
    bot,
    async close() {
      await bot.closeSession();
      await emu.stop();
    },
  };
}

/** Options of {@link dispatchHarness}. */
export interface DispatchHarnessOptions<B extends Dispatcher> {
  /** Options of the emulator `start()` launches. */
  emulator?: EmulatorOptions;
  /** Makes the bot under test (default: a plain Dispatcher), e.g. a `Botte` for its helpers. */
  create?: (token: string, options: BotteOptions) => B;
}

/**
 * A Dispatcher test bench: `start()` an emulator (in a `before` hook), `setup(options)` a bot on
 * it plus `feed()`, which fetches the pending updates of every type and hands them to
 * `processNewUpdates`; `reset()` between tests and `stop()` at the end.
 */
export function dispatchHarness<B extends Dispatcher = Dispatcher>(harnessOptions: DispatchHarnessOptions<B> = {}) {
  let emu: BotApiEmulator | undefined;
  const bots: Dispatcher[] = [];
  const create =
    harnessOptions.create ?? ((token: string, options: BotteOptions) => new Dispatcher(token, options) as B);
  function setup(options: BotteOptions = {}) {
    const bot = create(emu!.token, { apiUrl: emu!.apiUrl, ...options });
    bots.push(bot);
    let offset: number | undefined;
    const feed = async () => {
      const updates = await bot.getUpdates({ offset, allowed_updates: [...updateTypes] });
      if (updates.length > 0) offset = updates[updates.length - 1]!.update_id + 1;
      await bot.processNewUpdates(updates);
    };
    return { bot, feed };
  }
  return {
    setup,
    async start() {
      emu = await BotApiEmulator.start(harnessOptions.emulator);
      return emu;
    },
    reset() {
      emu!.reset();
    },
    async stop() {
      await Promise.all(bots.map((bot) => bot.closeSession()));
      await emu?.stop();
    },
  };
}

/** A bot running a two-question form with states (name, then age), and an echo for the rest. */
/** The states of the form bot. */
export const Form = StatesGroup.create('Form', ['name', 'age']);

export function formBot(emu: BotApiEmulator, options: BotteOptions = {}) {
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, ...options });
  bot.addCustomFilter(new customFilters.StateFilter(bot));
  bot.handleMsg({ commands: ['form'] }, async (message) => {
    await bot.setState(message.from!.id, Form.name, message.chat.id);
    await bot.replyTo(message, 'What is your name?');
  });
  bot.handleMsg({ state: Form.name }, async (message) => {
    await bot.addData(message.from!.id, message.chat.id, { name: message.text });
    await bot.setState(message.from!.id, Form.age, message.chat.id);
    await bot.replyTo(message, 'How old are you?');
  });
  bot.handleMsg({ state: Form.age }, async (message) => {
    const data = await bot.retrieveData(message.from!.id, message.chat.id);
    await bot.deleteState(message.from!.id, message.chat.id);
    await bot.replyTo(message, `${data.name} is ${message.text}`);
  });
  bot.handleMsg({ func: () => true }, (message) => bot.replyTo(message, `echo ${message.text}`));
  return bot;
}

/** Sends `text` as user `userId` (in their private chat) and checks the bot's reply. */
export async function say(emu: BotApiEmulator, userId: number, text: string, expected: string) {
  const since = emu.calls.length;
  emu.pushMessage(text, { chatId: userId, userId });
  const call = await emu.waitForCall('sendMessage', (c) => c.params.chat_id === userId, { since, timeoutMs: 5000 });
  assert.equal(call.params.text, expected, `reply to "${text}" from ${userId}`);
}

/** The two-user form conversation both state-storage tests run: interleaved users 1 and 2, then an echo. */
export async function twoUsersFillTheForm(emu: BotApiEmulator): Promise<void> {
  await say(emu, 1, '/form', 'What is your name?');
  await say(emu, 2, '/form', 'What is your name?');
  await say(emu, 1, 'Ada', 'How old are you?');
  await say(emu, 2, 'Linus', 'How old are you?');
  await say(emu, 2, '55', 'Linus is 55');
  await say(emu, 1, '36', 'Ada is 36');
  await say(emu, 1, 'hello', 'echo hello');
}

/**
 * A polling bot (4 at once, at most 50 unfinished, `polling` added to the options of `runthebot`)
 * whose every handler waits until `release()`; `handled()` counts the handlers that finished.
 * For backpressure tests.
 */
export function gatedPollingBot(emu: BotApiEmulator, polling: PollingOptions = {}) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let handled = 0;
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, numThreads: 4 });
  bot.handleMsg({ func: () => true }, async () => {
    await gate;
    handled++;
  });
  const running = bot.runthebot({ longPollingTimeout: 5, maxUnfinished: 50, ...polling });
  return { bot, running, release, handled: () => handled };
}

/** Resolves after `ms` milliseconds: the one pause of the suite (waiting for a condition is {@link waitFor}'s job). */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Options of {@link waitFor}. */
export interface WaitForOptions {
  /** What did not happen, for the failure message (a function: computed when it fails, with the latest figures). */
  message: string | (() => string);
  /** Give up after this many ms (default 10 000). */
  timeoutMs?: number;
  /** Check every this many ms (default 10). */
  intervalMs?: number;
}

/**
 * Waits until `condition()` is true, checking every few ms; fails with `message` (and the time
 * waited) once `timeoutMs` passed, so a broken feature fails the test instead of hanging it.
 * An exception thrown by `condition` ends the wait at once (use it to fail early on a violation).
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitForOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const started = Date.now();
  for (;;) {
    if (await condition()) return;
    if (Date.now() - started >= timeoutMs) {
      const what = typeof options.message === 'function' ? options.message() : options.message;
      throw new assert.AssertionError({ message: `waitFor: ${what} (gave up after ${timeoutMs} ms)` });
    }
    await sleep(options.intervalMs ?? 10);
  }
}

/**
 * Stops a bot from a test's `finally`: a test that failed half-way must not leave a polling loop
 * (and the test file) running. Gives up silently after `timeoutMs`, e.g. while a gated handler
 * never finishes; the test has failed already in that case.
 */
export async function stopQuietly(bot: { stopBot(): Promise<void> } | undefined, timeoutMs = 5000): Promise<void> {
  if (bot === undefined) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    bot.stopBot().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

/**
 * Runs `fn` with Botte's log at `level` and its records collected (`fn` gets the list as it grows),
 * then puts the level and output back, also when `fn` fails.
 */
export async function withLogs<T>(level: LogLevel, fn: (records: LogRecord[]) => Promise<T>): Promise<T> {
  const records: LogRecord[] = [];
  const previous = logger.getLevel();
  logger.setLevel(level).setOutput((record) => records.push(record));
  try {
    return await fn(records);
  } finally {
    logger.setLevel(previous).setOutput(null);
  }
}

/**
 * An `exceptionHandler` for a bot's options that keeps every error it gets in `errors` and
 * answers true (handled: nothing is logged).
 */
export function recordErrors(): { errors: unknown[]; exceptionHandler: (error: unknown) => boolean } {
  const errors: unknown[] = [];
  return {
    errors,
    exceptionHandler: (error) => {
      errors.push(error);
      return true;
    },
  };
}

/** {@link recordErrors}, keeping only each error's `message`. */
export function recordErrorMessages(): { messages: string[]; exceptionHandler: (error: unknown) => boolean } {
  const messages: string[] = [];
  return {
    messages,
    exceptionHandler: (error) => {
      messages.push((error as Error).message);
      return true;
    },
  };
}

/** A local port nothing listens on (fetch refuses some low ports outright, like 9). */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Two getMe calls of `bot`, `pauseMs` apart, then its session closed; how many TCP connections
 * they used, as `connections()` counts them (at a relay or proxy in front of the server).
 */
export async function connectionsForTwoCalls(
  bot: ApiClient,
  pauseMs: number,
  connections: () => number,
): Promise<number> {
  const before = connections();
  try {
    assert.equal((await bot.getMe()).is_bot, true);
    await sleep(pauseMs);
    assert.equal((await bot.getMe()).is_bot, true, 'the call after the pause works');
  } finally {
    await bot.closeSession();
  }
  return connections() - before;
}
