/** Shared helpers of the test suite: start an emulator and a client pointed at it. */
import { BotApiEmulator } from '../src/testing/index.js';
import { ApiClient } from '../src/api/client.js';
import type { BotteOptions } from '../src/options.js';
import { Dispatcher } from '../src/dispatch/dispatcher.js';
import { updateTypes } from '../src/util/constants.js';

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

/**
 * A Dispatcher test bench: `start()` an emulator (in a `before` hook), `setup(options)` a bot on
 * it plus `feed()`, which fetches the pending updates of every type and hands them to
 * `processNewUpdates`; `reset()` between tests and `stop()` at the end.
 */
export function dispatchHarness() {
  let emu: BotApiEmulator | undefined;
  const bots: Dispatcher[] = [];
  function setup(options: BotteOptions = {}) {
    const bot = new Dispatcher(emu!.token, { apiUrl: emu!.apiUrl, ...options });
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
    async start() { emu = await BotApiEmulator.start(); return emu; },
    reset() { emu!.reset(); },
    async stop() {
      await Promise.all(bots.map((bot) => bot.closeSession()));
      await emu?.stop();
    },
  };
}
