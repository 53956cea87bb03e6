/**
 * One-line setup and cleanup: emu.runBot(bot) starts polling and emu.stop() stops the bot too,
 * so a forgotten stopBot() can no longer keep `node --test` from exiting; a bot pointed at the
 * wrong server is named at once.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Botte } from '../src/index.js';
import { BotApiEmulator } from '../src/testing/index.js';

const repo = fileURLToPath(new URL('..', import.meta.url));

describe('emu.runBot', () => {
  it('runs the bot until emu.stop(), which stops it gracefully first', async () => {
    const emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    bot.handleMsg({ commands: ['start'] }, (m) => bot.replyTo(m, 'Hi'));
    await emu.runBot(bot);
    const chat = emu.privateChat();
    await chat.send('/start');
    await chat.expectReply('Hi');
    await emu.stop();
    // stopBot confirmed the handled update before the emulator closed.
    assert.equal(emu.pendingUpdates().length, 0);
    assert.equal(emu.callsOf('getUpdates').at(-1)!.params.offset, 2);
  });

  it('names the mistake when the bot does not poll this emulator', async () => {
    const emu = await BotApiEmulator.start();
    const elsewhere = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: elsewhere.apiUrl });
    try {
      await assert.rejects(
        emu.runBot(bot, { timeoutMs: 500 }),
        /runBot: the bot did not call getUpdates on this emulator within 500 ms\. Was it created with \{ apiUrl: emu\.apiUrl, fileUrl: emu\.fileUrl \}\?/,
      );
    } finally {
      await emu.stop();
      await elsewhere.stop();
    }
    const emu2 = await BotApiEmulator.start();
    const bot2 = new Botte('42:wrong', { apiUrl: emu2.apiUrl });
    try {
      await assert.rejects(emu2.runBot(bot2), /runBot: the bot stopped: .*401/);
    } finally {
      await emu2.stop();
    }
  });

  it('a node --test file using runBot exits by itself (no --test-force-exit)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'botte-runbot-'));
    try {
      const file = join(dir, 'bot.test.mjs');
      writeFileSync(
        file,
        `import { after, before, test } from 'node:test';
import { Botte } from ${JSON.stringify(join(repo, 'src/index.ts'))};
import { BotApiEmulator } from ${JSON.stringify(join(repo, 'src/testing/index.ts'))};
let emu;
before(async () => {
  emu = await BotApiEmulator.start();
  const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
  bot.handleMsg({ commands: ['x'] }, (m) => bot.replyTo(m, 'x'));
  await emu.runBot(bot);
});
after(() => emu.stop());
test('replies', async () => {
  const chat = emu.privateChat();
  await chat.send('/x');
  await chat.expectReply('x');
});
`,
      );
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=tap', file], {
        cwd: repo,
        encoding: 'utf8',
        timeout: 60_000,
        // Without this the child reports to this test runner instead of printing its results.
        env: { ...process.env, NODE_TEST_CONTEXT: undefined },
      });
      assert.equal(run.signal, null, 'the test process hung');
      assert.equal(run.status, 0, run.stdout + run.stderr);
      assert.match(run.stdout, /# pass 1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('emu.stop() warns when a bot it did not start is still polling (the process would not exit)', async () => {
    const emu = await BotApiEmulator.start();
    const bot = new Botte(emu.token, { apiUrl: emu.apiUrl, fileUrl: emu.fileUrl });
    const running = bot.runthebot({ longPollingTimeout: 1 });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      await emu.waitForRequest('getUpdates');
      await emu.stop();
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /BotApiEmulator\.stop\(\): a bot was still polling .*await bot\.stopBot\(\)/);
    } finally {
      process.off('warning', onWarning);
      await bot.stopBot();
      await running.catch(() => undefined);
    }
  });
});
