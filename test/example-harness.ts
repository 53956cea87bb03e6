/**
 * Runs one example bot of examples/ against a fresh emulator, for the test/example-*.test.ts files:
 * `const run = await startExample(createBot)`, then `await run.say('/start')` pushes a user's
 * message and resolves with the bot's answer (the first `sendMessage`, or another method, after it).
 */
import {
  BotApiEmulator,
  type EmulatorOptions,
  type PushMessageOptions,
  type RecordedCall,
} from '../src/testing/index.js';
import type { Botte, BotteOptions } from '../src/index.js';

type PollingOptions = NonNullable<Parameters<Botte['runthebot']>[0]>;

/** What the example factories look like: `createBot(token, options)`. */
export type ExampleFactory<B> = (token: string, options: BotteOptions) => B;

/** A running example: the emulator, the bot and helpers to talk to it. */
export interface ExampleRun<B> {
  emu: BotApiEmulator;
  bot: B;
  /** Pushes a message from user 1001 (or `options`) and waits for the bot's `method` call after it. */
  say(text: string | undefined, options?: PushMessageOptions, method?: string): Promise<RecordedCall>;
  /** Runs `action` and waits for the first `method` call made after it. */
  expect(method: string, action: () => unknown, predicate?: (call: RecordedCall) => boolean): Promise<RecordedCall>;
  /** The calls other than getUpdates/getMe made since call index `since`. */
  callsSince(since: number): RecordedCall[];
  /** Stops the bot (gracefully) and the emulator. */
  stop(): Promise<void>;
}

const TIMEOUT_MS = 5000;

/** Starts an emulator, builds the example's bot on it and starts polling. */
export async function startExample<B extends Pick<Botte, 'runthebot' | 'stopBot'>>(
  create: ExampleFactory<B>,
  settings: { botOptions?: BotteOptions; polling?: PollingOptions; emulator?: EmulatorOptions; poll?: boolean } = {},
): Promise<ExampleRun<B>> {
  const emu = await BotApiEmulator.start(settings.emulator);
  const bot = create(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl, ...settings.botOptions });
  const running = settings.poll === false ? undefined : bot.runthebot({ longPollingTimeout: 1, ...settings.polling });
  const expect = async (method: string, action: () => unknown, predicate?: (call: RecordedCall) => boolean) => {
    const since = emu.calls.length;
    await action();
    return emu.waitForCall(method, predicate, { since, timeoutMs: TIMEOUT_MS });
  };
  return {
    emu,
    bot,
    expect,
    say: (text, options = {}, method = 'sendMessage') => expect(method, () => emu.pushMessage(text, options)),
    callsSince: (since) =>
      emu.calls.slice(since).filter((call) => call.method !== 'getUpdates' && call.method !== 'getMe'),
    async stop() {
      try {
        await bot.stopBot();
        await running;
      } finally {
        await emu.stop();
      }
    },
  };
}
