// pyTelegramBotAPI's own example bots, translated into examples/pytba-*.ts, each played on the
// emulator with a scripted conversation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator, type RecordedCall } from '../src/testing/index.js';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createProductsBot, productsFactory } from '../examples/pytba-callback-data-bot.js';
import { createStepBot } from '../examples/pytba-step-bot.js';
import { createCustomStatesBot } from '../examples/pytba-custom-states-bot.js';
import { createFloodingBot } from '../examples/pytba-async-middleware-bot.js';
import { HandlerRegistry } from '../src/advanced.js';
import { say, sleep } from './helpers.js';

/** The message_id the emulator answered to a send call (its answer may be written just after the call is seen). */
async function sentMessageId(call: RecordedCall): Promise<number> {
  for (const end = Date.now() + 5000; call.response === undefined; ) {
    if (Date.now() > end) throw new Error(`no answer to ${call.method} within 5 s`);
    await sleep(10);
  }
  return (call.response.result as { message_id: number }).message_id;
}

test('examples/pytba-callback-data-bot.ts: product list, product page, back', async () => {
  const emu = await BotApiEmulator.start();
  const bot = createProductsBot(emu.token, { apiUrl: emu.apiUrl });
  const running = bot.runthebot({ longPollingTimeout: 1 });
  try {
    emu.pushMessage('/products', { userId: 3 });
    const list = await emu.waitForCall('sendMessage', undefined, { timeoutMs: 5000 });
    const rows = (list.params.reply_markup as { inline_keyboard: { text: string; callback_data: string }[][] })
      .inline_keyboard;
    assert.deepEqual(
      rows.map(([button]) => button!.text),
      ['xiaomi mi 10', 'samsung s20', 'iphone 13'],
    );
    assert.equal(rows[1]![0]!.callback_data, productsFactory.new({ product_id: 1 }));
    const messageId = await sentMessageId(list);

    let since = emu.calls.length;
    emu.pushCallbackQuery(rows[1]![0]!.callback_data, { userId: 3, message: messageId });
    const page = await emu.waitForCall('editMessageText', undefined, { since, timeoutMs: 5000 });
    assert.equal(page.params.text, 'Product name: samsung s20\nProduct price: 800');
    assert.deepEqual(page.params.reply_markup, { inline_keyboard: [[{ text: '⬅', callback_data: 'back' }]] });

    since = emu.calls.length;
    emu.pushCallbackQuery('back', { userId: 3, message: messageId });
    const back = await emu.waitForCall('editMessageText', undefined, { since, timeoutMs: 5000 });
    assert.equal(back.params.text, 'Products:');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});

test('examples/pytba-step-bot.ts: the form survives a restart of the bot (steps saved to a file, loaded by name)', async () => {
  const emu = await BotApiEmulator.start();
  const filename = join(mkdtempSync(join(tmpdir(), 'botte-steps-')), 'step.json');
  // Each bot gets a registry of its own, as a new process would: nothing carries over but the file.
  const first = await createStepBot(emu.token, { apiUrl: emu.apiUrl }, { filename, registry: new HandlerRegistry() });
  let running = first.runthebot({ longPollingTimeout: 1 });
  let second: Awaited<ReturnType<typeof createStepBot>> | undefined;
  try {
    await say(emu, 4, '/start', "Hi there, I am Example bot.\nWhat's your name?");
    await say(emu, 4, 'Ada', 'How old are you?');
    await first.stopBot(); // flushes the delayed save
    await running;

    second = await createStepBot(emu.token, { apiUrl: emu.apiUrl }, { filename, registry: new HandlerRegistry() });
    running = second.runthebot({ longPollingTimeout: 1 });
    await say(emu, 4, 'old', 'Age should be a number. How old are you?');
    await say(emu, 4, '36', 'What is your gender');
    assert.deepEqual(emu.callsOf('sendMessage').at(-1)!.params.reply_markup, {
      keyboard: [[{ text: 'Male' }, { text: 'Female' }]],
      one_time_keyboard: true,
    });
    await say(emu, 4, 'Female', 'Nice to meet you Ada\n Age:36\n Sex:Female');
  } finally {
    await (second ?? first).stopBot();
    await running;
    await emu.stop();
  }
});

for (const flavour of ['sync', 'async'] as const) {
  test(`examples/pytba-custom-states-bot.ts (${flavour}): the form through data.state, with cancel and a wrong age`, async () => {
    const emu = await BotApiEmulator.start();
    const bot = createCustomStatesBot(emu.token, { apiUrl: emu.apiUrl }, flavour);
    const running = bot.runthebot({ longPollingTimeout: 1 });
    try {
      await say(emu, 5, '/start', 'What is your name?');
      await say(emu, 5, '/cancel', 'Your information has been cleared. Type /start to begin again.');
      await say(emu, 5, '/start', 'What is your name?');
      await say(emu, 5, 'Ada', 'How old are you?');
      await say(emu, 5, 'old', 'Please enter a valid number for age.');
      await say(emu, 5, '36', 'What is your favorite color? Choose from the options below.');
      assert.equal(
        (emu.callsOf('sendMessage').at(-1)!.params.reply_markup as { keyboard: unknown[] }).keyboard.length,
        4,
      );
      await say(emu, 5, 'Blue', 'What is one of your hobbies? Choose from the options below.');
      await say(
        emu,
        5,
        'Cooking',
        'Thank you for sharing! Here is a summary of your information:\nFirst Name: Ada\nAge: 36\nFavorite Color: Blue\nHobby: Cooking',
      );
      assert.equal(emu.callsOf('sendMessage').at(-1)!.params.parse_mode, 'html');
      await bot.stopBot(); // waits for the handler, which deletes the state after replying
      assert.equal(await bot.getState(5, 5), undefined);
    } finally {
      await bot.stopBot();
      await running;
      await emu.stop();
    }
  });
}

test('examples/pytba-async-middleware-bot.ts: a message within 2 s of the previous one is cancelled', async () => {
  const emu = await BotApiEmulator.start();
  const bot = createFloodingBot(emu.token, { apiUrl: emu.apiUrl });
  const running = bot.polling({ longPollingTimeout: 1 });
  try {
    const at = (text: string, date: number, expected: string) => {
      const since = emu.calls.length;
      emu.pushMessage(text, { userId: 9, extra: { date } });
      return emu
        .waitForCall('sendMessage', undefined, { since, timeoutMs: 5000 })
        .then((call) => assert.equal(call.params.text, expected));
    };
    await at('/start', 1000, 'Hello!');
    await at('/start', 1001, 'You are making request too often');
    await at('/start', 1005, 'Hello!');
  } finally {
    await bot.stopBot();
    await running;
    await emu.stop();
  }
});
