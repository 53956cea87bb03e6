/**
 * The playground: an emulator, the user's bot running against it, and a chat page in the browser.
 * `npx botte playground path/to/bot.ts` (src/playground/cli.ts) calls {@link startPlayground}.
 * @module
 */
import { BotApiEmulator } from '../testing/server.js';
import { BotProcess } from './bot-process.js';
import { PlaygroundServer } from './server.js';

/** Options of {@link startPlayground}. */
export interface PlaygroundOptions {
  /** The bot's file, run unchanged (it reads BOT_TOKEN). */
  botFile: string;
  /** Port of the page on 127.0.0.1 (default 8790; 0 picks a free one). */
  port?: number;
  /** Restart the bot when its files change (default true). */
  watch?: boolean;
  /** Where the bot's output and the playground's notes go (default the console). */
  log?: (line: string) => void;
}

/** A running playground. */
export interface Playground {
  /** The page's URL, `http://127.0.0.1:PORT`. */
  url: string;
  /** The emulator the bot talks to. */
  emu: BotApiEmulator;
  /** The bot process (restart it, count its starts). */
  bot: BotProcess;
  /** Stops the bot, the page server and the emulator. */
  stop(): Promise<void>;
}

/** The page's port when none is given. */
export const DEFAULT_PLAYGROUND_PORT = 8790;

/** Starts the emulator, the page and the bot. */
export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const emu = await BotApiEmulator.start({ botUser: { first_name: 'Playground Bot', username: 'playground_bot' } });
  const page = new PlaygroundServer(emu);
  let bot: BotProcess | undefined;
  try {
    const url = await page.listen(options.port ?? DEFAULT_PLAYGROUND_PORT);
    bot = new BotProcess({
      file: options.botFile,
      // The bot finds the emulator through Botte's BOTTE_API_URL/BOTTE_FILE_URL (src/api/settings.ts).
      env: { BOT_TOKEN: emu.token, BOTTE_API_URL: emu.apiUrl, BOTTE_FILE_URL: emu.fileUrl },
      ...(options.watch !== undefined ? { watch: options.watch } : {}),
      ...(options.log !== undefined ? { log: options.log } : {}),
    });
    bot.start();
    const running = bot;
    return {
      url,
      emu,
      bot: running,
      async stop() {
        await running.stop();
        await page.close();
        await emu.stop();
      },
    };
  } catch (error) {
    await bot?.stop();
    await page.close().catch(() => undefined);
    await emu.stop();
    throw error;
  }
}
