// enableSave…Handlers / loadNextStepHandlers / loadReplyHandlers / disableSave… as a Dispatcher
// user meets them: which file is written (default files, a second enable call that changes the
// file, the delay or the registry), which file is read, what load answers, what a custom backend
// keeps, and the errors for bad options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { waitFor } from './helpers.js';
import { useDispatchHarness } from './dispatch-harness.js';
import { logger } from '../src/logger.js';
import { HandlerRegistry, MemoryHandlerBackend, type StepEntry } from '../src/states/step-backends.js';
import type { Message } from '../src/types/message.js';

const harness = await useDispatchHarness();
const { emu } = harness;

const tempDir = () => mkdtempSync(join(tmpdir(), 'botte-dispatch-saved-'));
/** The entries saved in a step file (undefined when the file does not exist). */
const savedIn = (file: string): Record<string, unknown[]> | undefined =>
  existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).entries : undefined;
/** Writes a step file holding one saved entry `name` for `key`, as a previous run would have. */
const writeSaved = (file: string, key: string, name: string, args: unknown[] = []) =>
  writeFileSync(file, JSON.stringify({ version: 1, entries: { [key]: [{ name, args }] } }));

/** Runs `body` with the working directory set to a fresh temporary one (the default files are relative). */
async function inTempCwd(body: (dir: string) => Promise<void>): Promise<void> {
  const previous = process.cwd();
  const dir = tempDir();
  process.chdir(dir);
  try {
    await body(dir);
  } finally {
    process.chdir(previous);
  }
}

/** Collects what the logger writes at `level` and above while `body` runs. */
async function logged(level: 'info' | 'warn', body: (sofar: () => string[]) => Promise<void> | void): Promise<string> {
  const lines: string[] = [];
  const before = logger.getLevel();
  logger.setOutput((record) => {
    lines.push(String(record.message));
  });
  logger.setLevel(level);
  try {
    await body(() => lines);
  } finally {
    logger.setOutput(null);
    logger.setLevel(before);
  }
  return lines.join('\n');
}

/** A backend of one's own that persists by itself (no registry, no load), recording what it is given. */
function ownBackend() {
  const stored = new Map<string, StepEntry[]>();
  const registered: string[] = [];
  return {
    registered,
    async register(key: string, entry: StepEntry) {
      registered.push(key);
      stored.set(key, [...(stored.get(key) ?? []), entry]);
    },
    async take(key: string) {
      const entries = stored.get(key) ?? [];
      stored.delete(key);
      return entries;
    },
    async clear(key: string) {
      stored.delete(key);
    },
  };
}

test('without a filename, next steps go to ./.handler-saves/step.json and replies to ./.handler-saves/reply.json', async () => {
  await inTempCwd(async (dir) => {
    const { bot } = harness.setup();
    bot.enableSaveNextStepHandlers({ delay: 0, registry: new HandlerRegistry() });
    bot.enableSaveReplyHandlers({ delay: 0, registry: new HandlerRegistry() });
    await bot.registerNextStepHandlerByChatId(5, function askName() {});
    await bot.registerForReplyByMessageId(9, function onAnswer() {});
    assert.deepEqual(savedIn(join(dir, '.handler-saves', 'step.json')), { '5': [{ name: 'askName', args: [] }] });
    assert.deepEqual(savedIn(join(dir, '.handler-saves', 'reply.json')), { '9': [{ name: 'onAnswer', args: [] }] });
  });
});

test('without a filename, load reads ./.handler-saves/step.json (reply.json for replies) and says how many wait', async () => {
  await inTempCwd(async (dir) => {
    mkdirSync(join(dir, '.handler-saves'));
    writeSaved(join(dir, '.handler-saves', 'step.json'), '5', 'defaultStep');
    writeSaved(join(dir, '.handler-saves', 'reply.json'), '9', 'defaultReply');
    const { bot, feed } = harness.setup();
    const seen: string[] = [];
    const fromStepFile = await bot.loadNextStepHandlers({
      handlers: [
        function defaultStep(m: Message) {
          seen.push(`step:${m.text}`);
        },
      ],
    });
    const fromReplyFile = await bot.loadReplyHandlers({
      handlers: {
        defaultReply: (m: Message) => {
          seen.push(`reply:${m.text}`);
        },
      },
    });
    assert.equal(fromStepFile, 1);
    assert.equal(fromReplyFile, 1);
    emu.pushMessage('hi', { userId: 5 });
    await feed();
    assert.deepEqual(seen, ['step:hi']);
  });
});

