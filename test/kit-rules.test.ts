/**
 * Telegram's rules in the emulator: required parameters (from the method table), ids, lengths,
 * keyboards and callback_data, strict chats and messages, rate limits and webhook delivery.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte } from '../src/index.js';

type Answer = {
  ok: boolean;
  result?: any;
  error_code?: number;
  description?: string;
  parameters?: { retry_after?: number };
};

async function call(emu: BotApiEmulator, method: string, params: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${emu.url}/bot${emu.token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  const body = (await res.json()) as Answer;
  assert.equal(res.status, body.ok ? 200 : body.error_code);
  return body;
}

describe('emulator rules', () => {
  let emu: BotApiEmulator;
  before(async () => {
    emu = await BotApiEmulator.start();
  });
  after(() => emu.stop());

  it('required parameters, with Telegram descriptions', async () => {
    assert.equal((await call(emu, 'sendMessage', { text: 'x' })).description, 'Bad Request: chat_id is empty');
    assert.equal((await call(emu, 'sendMessage', { chat_id: 1 })).description, 'Bad Request: message text is empty');
    assert.equal(
      (await call(emu, 'sendMessage', { chat_id: 1, text: '   ' })).description,
      'Bad Request: message text is empty',
    );
    assert.equal(
      (await call(emu, 'banChatMember', { chat_id: -100 })).description,
      'Bad Request: invalid user_id specified',
    );
    assert.equal(
      (await call(emu, 'sendPhoto', { chat_id: 1 })).description,
      'Bad Request: there is no photo in the request',
    );
    assert.equal(
      (await call(emu, 'sendLocation', { chat_id: 1, longitude: 2 })).description,
      'Bad Request: latitude is empty',
    );
    assert.equal(
      (await call(emu, 'forwardMessage', { chat_id: 1, from_chat_id: 2 })).description,
      'Bad Request: message identifier is not specified',
    );
    assert.equal((await call(emu, 'answerCallbackQuery', {})).error_code, 400);
  });

  it('ids and lengths', async () => {
    assert.equal(
      (await call(emu, 'sendMessage', { chat_id: 'not a chat', text: 'x' })).description,
      'Bad Request: chat not found',
    );
    assert.equal(
      (await call(emu, 'deleteMessage', { chat_id: 1, message_id: 'abc' })).description,
      'Bad Request: message identifier must be a Number',
    );
    assert.equal(
      (await call(emu, 'sendMessage', { chat_id: 1, text: 'a'.repeat(4097) })).description,
      'Bad Request: message is too long',
    );
    assert.equal((await call(emu, 'sendMessage', { chat_id: 1, text: 'a'.repeat(4096) })).ok, true);
    assert.equal((await call(emu, 'sendMessage', { chat_id: '@some_channel', text: 'x' })).ok, true);
  });

  it('keyboards: shapes, button actions, callback_data of at most 64 bytes', async () => {
    const send = (reply_markup: unknown) => call(emu, 'sendMessage', { chat_id: 1, text: 'k', reply_markup });
    assert.equal((await send({ inline_keyboard: [[{ text: 'a', callback_data: 'x'.repeat(64) }]] })).ok, true);
    assert.equal(
      (await send({ inline_keyboard: [[{ text: 'a', callback_data: 'é'.repeat(33) }]] })).description,
      'Bad Request: BUTTON_DATA_INVALID',
    );
    assert.equal(
      (await send({ inline_keyboard: [{ text: 'a', callback_data: 'x' }] })).description,
      'Bad Request: field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays',
    );
    assert.equal(
      (await send({ inline_keyboard: [[{ text: 'a' }]] })).description,
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    );
    assert.equal(
      (await send({ inline_keyboard: [[{ callback_data: 'x' }]] })).description,
      `Bad Request: can't parse inline keyboard button: Can't find field "text"`,
    );
    assert.equal(
      (await send({ keyboard: ['a', 'b'] })).description,
      'Bad Request: field "keyboard" must be an Array of Arrays',
    );
    assert.equal((await send({ keyboard: [['a', { text: 'b' }]] })).ok, true);
    assert.equal(
      (await send({ colour: 'red' })).description,
      "Bad Request: can't parse reply keyboard markup JSON object",
    );
  });

  it('message is not modified', async () => {
    const sent = await call(emu, 'sendMessage', { chat_id: 1, text: 'same' });
    const again = await call(emu, 'editMessageText', { chat_id: 1, message_id: sent.result.message_id, text: 'same' });
    assert.match(
      again.description!,
      /^Bad Request: message is not modified: specified new message content and reply markup are exactly the same/,
    );
  });

  it('validate: false turns the rules off', async () => {
    const loose = await BotApiEmulator.start({ validate: false });
    try {
      const answer = await call(loose, 'sendMessage', {
        chat_id: 1,
        text: '<b>x',
        parse_mode: 'HTML',
        reply_markup: { inline_keyboard: [[{ text: 'a' }]] },
      });
      assert.equal(answer.result.text, '<b>x');
    } finally {
      await loose.stop();
    }
  });
});

describe('emulator strict mode', () => {
  it('unknown chats and messages are refused as by Telegram', async () => {
    const emu = await BotApiEmulator.start({ strict: true });
    try {
      assert.equal(
        (await call(emu, 'sendMessage', { chat_id: 555, text: 'x' })).description,
        'Bad Request: chat not found',
      );
      emu.pushMessage('hi', { userId: 555 });
      const sent = await call(emu, 'sendMessage', { chat_id: 555, text: 'x' });
      assert.equal(sent.ok, true);
      assert.equal(
        (await call(emu, 'editMessageText', { chat_id: 555, message_id: 99, text: 'y' })).description,
        'Bad Request: message to edit not found',
      );
      assert.equal(
        (await call(emu, 'deleteMessage', { chat_id: 555, message_id: 99 })).description,
        'Bad Request: message to delete not found',
      );
      assert.equal(
        (await call(emu, 'sendMessage', { chat_id: 555, text: 'r', reply_parameters: { message_id: 99 } })).description,
        'Bad Request: message to be replied not found',
      );
      assert.equal(
        (
          await call(emu, 'sendMessage', {
            chat_id: 555,
            text: 'r',
            reply_parameters: { message_id: 99, allow_sending_without_reply: true },
          })
        ).ok,
        true,
      );
    } finally {
      await emu.stop();
    }
  });
});

describe('emulator rate limits', () => {
  it('answers 429 with retry_after past 1 message a second in a private chat and 20 a minute in a group', async () => {
    let now = 1_000_000;
    const emu = await BotApiEmulator.start({ rateLimits: { now: () => now } });
    try {
      assert.equal((await call(emu, 'sendMessage', { chat_id: 1, text: 'a' })).ok, true);
      const limited = await call(emu, 'sendMessage', { chat_id: 1, text: 'b' });
      assert.equal(limited.error_code, 429);
      assert.equal(limited.description, 'Too Many Requests: retry after 1');
      assert.deepEqual(limited.parameters, { retry_after: 1 });
      assert.equal((await call(emu, 'sendMessage', { chat_id: 2, text: 'other chat' })).ok, true);
      assert.equal(
        (await call(emu, 'sendChatAction', { chat_id: 1, action: 'typing' })).ok,
        true,
        'chat actions are not messages',
      );
      now += 1000;
      assert.equal((await call(emu, 'sendMessage', { chat_id: 1, text: 'c' })).ok, true);
      for (let i = 0; i < 20; i++)
        assert.equal((await call(emu, 'sendMessage', { chat_id: -100, text: `g${i}` })).ok, true, `group message ${i}`);
      const group = await call(emu, 'sendMessage', { chat_id: -100, text: 'one too many' });
      assert.equal(group.error_code, 429);
      assert.equal(group.parameters!.retry_after, 60);
    } finally {
      await emu.stop();
    }
  });

  it('Botte waits out the 429 and delivers', async () => {
    const emu = await BotApiEmulator.start({ rateLimits: { perPrivateChatPerSecond: 1 } });
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
    try {
      await bot.sendMessage(3, 'one');
      await bot.sendMessage(3, 'two');
      assert.equal(emu.callsOf('sendMessage').filter((c) => c.status === 429).length, 1);
      assert.equal(emu.callsOf('sendMessage').filter((c) => c.status === 200).length, 2);
    } finally {
      await bot.closeSession();
      await emu.stop();
    }
  });
});

describe('emulator webhook delivery', () => {
  it('POSTs updates with the secret token, retries on errors, keeps per-chat order, runs a method in the answer', async () => {
    const emu = await BotApiEmulator.start({ deliverWebhooks: { retryDelayMs: 20 } });
    const received: Array<{ secret: unknown; update: any }> = [];
    let failuresLeft = 2;
    const server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const update = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        if (failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(500).end();
          return;
        }
        received.push({ secret: req.headers['x-telegram-bot-api-secret-token'], update });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            method: 'sendMessage',
            chat_id: update.message.chat.id,
            text: `got ${update.message.text}`,
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      assert.equal((await call(emu, 'setWebhook', { url, secret_token: 'S3cret' })).ok, true);
      emu.pushMessage('first', { userId: 11 });
      emu.pushMessage('second', { userId: 11 });
      emu.pushMessage('other', { userId: 12 });
      await emu.waitForCall('sendMessage', (c) => c.params.text === 'got second', 10_000);
      await emu.waitForCall('sendMessage', (c) => c.params.text === 'got other', 10_000);
      assert.ok(received.every((r) => r.secret === 'S3cret'));
      const chat11 = received.filter((r) => r.update.message.chat.id === 11).map((r) => r.update.message.text);
      assert.deepEqual(chat11, ['first', 'second']);
      assert.equal(emu.pendingUpdates().length, 0, 'delivered updates are confirmed');
      assert.equal(failuresLeft, 0);
    } finally {
      await emu.stop();
      server.close();
      server.closeAllConnections();
    }
  });
});
