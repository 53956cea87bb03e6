import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { AsyncBotte } from '../src/runner/async-botte.js';
import { withEmulator } from './emulator-harness.js';

function echoBot(bot: Botte): Botte {
  bot.handleMsg({ commands: ['start', 'help'] }, (message) => {
    bot.replyTo(message, 'Howdy, how are you doing?');
  });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, message.text!);
  });
  return bot;
}

test('echo bot end to end through runthebot; stopBot resolves and confirms the offset', async () => {
  await withEmulator(async (emu) => {
    const bot = echoBot(new Botte(emu.token, { apiUrl: emu.apiUrl }));
    const running = bot.runthebot({ longPollingTimeout: 5 });
    emu.pushMessage('/start', { chatId: 10, userId: 10 });
    const first = await emu.waitForCall('sendMessage');
    assert.equal(first.params.text, 'Howdy, how are you doing?');
    assert.equal(first.params.chat_id, 10);
    const since = emu.calls.length;
    const pushed = emu.pushMessage('Hello Botte!', { chatId: 10, userId: 10 });
    const second = await emu.waitForCall('sendMessage', undefined, { since });
    assert.equal(second.params.text, 'Hello Botte!');
    assert.deepEqual(second.params.reply_parameters, { message_id: pushed.message!.message_id });

    const started = Date.now();
    await bot.stopBot();
    await running;
    assert.ok(Date.now() - started < 2000, 'the long poll was aborted, not waited out');
    assert.equal(emu.pendingUpdates().length, 0);
    assert.equal(emu.confirmedOffset, pushed.update_id + 1);
  });
});

test("AsyncBotte runs the README's async echo bot with await bot.polling()", async () => {
  await withEmulator(async (emu) => {
    const bot = new AsyncBotte(emu.token, { apiUrl: emu.apiUrl });
    bot.handleMsg({ commands: ['help', 'start'] }, async (message) => {
      await bot.replyTo(message, 'Hi there, I am EchoBot.');
    });
    bot.handleMsg({ func: () => true }, async (message) => {
      await bot.replyTo(message, message.text!);
    });
    const running = bot.polling({ longPollingTimeout: 5 });
    emu.pushMessage('/help');
    emu.pushMessage('ping');
    await emu.waitForCall('sendMessage', (call) => call.params.text === 'ping');
    assert.equal(emu.callsOf('sendMessage')[0]!.params.text, 'Hi there, I am EchoBot.');
    await bot.stopPolling();
    await running;
    await bot.stopBot();
  });
});

test('skipPending drops every pending update, the last one included', async () => {
  await withEmulator(async (emu) => {
    for (let i = 0; i < 5; i++) emu.pushMessage(`old ${i}`);
    const bot = echoBot(new Botte(emu.token, { apiUrl: emu.apiUrl }));
    const running = bot.runthebot({ skipPending: true, longPollingTimeout: 5 });
    await emu.waitForRequest('getUpdates', (call) => call.params.timeout === 5);
    emu.pushMessage('new');
    const reply = await emu.waitForCall('sendMessage');
    assert.equal(reply.params.text, 'new');
    await bot.stopBot();
    await running;
    assert.equal(emu.callsOf('sendMessage').length, 1);
  });
});