test('load on a bot that saves nothing yet answers 0 when no file exists', async () => {
  await inTempCwd(async () => {
    const { bot } = harness.setup();
    assert.equal(await bot.loadNextStepHandlers(), 0);
  });
});

test('a second enable with the same file, delay and registry keeps the handlers waiting in memory', async () => {
  const dir = tempDir();
  const registry = new HandlerRegistry();
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  bot.enableSaveNextStepHandlers({ delay: 60, filename: join(dir, 'a.json') });
  await bot.registerNextStepHandlerByChatId(5, (m: Message) => {
    seen.push(`step5:${m.text}`);
  });
  bot.enableSaveNextStepHandlers({ delay: 60, filename: join(dir, 'a.json') });
  bot.enableSaveReplyHandlers({ delay: 60, filename: join(dir, 'r.json'), registry });
  const question = await bot.sendMessage(6, 'Reply to me');
  await bot.registerForReply(question, (m: Message) => {
    seen.push(`reply:${m.text}`);
  });
  bot.enableSaveReplyHandlers({ delay: 60, filename: join(dir, 'r.json'), registry });
  emu.pushMessage('one', { userId: 5 });
  emu.pushMessage('two', { userId: 6, replyToMessage: question.message_id });
  await feed();
  assert.deepEqual(seen, ['step5:one', 'reply:two', 'handler:two']);
});

test('a second enable with another file, delay or registry switches to it', async () => {
  const dir = tempDir();
  const { bot, feed } = harness.setup();
  const registry = new HandlerRegistry();
  // Another file: what is registered afterwards goes to the new file only.
  bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 'a.json'), registry });
  bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 'b.json'), registry });
  await bot.registerNextStepHandlerByChatId(5, function inB() {});
  assert.deepEqual(savedIn(join(dir, 'b.json')), { '5': [{ name: 'inB', args: [] }] });
  assert.equal(savedIn(join(dir, 'a.json')), undefined);
  // Another delay: from 60 s to 0, the next change is written at once.
  bot.enableSaveReplyHandlers({ delay: 60, filename: join(dir, 'r.json'), registry });
  bot.enableSaveReplyHandlers({ delay: 0, filename: join(dir, 'r.json'), registry });
  await bot.registerForReplyByMessageId(9, function replyNow() {});
  assert.deepEqual(savedIn(join(dir, 'r.json')), { '9': [{ name: 'replyNow', args: [] }] });
  // Another registry: saved names are then looked up in the new one.
  const seen: string[] = [];
  const oldNames = new HandlerRegistry();
  oldNames.add(() => seen.push('old registry'), 'greet');
  const newNames = new HandlerRegistry();
  newNames.add(() => seen.push('new registry'), 'greet');
  writeSaved(join(dir, 'c.json'), '7', 'greet');
  bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 'c.json'), registry: oldNames });
  bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 'c.json'), registry: newNames });
  emu.pushMessage('hello', { userId: 7 });
  await feed();
  assert.deepEqual(seen, ['new registry']);
});

test('load with another filename than the one saving reads that file; with the same one keeps what waits', async () => {
  const dir = tempDir();
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  const registry = new HandlerRegistry();
  bot.enableSaveNextStepHandlers({ delay: 60, filename: join(dir, 'a.json'), registry });
  await bot.registerNextStepHandlerByChatId(5, function waiting(m: Message) {
    seen.push(`waiting:${m.text}`);
  });
  // The same file: the handler registered above (not written yet, delay 60) still waits.
  assert.equal(await bot.loadNextStepHandlers({ filename: join(dir, 'a.json') }), 1);
  emu.pushMessage('one', { userId: 5 });
  await feed();
  // Another file: its entries wait now.
  writeSaved(join(dir, 'b.json'), '6', 'fromB', ['x']);
  const count = await bot.loadNextStepHandlers({
    filename: join(dir, 'b.json'),
    handlers: {
      fromB: (m: Message, tag: string) => {
        seen.push(`fromB:${m.text}:${tag}`);
      },
    },
  });
  assert.equal(count, 1);
  emu.pushMessage('two', { userId: 6 });
  await feed();
  assert.deepEqual(seen, ['waiting:one', 'fromB:two:x']);
});

