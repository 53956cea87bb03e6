// bot.runWebhooks() written the pyTelegramBotAPI way: `run_webhooks(webhook_url=...)` becomes
// `runWebhooks({ webhookUrl })` by the naming rule, and must register the webhook exactly like
// `url` (it used to be ignored: the server listened, setWebhook was never called, and the bot
// silently received nothing). An option runWebhooks does not know is refused, never ignored.
// Real Botte, real emulator (which delivers to the local server), real sockets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Botte } from '../src/runner/botte.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { logger } from '../src/logger.js';

logger.setLevel('silent'); // the webhook servers log a line each

test('runWebhooks({ webhookUrl }) registers the webhook like url, and the bot answers what Telegram posts', async () => {
  const emu = await BotApiEmulator.start({ deliverWebhooks: true });
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (m) => bot.replyTo(m, `got ${m.text}`));
  try {
    // The port must be known before the URL can be: take a free one first.
    const probe = await bot.runWebhooks({ port: 0, urlPath: '/probe' });
    const port = probe.port;
    await probe.close();
    const server = await bot.runWebhooks({ port, webhookUrl: `http://127.0.0.1:${port}/hook` });
    const set = emu.callsOf('setWebhook');
    assert.equal(set.length, 1, 'setWebhook was called');
    assert.equal(set[0]!.params.url, `http://127.0.0.1:${port}/hook`);
    assert.equal(typeof set[0]!.params.secret_token, 'string', 'a secret is generated, as with url');
    assert.equal(server.url, `http://127.0.0.1:${port}/hook`);

    const chat = emu.privateChat();
    await chat.send('hello');
    await chat.expectReply('got hello');
  } finally {
    await bot.stopBot();
    await emu.stop();
  }
});

test('runWebhooks refuses an option it does not know instead of ignoring it', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    await assert.rejects(
      bot.runWebhooks({ port: 0, webhook_url: 'https://example.com/hook' } as never),
      (error: Error) => {
        assert.ok(error instanceof TypeError);
        assert.match(error.message, /runWebhooks: unknown option "webhook_url"/);
        assert.match(error.message, /webhookUrl/, 'the camelCase spelling is suggested');
        return true;
      },
    );
    await assert.rejects(bot.runWebhooks({ port: 0, urlpath: '/x' } as never), /unknown option "urlpath"/);
    await assert.rejects(
      bot.runWebhooks({ port: 0, url: 'https://example.com/a', webhookUrl: 'https://example.com/b' }),
      /url and webhookUrl/,
    );
    assert.equal(emu.callsOf('setWebhook').length, 0);
  } finally {
    await bot.stopBot();
    await emu.stop();
  }
});
