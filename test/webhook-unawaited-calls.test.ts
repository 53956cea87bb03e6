// Serverless platforms (AWS Lambda, Vercel, Netlify, Cloudflare Workers) freeze or cancel what a
// function still runs once its answer is out. The README's own style, `(message) => {
// bot.replyTo(message, 'Howdy') }`, starts a call it does not await: behind webhookHandler or
// lambdaHandler the answer went out at once and the reply could be lost with the function. The
// serverless adapters answer only once the Bot API calls the update's handlers started have
// finished too; a failing one is still reported, never swallowed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { Botte } from '../src/index.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lambdaHandler, nodeHttpHandler, webhookHandler } from '../src/webhook/index.js';
import { useEmulator } from './emulator-harness.js';

const emu = await useEmulator();

const update = (id: number, text: string) => ({
  update_id: id,
  message: {
    message_id: id,
    date: 1,
    chat: { id: 31, type: 'private' },
    from: { id: 31, is_bot: false, first_name: 'S' },
    text,
  },
});
const request = (id: number, text: string) =>
  new Request('https://fn.example/telegram', { method: 'POST', body: JSON.stringify(update(id, text)) });

/** Holds every sendMessage answer until `release()`. */
function holdSendMessage() {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const remove = emu.onMethod('sendMessage', async (_params, _call, fallback) => {
    await gate;
    return fallback();
  });
  return { release, remove };
}

test('webhookHandler answers only once a call the handler did not await has finished', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, 'Howdy'); // not awaited, as in the README
  });
  const hold = holdSendMessage();
  try {
    let answered = false;
    const response = webhookHandler(bot)(request(1, 'hi')).then((r) => {
      answered = true;
      return r;
    });
    await emu.waitForRequest('sendMessage');
    assert.equal(answered, false, 'the answer went out while the reply was still on its way');
    hold.release();
    assert.equal((await response).status, 200);
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => [call.params.text, call.response?.ok]),
      [['Howdy', true]],
    );
  } finally {
    hold.remove();
  }
});

test('lambdaHandler too; calls started by an un-awaited call chain are waited for as well', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    void bot.sendChatAction(message.chat.id, 'typing').then(() => bot.sendMessage(message.chat.id, 'after typing'));
  });
  const handler = lambdaHandler(bot);
  const result = await handler({ httpMethod: 'POST', body: JSON.stringify(update(2, 'hi')) });
  assert.equal(result.statusCode, 200);
  assert.deepEqual(
    emu.calls.filter((call) => call.response !== undefined).map((call) => call.method),
    ['sendChatAction', 'sendMessage'],
  );
});

test('an un-awaited call that Telegram refuses is still reported to the exceptionHandler; the answer is 200', async () => {
  // In a child process: node:test listens to unhandledRejection itself and would fail the test.
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/webhook-unawaited-child.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | string | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve('the child did not finish within 30 s');
    }, 30_000);
    child.on('exit', (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  assert.equal(code, 0, stderr);
  // Reported before the answer: the answer waited for the call.
  assert.deepEqual(stdout.trim().split('\n'), [
    'reported: ApiTelegramException Bad Request: message text is empty',
    'answer 200',
  ]);
});

test('with replyInResponse the first un-awaited call is the answer, a second one is waited for', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, 'in the answer');
    bot.sendMessage(message.chat.id, 'over HTTP');
  });
  const response = await webhookHandler(bot, { replyInResponse: true })(request(4, 'hi'));
  assert.equal(JSON.parse(await response.text()).text, 'in the answer');
  assert.deepEqual(
    emu.callsOf('sendMessage').map((call) => [call.params.text, call.response?.ok]),
    [['over HTTP', true]],
  );
});

test('waitForCalls: false answers at once; waitForCalls: true makes nodeHttpHandler wait too', async () => {
  emu.reset();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, 'later');
  });
  const hold = holdSendMessage();
  const server = createServer(nodeHttpHandler(bot, { waitForCalls: true }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    // Not waiting: the answer is out while the reply is still held by the emulator.
    const quick = await webhookHandler(bot, { waitForCalls: false })(request(5, 'hi'));
    assert.equal(quick.status, 200);
    assert.equal(emu.callsOf('sendMessage').filter((call) => call.response !== undefined).length, 0);
    let answered = false;
    const { port } = server.address() as AddressInfo;
    const waited = fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify(update(6, 'hi')) }).then(
      (response) => {
        answered = true;
        return response.status;
      },
    );
    await emu.waitForRequest(
      'sendMessage',
      (call) => (call.params.reply_parameters as { message_id?: number } | undefined)?.message_id === 6,
    );
    assert.equal(answered, false, 'nodeHttpHandler answered before the reply was done');
    hold.release();
    assert.equal(await waited, 200);
  } finally {
    hold.remove();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
