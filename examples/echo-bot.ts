/**
 * The README's echo bot. `npm start`:
 * - with BOT_TOKEN set, it runs against Telegram (long polling; Ctrl+C stops it gracefully);
 * - without it, it starts the embedded Bot API emulator, points the bot at it, plays a short
 *   conversation, and (in a terminal) stays up so that you can post more messages to it with
 *   curl; run without a terminal (CI, `< /dev/null`), it stops after the conversation.
 */
import { createServer } from 'node:http';
import { Botte, type BotteOptions } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';
import { isMain } from './run-main.js';

const WELCOME = 'Howdy, how are you doing?';

/** Builds the echo bot: /start and /help greet, any other text comes back as a reply. */
export function createBot(token: string, options: BotteOptions = {}): Botte {
  const bot = new Botte(token, { parseMode: null, ...options });

  bot.handleMsg({ commands: ['start', 'help'] }, (message) => {
    bot.replyTo(message, WELCOME);
  });

  bot.handleMsg({ func: () => true }, (message) => {
    bot.replyTo(message, message.text);
  });

  return bot;
}

async function runAgainstTelegram(token: string): Promise<void> {
  const bot = createBot(token);
  console.log('Echo bot running against Telegram. Press Ctrl+C to stop.');
  await bot.runthebot({ handleSignals: true });
  console.log('Stopped.');
}

async function runAgainstEmulator(): Promise<void> {
  const emu = await BotApiEmulator.start();
  const bot = createBot(emu.token, { apiUrl: emu.apiUrl });

  // Print both sides of the conversation: users' messages as they are pushed, bot answers as the emulator records them.
  let printed = 0;
  const printBotAnswers = () => {
    for (; printed < emu.calls.length; printed++) {
      const call = emu.calls[printed]!;
      if (call.canonicalMethod === 'sendMessage' && call.status === 200)
        console.log(`bot:  ${String(call.params.text)}`);
    }
  };
  const say = async (text: string, chatId = 1001) => {
    console.log(`user: ${text}`);
    const since = emu.calls.length;
    emu.pushMessage(text, { chatId, userId: chatId });
    await emu.waitForCall('sendMessage', (call) => call.params.chat_id === chatId, { since, timeoutMs: 4000 });
    await new Promise((resolve) => setImmediate(resolve));
    printBotAnswers();
  };

  let pushServer: ReturnType<typeof createServer> | undefined;
  let stopping = false;
  const stop = async () => {
    if (stopping) process.exit(130);
    stopping = true;
    console.log('\nStopping...');
    pushServer?.close();
    pushServer?.closeAllConnections();
    await bot.stopBot();
    await emu.stop();
    console.log('Stopped.');
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const running = bot.runthebot({ longPollingTimeout: 10 });
  running.catch((error) => {
    console.error('The bot stopped:', error);
    process.exitCode = 1;
  });

  console.log('No BOT_TOKEN set: talking to the embedded Bot API emulator.\n');
  await say('/start');
  await say('Hello Botte!');
  await say('Echo me, please.');
  printed = emu.calls.length;
  // Not run from a terminal (CI, a pipe): the scripted conversation is all there is to see, and
  // `npm install && npm start` must end on its own.
  if (!process.stdin.isTTY || !process.stdout.isTTY || process.env.CI) {
    await stop();
    return;
  }

  // A side door to push more messages as a user: POST the text to this endpoint.
  const server = createServer((req, res) => {
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end('POST the text of a message\n');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').trim();
      const chatId = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('chat')) || 1001;
      say(text, chatId).then(
        () => res.writeHead(200).end(`${emu.callsOf('sendMessage').at(-1)?.params.text ?? ''}\n`),
        (error: Error) => res.writeHead(504).end(`${error.message}\n`),
      );
    });
  });
  pushServer = server;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };

  console.log(`\nThe bot keeps running. Send it more messages as user 1001:`);
  console.log(`  curl -d 'Hi there' http://127.0.0.1:${port}/`);
  console.log(`  curl -d '/help' 'http://127.0.0.1:${port}/?chat=2002'   (another chat)`);
  console.log(`Emulator (Bot API) at ${emu.url}. Press Ctrl+C to stop.`);
}

if (isMain(import.meta.url)) {
  const token = process.env.BOT_TOKEN;
  if (token) await runAgainstTelegram(token);
  else await runAgainstEmulator();
}
