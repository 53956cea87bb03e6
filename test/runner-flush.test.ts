import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botte } from '../src/runner/botte.js';
import { FileHandlerBackend, HandlerRegistry } from '../src/states/step-backends.js';
import { StateMemoryStorage } from '../src/states/memory-storage.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { stopQuietly, waitFor } from './helpers.js';
const dirs: string[] = [];
after(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function askAge(message: unknown) {
  return message;
}

test('stopBot() flushes the buffered writes of the step backends and the state storage', async () => {
  const emu = await BotApiEmulator.start();
  let bot: Botte | undefined;
  try {
    const dir = await mkdtemp(join(tmpdir(), 'botte-flush-'));
    dirs.push(dir);
    const file = join(dir, 'steps.json');
    // Saved 120 s after a change: only a flush writes it before the test ends.
    const steps = new FileHandlerBackend(file, 120, new HandlerRegistry());
    class CountingStorage extends StateMemoryStorage {
      flushes = 0;
      async flush(): Promise<void> {
        this.flushes++;
      }
    }
    const stateStorage = new CountingStorage();
    // One backend for both kinds: it is flushed once.
    bot = new Botte(emu.token, { apiUrl: emu.apiUrl, nextStepBackend: steps, replyBackend: steps, stateStorage });
    let handled = 0;
    bot.handleMsg({ commands: ['start'] }, async (message) => {
      await bot!.registerNextStepHandler(message, askAge);
      handled++;
    });
    const runningBot = bot.runthebot({ longPollingTimeout: 5 });
    emu.pushMessage('/start', { chatId: 42, userId: 42 });
    await waitFor(() => handled >= 1, { message: 'the /start handler did not run' });
    await assert.rejects(readFile(file, 'utf8'), 'nothing written yet (delayed save)');
    await bot.stopBot();
    await runningBot;
    const saved = JSON.parse(await readFile(file, 'utf8'));
    assert.deepEqual(saved.entries['42'], [{ name: 'askAge', args: [] }]);
    assert.equal(stateStorage.flushes, 1);
  } finally {
    await stopQuietly(bot);
    await emu.stop();
  }
});