test('load registers array handlers under their own names, object handlers under their keys', async () => {
  const dir = tempDir();
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  writeFileSync(
    join(dir, 'steps.json'),
    JSON.stringify({
      version: 1,
      entries: { '5': [{ name: 'byOwnName', args: [] }], '6': [{ name: 'byKey', args: [] }] },
    }),
  );
  const handler = function someOtherName(m: Message) {
    seen.push(`byKey:${m.text}`);
  };
  await bot.loadNextStepHandlers({
    filename: join(dir, 'steps.json'),
    handlers: [
      function byOwnName(m: Message) {
        seen.push(`byOwnName:${m.text}`);
      },
    ],
  });
  await bot.loadNextStepHandlers({ filename: join(dir, 'steps.json'), handlers: { byKey: handler } });
  emu.pushMessage('a', { userId: 5 });
  emu.pushMessage('b', { userId: 6 });
  await feed();
  assert.deepEqual(seen, ['byOwnName:a', 'byKey:b']);
});

test("a backend of one's own is kept by enable, load and disable, and said so", async () => {
  const nextStep = ownBackend();
  const reply = ownBackend();
  const { bot } = harness.setup({ nextStepBackend: nextStep, replyBackend: reply });
  const log = await logged('info', () => {
    bot.enableSaveNextStepHandlers({ delay: 0 });
    bot.enableSaveReplyHandlers({ delay: 0 });
  });
  assert.match(log, /enableSaveNextStepHandlers: the configured Object already keeps them; kept/);
  assert.match(log, /enableSaveReplyHandlers: the configured Object already keeps them; kept/);
  assert.equal(await bot.loadNextStepHandlers(), undefined, "a backend of one's own says nothing of its size");
  await assert.rejects(
    bot.loadReplyHandlers({ handlers: [function named() {}] }),
    /loadReplyHandlers: the configured Object has no registry to put handlers in/,
  );
  bot.disableSaveNextStepHandlers();
  bot.disableSaveReplyHandlers();
  await bot.registerNextStepHandlerByChatId(5, () => {});
  await bot.registerForReplyByMessageId(9, () => {});
  assert.deepEqual([nextStep.registered, reply.registered], [['5'], ['9']]);
});

test('disableSaveNextStepHandlers: later next steps are no longer written to the file', async () => {
  const dir = tempDir();
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 'a.json'), registry: new HandlerRegistry() });
  bot.disableSaveNextStepHandlers();
  await bot.registerNextStepHandlerByChatId(5, function notSaved(m: Message) {
    seen.push(m.text!);
  });
  assert.equal(savedIn(join(dir, 'a.json')), undefined);
  emu.pushMessage('still works', { userId: 5 });
  await feed();
  assert.deepEqual(seen, ['still works']);
});

test('handlers waiting when saving is disabled still run; the file is left as it is', async () => {
  const dir = tempDir();
  const file = join(dir, 's.json');
  // Chat 9's handler is not handed to load: it is dropped (with a warning) when saving is disabled.
  writeFileSync(
    file,
    JSON.stringify({
      version: 1,
      entries: { '7': [{ name: 'fromFile', args: [] }], '9': [{ name: 'unknownName', args: [] }] },
    }),
  );
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  bot.enableSaveNextStepHandlers({ delay: 0, filename: file, registry: new HandlerRegistry() });
  await bot.loadNextStepHandlers({
    handlers: {
      fromFile: (m: Message) => {
        seen.push(`fromFile:${m.text}`);
      },
    },
  });
  await bot.registerNextStepHandlerByChatId(
    5,
    function savedStep(m: Message, tag: string) {
      seen.push(`saved:${m.text}:${tag}`);
    },
    'b',
  );
  await bot.registerNextStepHandlerByChatId(6, (m: Message) => {
    seen.push(`arrow:${m.text}`);
  });
  const before = savedIn(file);
  assert.deepEqual(Object.keys(before!).sort(), ['5', '7', '9']);
  const log = await logged('warn', () => {
    bot.disableSaveNextStepHandlers();
    bot.disableSaveReplyHandlers(); // not saving: nothing to do
  });
  assert.match(log, /Saved step handler "unknownName" is not registered/);
  for (const chat of [5, 6, 7, 8, 9]) emu.pushMessage(`to ${chat}`, { userId: chat });
  await feed();
  assert.deepEqual(seen, ['saved:to 5:b', 'arrow:to 6', 'fromFile:to 7', 'handler:to 8', 'handler:to 9']);
  assert.deepEqual(savedIn(file), before);
});

