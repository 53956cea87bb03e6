// pyTelegramBotAPI bots stop themselves from a handler (`/stop` → `bot.stop_polling()`). In
// Botte the stop calls return promises, and the natural translation awaits them inside the
// handler: `await bot.stopPolling()`. Since a graceful stop waits for the running handlers, the
// handler used to wait for itself and the bot hung forever. Inside one of the bot's own handlers
// the stop is now started and the call resolves at once; the run still ends gracefully (every
// handler finished, offset confirmed). Real Botte, real emulator.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { AsyncBotte, Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';

logger.setLevel('silent');

/** `promise`, or a rejection saying `what` did not happen within 10 s. */
async function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within 10 s (deadlock?)`)), 10_000);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stops the bot and the emulator; a stop that hangs fails the test instead of hanging it. */
async function cleanUp(bot: Botte, emu: BotApiEmulator): Promise<void> {
  await within(bot.stopBot(), 'stopBot() did not resolve').finally(() => emu.stop());
}

test('await bot.stopPolling() inside a handler stops polling; the handler goes on and the update is confirmed', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const steps: string[] = [];
  bot.handleMsg({ commands: ['stop'] }, async (m) => {
    await bot.replyTo(m, 'Bye');
    await bot.stopPolling();
    steps.push('stopPolling returned');
    await bot.sendMessage(m.chat.id, 'still here');
  });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    const chat = emu.privateChat();
    await chat.send('/stop');
    await within(running, 'runthebot() did not end after the handler awaited stopPolling()');
    assert.deepEqual(steps, ['stopPolling returned']);
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.text),
      ['Bye', 'still here'],
    );
    assert.deepEqual(emu.pendingUpdates(), [], 'the /stop update was confirmed');
  } finally {
    await cleanUp(bot, emu);
  }
});

test('await bot.stopBot() inside an AsyncBotte handler: polling ends and the bot is stopped after the handler', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ commands: ['bye'] }, async (m) => {
    await bot.stopBot();
    await bot.replyTo(m, 'stopping after the stop call');
  });
  const running = bot.polling({ longPollingTimeout: 1 });
  try {
    const chat = emu.privateChat();
    await chat.send('/bye');
    await within(running, 'polling() did not end after the handler awaited stopBot()');
    await chat.expectReply('stopping after the stop call');
    assert.deepEqual(emu.pendingUpdates(), [], 'the /bye update was confirmed');
  } finally {
    await cleanUp(bot, emu);
  }
});

test('stopping from a webhook handler: the request is answered and the server closes', async () => {
  const emu = await BotApiEmulator.start({ deliverWebhooks: true });
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  let stopped: Promise<void> | undefined;
  bot.handleMsg({ commands: ['stop'] }, async (m) => {
    await bot.replyTo(m, 'Bye');
    stopped = bot.stopBot();
    await stopped;
  });
  try {
    const server = await bot.runWebhooks({ port: 0, urlPath: '/hook' });
    await bot.setWebhook(server.url);
    const chat = emu.privateChat();
    await chat.send('/stop');
    await chat.expectReply('Bye');
    await within(
      (async () => {
        while (stopped === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
        await stopped;
      })(),
      'the handler did not get past stopBot()',
    );
    // The server closes once the request was answered. Probed on a new connection each time
    // (agent: false): a kept-alive probe connection would itself hold the closing server open.
    const refused = () =>
      new Promise<boolean>((resolve) => {
        const probe = request(server.url, { method: 'POST', agent: false }, (response) => {
          response.resume();
          response.on('end', () => resolve(false));
        });
        probe.on('error', () => resolve(true));
        probe.end('{}');
      });
    await within(
      (async () => {
        while (!(await refused())) await new Promise((resolve) => setTimeout(resolve, 20));
      })(),
      'the webhook server did not close',
    );
  } finally {
    await cleanUp(bot, emu);
  }
});
