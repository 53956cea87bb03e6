// bot.enableSaveNextStepHandlers / loadNextStepHandlers and the reply twins: handlers saved by
// name to a file, re-bound to functions after a restart (a new bot with a registry of its own).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { BotApiEmulator } from '../src/testing/index.js';
import { Botte, logger, states, type Message } from '../src/index.js';
import { HandlerRegistry } from '../src/advanced.js';

const tempFile = (name: string) => join(mkdtempSync(join(tmpdir(), 'botte-saved-')), name);

async function feedAll(bot: Botte): Promise<void> {
  const updates = await bot.getUpdates();
  for (const update of updates) await bot.processNewUpdates([update]);
  if (updates.length > 0) await bot.getUpdates({ offset: updates.at(-1)!.update_id + 1, timeout: 0 });
}

test('reply handlers: saved with delay 0, loaded by a new bot with { name: fn } handlers', async () => {
  const emu = await BotApiEmulator.start();
  const filename = tempFile('reply.json');
  const seen: string[] = [];
  const first = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const second = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    first.enableSaveReplyHandlers({ delay: 0, filename, registry: new HandlerRegistry() });
    const asked = await first.sendMessage(2, 'Reply to me');
    await first.registerForReply(asked, function onReply(message: Message) {
      seen.push(`old ${message.text}`);
    });
    assert.deepEqual(JSON.parse(readFileSync(filename, 'utf8')).entries[String(asked.message_id)], [
      { name: 'onReply', args: [], chatId: 2 },
    ]);

    second.enableSaveReplyHandlers({ delay: 0, filename, registry: new HandlerRegistry() });
    const waiting = await second.loadReplyHandlers({
      handlers: {
        onReply: (message: Message) => {
          seen.push(`new ${message.text}`);
        },
      },
    });
    assert.equal(waiting, 1);
    emu.pushMessage('my answer', { userId: 2, replyToMessage: asked.message_id });
    await feedAll(second);
    assert.deepEqual(seen, ['new my answer']);
    assert.deepEqual(JSON.parse(readFileSync(filename, 'utf8')).entries, {}, 'one-shot: gone from the file too');
  } finally {
    await first.closeSession();
    await second.closeSession();
    await emu.stop();
  }
});

test('a saved step whose function was not handed to load is dropped with a warning naming it', async () => {
  const emu = await BotApiEmulator.start();
  const filename = tempFile('step.json');
  const logged: string[] = [];
  logger.setOutput((record) => {
    logged.push(String(record.message));
  });
  const level = logger.getLevel();
  logger.setLevel('warn');
  const first = new Botte(emu.token, { apiUrl: emu.apiUrl });
  const second = new Botte(emu.token, { apiUrl: emu.apiUrl });
  try {
    first.enableSaveNextStepHandlers({ delay: 0, filename, registry: new HandlerRegistry() });
    await first.registerNextStepHandlerByChatId(
      6,
      function askColour(_message: Message, _tag: string) {
        /* first run */
      },
      'x',
    );
    await second.loadNextStepHandlers({ filename });
    const handled: string[] = [];
    second.handleMsg({}, (message) => {
      handled.push(message.text!);
    });
    emu.pushMessage('blue', { userId: 6 });
    await feedAll(second);
    assert.match(logged.join('\n'), /Saved step handler "askColour" is not registered/);
    assert.deepEqual(handled, ['blue'], 'with no step left to run, the message reaches the handlers');
  } finally {
    logger.setOutput(null);
    logger.setLevel(level);
    await first.closeSession();
    await second.closeSession();
    await emu.stop();
  }
});

test('a configured persistent backend is kept; disableSave goes back to memory; bad options are refused', () => {
  const custom = { register: async () => {}, take: async () => [], clear: async () => {} };
  const bot = new Botte('1:x', { nextStepBackend: custom });
  bot.enableSaveNextStepHandlers({ delay: 1 });
  assert.equal(bot.dispatchState.steps.nextStep, custom);
  bot.enableSaveReplyHandlers({ filename: tempFile('r.json') });
  assert.ok(bot.dispatchState.steps.reply instanceof states.FileHandlerBackend);
  bot.disableSaveReplyHandlers();
  assert.ok(bot.dispatchState.steps.reply instanceof states.MemoryHandlerBackend);
  assert.throws(() => bot.enableSaveNextStepHandlers(2 as never), /options must be an object/);
});
