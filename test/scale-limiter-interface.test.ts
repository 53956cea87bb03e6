// The `floodControl` option takes any FloodLimiter: Botte asks it before every call, tells it of
// 429s when it can share them (`pause`), and queues the retry through it again. A limiter without
// `pause` (the in-process FloodControl) keeps today's behaviour: the retry only waits retry_after.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Botte, type FloodLimiter } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';

function recordingLimiter(withPause: boolean): FloodLimiter & { seen: unknown[][] } {
  const seen: unknown[][] = [];
  const limiter: FloodLimiter & { seen: unknown[][] } = {
    seen,
    async acquire(method, chatId, _signal, botId) {
      seen.push(['acquire', method, chatId, botId]);
    },
  };
  if (withPause)
    limiter.pause = async (method, chatId, retryAfter, botId) => {
      seen.push(['pause', method, chatId, retryAfter, botId]);
    };
  return limiter;
}

describe('floodControl with a FloodLimiter object', () => {
  it('asks it before each call, tells it of a 429 and queues the retry through it', async () => {
    const emu = await BotApiEmulator.start();
    const limiter = recordingLimiter(true);
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: limiter });
    const level = logger.getLevel();
    logger.setLevel('silent');
    try {
      await bot.sendMessage(5, 'first');
      emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1 });
      await bot.sendMessage(-6, 'refused once');
      assert.deepEqual(limiter.seen, [
        ['acquire', 'sendMessage', 5, bot.botId],
        ['acquire', 'sendMessage', -6, bot.botId],
        ['pause', 'sendMessage', -6, 1, bot.botId],
        ['acquire', 'sendMessage', -6, bot.botId],
      ]);
      assert.deepEqual(
        emu.callsOf('sendMessage').map((call) => call.status),
        [200, 429, 200],
      );
    } finally {
      logger.setLevel(level);
      await bot.closeSession();
      await emu.stop();
    }
  });

  it('a limiter without pause is asked once per call, as the in-process one is', async () => {
    const emu = await BotApiEmulator.start();
    const limiter = recordingLimiter(false);
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, floodControl: limiter });
    const level = logger.getLevel();
    logger.setLevel('silent');
    try {
      emu.injectFault({ method: 'sendMessage', kind: 'too-many-requests', retryAfter: 1 });
      await bot.sendMessage(5, 'refused once');
      assert.deepEqual(limiter.seen, [['acquire', 'sendMessage', 5, bot.botId]]);
      assert.deepEqual(
        emu.callsOf('sendMessage').map((call) => call.status),
        [429, 200],
      );
    } finally {
      logger.setLevel(level);
      await bot.closeSession();
      await emu.stop();
    }
  });
});
