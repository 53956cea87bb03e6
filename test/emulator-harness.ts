/**
 * One emulator for a whole test file, hooks included: at the top of the file,
 * `const emu = await useEmulator();` starts it; it is stopped after the file's tests. For one
 * test: `await withEmulator(async (emu) => { ... })`.
 */
import { after, beforeEach } from 'node:test';
import { BotApiEmulator, type EmulatorOptions } from '../src/testing/index.js';
import { logger } from '../src/logger.js';

/** Options of {@link useEmulator}. */
export interface UseEmulatorOptions {
  /** Options of the emulator. */
  emulator?: EmulatorOptions;
  /** Silence Botte's log for the file (e.g. retries log a warning each); the level is put back after its tests. */
  silent?: boolean;
  /** Reset the emulator (recorded calls, pending updates, faults) before each test. */
  resetEachTest?: boolean;
}

/** Starts an emulator for the file's tests and stops it after them. */
export async function useEmulator(options: UseEmulatorOptions = {}): Promise<BotApiEmulator> {
  const emu = await BotApiEmulator.start(options.emulator);
  const level = logger.getLevel();
  if (options.silent) logger.setLevel('silent');
  after(async () => {
    if (options.silent) logger.setLevel(level);
    await emu.stop();
  });
  if (options.resetEachTest) beforeEach(() => emu.reset());
  return emu;
}

/** Runs `fn` with an emulator of its own (started with `options`), stopped afterwards however `fn` ends. */
export async function withEmulator<T>(fn: (emu: BotApiEmulator) => Promise<T>, options?: EmulatorOptions): Promise<T> {
  const emu = await BotApiEmulator.start(options);
  try {
    return await fn(emu);
  } finally {
    await emu.stop();
  }
}
