// SIGTERM and SIGINT in the middle of a batch: the process finishes the handlers it started,
// confirms what finished and exits; the next process handles the rest. Nothing is lost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BotApiEmulator } from '../../src/testing/index.js';
import { figure, size, until } from './scale.js';

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} mid-batch: handlers finish, the next process handles the rest, 0 lost`, async () => {
    const total = size(400, 5000);
    const emu = await BotApiEmulator.start();
    const start = () =>
      spawn(
        process.execPath,
        ['--import', 'tsx', 'test/reliability/fixtures/polling-child.ts', emu.token, emu.apiUrl, '10', '300'],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
    const done = () => new Set(emu.callsOf('sendMessage').map((call) => String(call.params.text)));
    const first = start();
    const second = { child: undefined as ReturnType<typeof start> | undefined };
    try {
      for (let i = 0; i < total; i++) emu.pushMessage(String(i), { chatId: 1 + (i % 100), userId: 1 + (i % 100) });
      await until(() => done().size >= total / 4, 'a quarter handled', 120_000);
      const exited = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
      first.kill(signal);
      const code = await exited;
      const afterFirst = done().size;
      second.child = start();
      await until(() => done().size === total, `all ${total} handled`, 300_000);
      const secondExit = new Promise((resolve) => second.child!.once('exit', resolve));
      second.child.kill(signal);
      await secondExit;
      const replies = emu.callsOf('sendMessage').length;
      figure(`signal-${signal}`, {
        updates: total,
        handledByFirst: afterFirst,
        lost: total - done().size,
        duplicates: replies - done().size,
        firstExitCode: code,
      });
      assert.equal(code, 0, 'a graceful exit');
      assert.equal(done().size, total);
      assert.equal(replies - done().size, 0, 'a graceful stop confirms what it finished: no duplicates');
    } finally {
      first.kill('SIGKILL');
      second.child?.kill('SIGKILL');
      await emu.stop();
    }
  });
}