test('handlers registered before saving was enabled still run, and the named ones are saved', async () => {
  const dir = tempDir();
  // A memory backend given as an option is emptied: its entries moved to the file backend.
  const given = new MemoryHandlerBackend();
  const { bot, feed } = harness.setup({ nextStepBackend: given });
  const seen: string[] = [];
  bot.handleMsg({}, (m) => {
    seen.push(`handler:${m.text}`);
  });
  await bot.registerNextStepHandlerByChatId(
    5,
    function earlyStep(m: Message, tag: string) {
      seen.push(`step:${m.text}:${tag}`);
    },
    'a',
  );
  await bot.registerNextStepHandlerByChatId(6, (m: Message) => {
    seen.push(`arrow:${m.text}`);
  });
  const question = await bot.sendMessage(7, 'Reply to me');
  await bot.registerForReply(question, function earlyReply(m: Message) {
    seen.push(`reply:${m.text}`);
  });
  const log = await logged('warn', async () => {
    bot.enableSaveNextStepHandlers({ delay: 0, filename: join(dir, 's.json'), registry: new HandlerRegistry() });
    bot.enableSaveReplyHandlers({ delay: 0, filename: join(dir, 'r.json'), registry: new HandlerRegistry() });
    await waitFor(
      () => savedIn(join(dir, 's.json'))?.['5'] !== undefined && savedIn(join(dir, 'r.json')) !== undefined,
      {
        message: 'the handlers registered before saving was enabled were not written',
      },
    );
  });
  assert.deepEqual(savedIn(join(dir, 's.json')), { '5': [{ name: 'earlyStep', args: ['a'] }] });
  assert.equal(given.size, 0);
  assert.deepEqual(savedIn(join(dir, 'r.json')), {
    [String(question.message_id)]: [{ name: 'earlyReply', args: [], chatId: 7 }],
  });
  assert.match(log, /The step handler for 6 has no name, so it is kept in memory only/);
  emu.pushMessage('one', { userId: 5 });
  emu.pushMessage('two', { userId: 6 });
  emu.pushMessage('three', { userId: 7, replyToMessage: question.message_id });
  await feed();
  assert.deepEqual(seen, ['step:one:a', 'arrow:two', 'reply:three', 'handler:three']);
});

test('handlers registered before load switched to a file still run, and are counted', async () => {
  const dir = tempDir();
  writeSaved(join(dir, 's.json'), '6', 'fromFile');
  const { bot, feed } = harness.setup();
  const seen: string[] = [];
  await bot.registerNextStepHandlerByChatId(5, (m: Message) => {
    seen.push(`early:${m.text}`);
  });
  const waiting = await bot.loadNextStepHandlers({
    filename: join(dir, 's.json'),
    handlers: {
      fromFile: (m: Message) => {
        seen.push(`fromFile:${m.text}`);
      },
    },
  });
  assert.equal(waiting, 2);
  emu.pushMessage('one', { userId: 5 });
  emu.pushMessage('two', { userId: 6 });
  await feed();
  assert.deepEqual(seen, ['early:one', 'fromFile:two']);
});

test('a handler that cannot be moved to an unreadable file is logged with the file to repair', async () => {
  const dir = tempDir();
  const file = join(dir, 'broken.json');
  writeFileSync(file, '{ not json');
  const { bot } = harness.setup();
  await bot.registerNextStepHandlerByChatId(5, function lostStep() {});
  const log = await logged('warn', async (sofar) => {
    bot.enableSaveNextStepHandlers({ delay: 0, filename: file, registry: new HandlerRegistry() });
    await waitFor(() => sofar().length > 0, { message: 'the failed move was not logged' });
  });
  assert.match(log, /Could not save step handlers to .*broken\.json/);
});

test('bad options are refused with a TypeError naming the method', async () => {
  const { bot } = harness.setup();
  for (const bad of [null, 2, 'x']) {
    assert.throws(() => bot.enableSaveNextStepHandlers(bad as never), {
      name: 'TypeError',
      message: /^enableSaveNextStepHandlers\(options\): options must be an object/,
    });
    assert.throws(() => bot.enableSaveReplyHandlers(bad as never), {
      name: 'TypeError',
      message: /^enableSaveReplyHandlers\(options\): options must be an object/,
    });
    await assert.rejects(bot.loadNextStepHandlers(bad as never), {
      name: 'TypeError',
      message: /^loadNextStepHandlers\(options\): options must be an object/,
    });
    await assert.rejects(bot.loadReplyHandlers(bad as never), {
      name: 'TypeError',
      message: /^loadReplyHandlers\(options\): options must be an object/,
    });
  }
  const dir = tempDir();
  await assert.rejects(
    bot.loadNextStepHandlers({ filename: join(dir, 's.json'), handlers: { askAge: 'not a function' as never } }),
    { name: 'TypeError', message: 'loadNextStepHandlers: handlers must be functions' },
  );
  await assert.rejects(bot.loadReplyHandlers({ filename: join(dir, 'r.json'), handlers: [42 as never] }), {
    name: 'TypeError',
    message: 'loadReplyHandlers: handlers must be functions',
  });
});
