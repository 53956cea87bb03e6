// No silent no-ops: an unapplied registrar decorator is reported, typed methods refuse argument
// lists they can't map (plain JavaScript in pyTelegramBotAPI's order), and the types take what
// Telegram takes (`parse_mode: 'html'`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, logger } from '../src/index.js';
import { sleep } from './helpers.js';

async function captureWarnings(run: () => unknown): Promise<string[]> {
  const logged: string[] = [];
  const level = logger.getLevel();
  logger
    .setOutput((record) => {
      logged.push(String(record.message));
    })
    .setLevel('warn');
  try {
    await run();
    await sleep(5);
  } finally {
    logger.setOutput(null).setLevel(level);
  }
  return logged;
}

test('bot.chatMemberHandler(fn) whose decorator is never applied warns once, naming the registrar, the call site and the fix', async () => {
  const bot = new Botte('1:x');
  const onMember = () => undefined;
  const logged = await captureWarnings(() => {
    for (let i = 0; i < 3; i++) bot.chatMemberHandler(onMember);
  });
  assert.equal(logged.length, 1, logged.join('\n'));
  assert.match(logged[0]!, /bot\.chatMemberHandler\(\.\.\.\) at .*dispatch-no-silent-noops\.test\.ts:\d+/);
  assert.match(logged[0]!, /registered nothing.*bot\.chatMemberHandler\(\{\}, fn\)/);
});

test("decorators that are applied (also stacked, and the README's predicate form) do not warn", async () => {
  const bot = new Botte('1:x');
  const logged = await captureWarnings(() => {
    bot.inlineHandler((query) => query.query === 'text')(() => undefined);
    bot.handleMsg({ commands: ['hello'] })(bot.handleMsg({ func: () => true })(() => undefined));
    bot.handleMsg({ commands: ['x'] }, () => undefined);
  });
  assert.deepEqual(logged, []);
  const unapplied = await captureWarnings(() => bot.handleMsg({ commands: ['lost'] }));
  assert.match(unapplied.join('\n'), /bot\.handleMsg\(\.\.\.\).*Pass the handler as the second argument/);
});

test('typed methods check arity and the options slot at run time, naming the method and its signature', async () => {
  const emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const js = bot as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  try {
    const prices = [{ label: 'x', amount: 100 }];
    assert.throws(
      () => js.sendInvoice!(1, 'title', 'desc', 'payload', 'PROVIDER_TOKEN', 'usd', prices, { need_name: true }),
      (error: unknown) =>
        error instanceof TypeError &&
        error.message.includes('sendInvoice: 8 arguments given, at most 7 expected') &&
        error.message.includes('sendInvoice(chat_id, title, description, payload, currency, prices, options?)'),
    );
    assert.throws(
      () => js.sendMessage!(1, 'hi', 'HTML'),
      /sendMessage: argument 3 must be the options object \(a plain object\), got a string: sendMessage\(chat_id, text, options\?\)/,
    );
    assert.throws(
      () => js.getUpdates!(0, 10, 5, ['message'], 'x'),
      /getUpdates: argument 5 must be the options object/,
    );
    assert.equal(emu.callsOf('sendInvoice').length + emu.callsOf('sendMessage').length, 0, 'nothing was sent');
    // The right forms still work.
    await bot.sendInvoice(1, 'title', 'desc', 'payload', 'XTR', prices, { need_name: true });
    assert.equal(emu.callsOf('sendInvoice')[0]!.params.currency, 'XTR');
    await bot.getUpdates(0, 1, 0, undefined);
    // Lower-case parse modes are Telegram's too: the types take them.
    await bot.sendMessage(1, '<b>x</b>', { parse_mode: 'html' });
    const bold = new Botte(emu.token, { apiUrl: emu.apiUrl, parseMode: 'markdownv2' });
    await bold.sendMessage(1, '*x*');
    await bold.closeSession();
    assert.deepEqual(
      emu.callsOf('sendMessage').map((call) => call.params.parse_mode),
      ['html', 'markdownv2'],
    );
  } finally {
    await bot.closeSession();
    await emu.stop();
  }
});
