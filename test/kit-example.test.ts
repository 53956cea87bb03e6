/** The node:test example of docs/testing.md, kept runnable (imports point into the repository). */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { BotApiEmulator } from '../src/testing/index.js';
import { createButtonsBot } from '../examples/buttons-bot.js';

let emu: BotApiEmulator;
let bot: ReturnType<typeof createButtonsBot>;
let running: Promise<void>;
before(async () => {
  emu = await BotApiEmulator.start();
  bot = createButtonsBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  running = bot.runthebot({ longPollingTimeout: 1 });
});
after(async () => {
  await bot.stopBot();
  await running;
  await emu.stop();
});

test('greets and echoes', async () => {
  const chat = emu.privateChat();
  await chat.send('/start');
  await chat.expectReply(/Howdy/);
  await chat.send('ping');
  assert.equal((await chat.expectReply()).text, 'ping');
});
