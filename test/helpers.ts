/** Shared helpers of the test suite: start an emulator and a client pointed at it. */
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import type { BotteOptions } from '../src/options.js';

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
