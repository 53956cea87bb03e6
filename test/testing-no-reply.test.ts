/**
 * "The bot must NOT answer this": chat.expectNoReply() waits until the bot has handled what the
 * chat sent (a deterministic point, not a sleep), and timeouts say whether the bot ever took the update.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

function createGroupBot(token: string, options: { apiUrl: string; fileUrl: string }): Botte {
  const bot = new Botte(token, options);
  bot.handleMsg({ commands: ['ping'] }, (m) => bot.replyTo(m, 'pong'));
  // Not awaited on purpose: bots written this way must still be caught by expectNoReply.
  bot.handleMsg({ func: (m) => m.text === 'shout' }, (m) => {
    void bot.sendMessage(m.chat.id, 'SHOUT');
  });
  bot.handleMsg({ chatTypes: ['private'], func: (m) => m.text !== undefined }, (m) => bot.replyTo(m, `echo ${m.text}`));
  return bot;
}

describe('expectNoReply with a polling bot', () => {
  let emu: BotApiEmulator;
  let bot: Botte;
  let running: Promise<void>;
  before(async () => {
    emu = await BotApiEmulator.start();
    bot = createGroupBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    running = bot.runthebot({ longPollingTimeout: 1 });
  });
  after(async () => {
    await bot.stopBot();
    await running;
    await emu.stop();
  });

  it('passes when the bot handled the message and stayed silent', async () => {
    const group = emu.groupChat({ users: [{ id: 31, first_name: 'Ann' }] });
    await group.send('just chatting');
    await group.expectNoReply();
    await group.send('/ping');
    await group.expectReply('pong');
    await group.expectNoReply();
  });

  it('fails when the bot did answer, naming the message', async () => {
    const chat = emu.privateChat({ user: { id: 32 } });
    await chat.send('hello');
    await assert.rejects(chat.expectNoReply(), /expectNoReply\(\): the bot sent "echo hello" to chat 32/);
  });

  it('sees a message the handler sent without awaiting it', async () => {
    const group = emu.groupChat({ users: [{ id: 33 }] });
    emu.injectFault({ method: 'sendMessage', kind: 'slow', delayMs: 300 });
    await group.send('shout');
    await assert.rejects(group.expectNoReply(), /the bot sent "SHOUT"/);
  });
});

describe('expectNoReply and timeouts when the bot never takes the update', () => {
  it('says the bot did not fetch the update (not running, or not pointed at the emulator)', async () => {
    const emu = await BotApiEmulator.start();
    try {
      const chat = emu.privateChat();
      await chat.send('/ping');
      await assert.rejects(
        chat.expectNoReply({ timeoutMs: 300 }),
        /expectNoReply\(\) timed out after 300 ms: the bot has not confirmed update 1 of chat 1001.*runthebot.*emu\.apiUrl/,
      );
      await assert.rejects(
        chat.expectReply('pong', { timeoutMs: 300 }),
        /The bot has not confirmed update 1 of chat 1001: it never called getUpdates/,
      );
    } finally {
      await emu.stop();
    }
  });

  it('a timed-out expectReply says when the bot handled the update and sent nothing', async () => {
    const emu = await BotApiEmulator.start();
    const bot = createGroupBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    const running = bot.runthebot({ longPollingTimeout: 1 });
    try {
      const group = emu.groupChat({ users: [{ id: 34 }] });
      await group.send('quiet');
      await assert.rejects(
        group.expectReply('pong', { timeoutMs: 1500 }),
        /The bot handled every update of this chat \(none is pending\)/,
      );
    } finally {
      await bot.stopBot();
      await running;
      await emu.stop();
    }
  });
});

describe('expectNoReply with a webhook bot', () => {
  for (const replyInResponse of [false, true]) {
    it(`waits for the webhook answer (replyInResponse: ${replyInResponse})`, async () => {
      const emu = await BotApiEmulator.start({ deliverWebhooks: true });
      const bot = createGroupBot(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
      const server = await bot.runWebhooks({
        listen: '127.0.0.1',
        port: 0,
        urlPath: '/hook',
        secretToken: 's3cret',
        replyInResponse,
      });
      try {
        await bot.setWebhook(server.url, { secret_token: 's3cret' });
        const group = emu.groupChat({ users: [{ id: 35 }] });
        await group.send('nothing for the bot');
        await group.expectNoReply();
        await group.send('/ping');
        await group.expectReply('pong');
        await group.expectNoReply();
        const chat = emu.privateChat({ user: { id: 36 } });
        await chat.send('hi');
        await assert.rejects(chat.expectNoReply(), /the bot sent "echo hi" to chat 36/);
      } finally {
        await bot.stopBot();
        await server.close();
        await emu.stop();
      }
    });
  }
});

describe('a conversation created after the bot wrote to the chat', () => {
  it('a timed-out expectReply says the message came before the conversation was created', async () => {
    const emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    bot.handleMsg({ commands: ['report'] }, async (m) => {
      await bot.sendMessage(999, `report from ${m.from!.id}`);
      await bot.replyTo(m, 'sent');
    });
    await emu.runBot(bot);
    try {
      const user = emu.privateChat({ user: { id: 37 } });
      await user.send('/report');
      await user.expectReply('sent');
      const admin = emu.privateChat({ user: { id: 999 } });
      await assert.rejects(
        admin.expectReply(/report/, { timeoutMs: 200 }),
        /Before this conversation was created \(emu\.privateChat\(\)\), the bot sent "report from 37" to chat 999: a conversation reads only what comes after it is created/,
      );
      assert.deepEqual(
        admin.history.map((m) => m.text),
        ['report from 37'],
      );
    } finally {
      await emu.stop();
    }
  });
});
