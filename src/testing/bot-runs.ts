/**
 * Bots the emulator runs for a test ({@link BotApiEmulator.runBot}): started polling it, and
 * stopped gracefully when the emulator stops, so that one `emu.stop()` cleans up and a test file
 * exits without `--test-force-exit`.
 * @module
 */
import type { PollingOptions } from '../runner/polling.js';

/** A bot the emulator can run: a `Botte` or an `AsyncBotte`. */
export interface RunnableBot {
  /** Polls until stopped. */
  runthebot(options?: PollingOptions): Promise<void>;
  /** Stops polling gracefully. */
  stopBot(): Promise<void>;
}

/** Options of {@link BotApiEmulator.runBot}: polling options, and how long to wait for the first poll. */
export interface RunBotOptions extends PollingOptions {
  /** How long the bot may take to call getUpdates the first time (default 10000 ms). */
  timeoutMs?: number | undefined;
}

/** The bots one emulator started, with the promise of each run. */
export class BotRuns {
  private readonly runs = new Map<RunnableBot, Promise<void>>();

  /**
   * Starts `bot` (long polls of 1 s unless told otherwise) and resolves once its first getUpdates
   * reached the emulator (`firstPoll`); rejects when the bot stops first or the poll never comes.
   */
  async start(
    bot: RunnableBot,
    options: RunBotOptions,
    firstPoll: (timeoutMs: number) => Promise<unknown>,
  ): Promise<void> {
    if (this.runs.has(bot)) throw new Error('runBot: this bot already runs on this emulator');
    const { timeoutMs = 10_000, ...polling } = options;
    const arrived = firstPoll(timeoutMs);
    const run = bot.runthebot({ longPollingTimeout: 1, ...polling });
    this.runs.set(bot, run);
    const ended = run.then(
      () => {
        throw new Error('runBot: the bot stopped before it polled this emulator');
      },
      (error: unknown) => {
        throw new Error(`runBot: the bot stopped: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      },
    );
    try {
      await Promise.race([arrived, ended]);
    } catch (error) {
      this.runs.delete(bot);
      await bot.stopBot().catch(() => undefined);
      await run.catch(() => undefined);
      if (error instanceof Error && error.message.startsWith('runBot:')) throw error;
      throw new Error(
        `runBot: the bot did not call getUpdates on this emulator within ${timeoutMs} ms. Was it created with { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl }?`,
      );
    } finally {
      ended.catch(() => undefined);
    }
  }

  /** Stops every bot started here and waits for their runs to end (their errors were reported by the bots). */
  async stopAll(): Promise<void> {
    const runs = [...this.runs];
    this.runs.clear();
    await Promise.all(
      runs.map(async ([bot, run]) => {
        await bot.stopBot().catch(() => undefined);
        await run.catch(() => undefined);
      }),
    );
  }
}
